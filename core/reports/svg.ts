/**
 * Charts drawn on the server as inline SVG (no script, no external files). They only ever draw published
 * figures: a hidden cell ("<5" or "c") is drawn as a labelled hatched box of fixed size, never to scale.
 */
import type { Cell } from './suppress';

export const esc = (s: unknown): string =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Put once in the page: the hatch used for hidden cells (ids must be unique in a page). */
export const SVG_DEFS = `<svg width="0" height="0" aria-hidden="true" focusable="false" style="position:absolute"><defs><pattern id="hidden" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#888" stroke-width="2"/></pattern></defs></svg>`;

/** The five step colours, from hardest (1) to going really well (5). */
export const STEP_COLOURS = ['#c0392b', '#e67e22', '#f1c40f', '#27ae60', '#2e6fb7'];

/** Vertical bars: young people by latest answer 1..5. */
/** Threshold levels 1 (universal) to 4 (acute): least need blue, most need red. */
export const LEVEL_COLOURS = ['#2e6fb7', '#f1c40f', '#e67e22', '#c0392b'];

export function distributionChart(cells: readonly Cell[], labels: readonly string[], title: string, colours: readonly string[] = STEP_COLOURS): string {
  const w = 320;
  const h = 150;
  const top = 16;
  const base = 118;
  const bw = 44;
  const gap = (w - bw * cells.length) / (cells.length + 1);
  const max = Math.max(1, ...cells.filter((c): c is number => typeof c === 'number'));
  const desc = cells.map((c, i) => `${labels[i]}: ${c}`).join(', ');
  const bars = cells
    .map((c, i) => {
      const x = gap + i * (bw + gap);
      const label = `<text x="${x + bw / 2}" y="${base + 14}" text-anchor="middle" font-size="10">${esc(labels[i])}</text>`;
      if (typeof c === 'number') {
        const bh = Math.round(((base - top) * c) / max);
        return `<rect x="${x}" y="${base - bh}" width="${bw}" height="${bh}" fill="${colours[i]}"/><text x="${x + bw / 2}" y="${base - bh - 3}" text-anchor="middle" font-size="10" class="v">${c}</text>${label}`;
      }
      return `<rect x="${x}" y="${base - 14}" width="${bw}" height="14" fill="url(#hidden)" stroke="#888"/><text x="${x + bw / 2}" y="${base - 17}" text-anchor="middle" font-size="10" class="v">${esc(c)}</text>${label}`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-label="${esc(`${title}. ${desc}`)}"><title>${esc(`${title}. ${desc}`)}</title><line x1="0" y1="${base}" x2="${w}" y2="${base}" stroke="#333"/>${bars}</svg>`;
}

/** Horizontal bars centred on 0: average change per measure, from -4 to +4. */
export function changeChart(rows: readonly { label: string; value: Cell }[], title: string): string {
  const rowH = 18;
  const labelW = 330;
  const plotW = 300;
  const w = labelW + plotW + 40;
  const h = rows.length * rowH + 30;
  const zero = labelW + plotW / 2;
  const scale = plotW / 2 / 4;
  const body = rows
    .map((r, i) => {
      const y = 20 + i * rowH;
      const name = `<text x="${labelW - 6}" y="${y + 12}" text-anchor="end" font-size="10">${esc(r.label)}</text>`;
      if (typeof r.value !== 'number') {
        return `${name}<rect x="${zero - 12}" y="${y + 3}" width="24" height="11" fill="url(#hidden)" stroke="#888"/><text x="${zero + 18}" y="${y + 12}" font-size="10" class="v">${esc(r.value)}</text>`;
      }
      const len = Math.abs(r.value) * scale;
      const x = r.value >= 0 ? zero : zero - len;
      const tx = r.value >= 0 ? zero + len + 4 : zero - len - 4;
      return `${name}<rect x="${x}" y="${y + 3}" width="${Math.max(len, 1)}" height="11" fill="${r.value >= 0 ? '#2e6fb7' : '#c0392b'}"/><text x="${tx}" y="${y + 12}" font-size="10" class="v" text-anchor="${r.value >= 0 ? 'start' : 'end'}">${r.value > 0 ? '+' : ''}${r.value}</text>`;
    })
    .join('');
  const axis = `<line x1="${zero}" y1="14" x2="${zero}" y2="${h - 8}" stroke="#333"/><text x="${zero - plotW / 2}" y="12" font-size="9">worse</text><text x="${zero + plotW / 2}" y="12" font-size="9" text-anchor="end">better</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-label="${esc(title)}"><title>${esc(title)}</title>${axis}${body}</svg>`;
}
