/**
 * The star (radar) chart, drawn as an SVG string and rendered to PNG on the server with resvg.
 * This check-in is a filled shape; the previous one a grey dashed outline. Rings are coloured by step
 * (red in the middle to blue at the edge). The alt text lists every area and step for screen readers.
 *
 * resvg drops text silently when it has no font, so the font file is passed explicitly with
 * loadSystemFonts:false; when the file is missing the chart is drawn without labels rather than failing.
 */
import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import type { AgeBand } from '../ageBands';
import { words as defaultWords, Words } from '../i18n';
import { AREA_IDS, AreaId, CheckInRecord, Step } from '../records/types';
import { myStarContent } from './content';
import { areaName, colourName, stepLabel } from './labels';

export const DEFAULT_FONT_FILE = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

export type Answers = Partial<Record<AreaId, Step | null>>;

export interface ChartOptions {
  width?: number;
  height?: number;
  band?: AgeBand;
  words?: Words;
  fontFile?: string;
}

export interface StarChart {
  png: Buffer;
  width: number;
  height: number;
  alt: string;
  svg: string;
  /** false when the font file was missing and the chart has no labels */
  labelled: boolean;
}

/** Steps per area from a check-in record (or pass the steps directly). */
export function stepsOf(rec: CheckInRecord | Answers | undefined): Answers | undefined {
  if (!rec) return undefined;
  if ('answers' in rec && typeof rec.answers === 'object') {
    const r = rec as CheckInRecord;
    return Object.fromEntries(AREA_IDS.map((a) => [a, r.answers[a]?.step ?? null])) as Answers;
  }
  return rec as Answers;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const f = (n: number) => n.toFixed(1);

/** Breaks a label into lines of about `max` characters. */
function wrap(text: string, max = 14): string[] {
  const out: string[] = [];
  let line = '';
  for (const w of text.split(/\s+/)) {
    if (line && (line + ' ' + w).length > max) {
      out.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) out.push(line);
  return out.slice(0, 3);
}

export function buildStarSvg(current: Answers, previous: Answers | undefined, opts: { band?: AgeBand; words: Words; labels: boolean }): string {
  const W = 480;
  const H = 480;
  const cx = 240;
  const cy = 248;
  const R = 140;
  const n = AREA_IDS.length;
  const steps = myStarContent().steps;
  const angle = (i: number) => -Math.PI / 2 + (2 * Math.PI * i) / n;
  const pt = (i: number, v: number) => [cx + Math.cos(angle(i)) * (R * v) / 5, cy + Math.sin(angle(i)) * (R * v) / 5] as const;
  const ring = (v: number) => AREA_IDS.map((_, i) => pt(i, v).map(f).join(',')).join(' ');
  const shape = (a: Answers) =>
    AREA_IDS.map((id, i) => (a[id] ? pt(i, a[id] as number) : undefined))
      .filter((p): p is readonly [number, number] => !!p)
      .map((p) => p.map(f).join(','))
      .join(' ');

  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">`);
  parts.push(`<rect width="${W}" height="${H}" fill="#FFFFFF"/>`);
  // coloured rings, outermost (blue) first so each inner step paints over it
  for (let v = 5; v >= 1; v--) {
    parts.push(`<polygon points="${ring(v)}" fill="${steps[v - 1].hex}" fill-opacity="0.18" stroke="${steps[v - 1].hex}" stroke-opacity="0.6" stroke-width="1"/>`);
  }
  AREA_IDS.forEach((_, i) => {
    const [x, y] = pt(i, 5);
    parts.push(`<line x1="${cx}" y1="${cy}" x2="${f(x)}" y2="${f(y)}" stroke="#9E9E9E" stroke-width="1"/>`);
  });
  if (previous) {
    const p = shape(previous);
    if (p) parts.push(`<polygon points="${p}" fill="none" stroke="#616161" stroke-width="2.5" stroke-dasharray="7,5"/>`);
  }
  const c = shape(current);
  if (c) parts.push(`<polygon points="${c}" fill="#3F51B5" fill-opacity="0.35" stroke="#1A237E" stroke-width="3" stroke-linejoin="round"/>`);
  AREA_IDS.forEach((id, i) => {
    const v = current[id];
    if (!v) return;
    const [x, y] = pt(i, v);
    parts.push(`<circle cx="${f(x)}" cy="${f(y)}" r="6.5" fill="${steps[v - 1].hex}" stroke="#1A237E" stroke-width="2"/>`);
  });
  if (opts.labels) {
    const w = opts.words;
    const band = opts.band;
    const font = 'font-family="DejaVu Sans" fill="#212121"';
    parts.push(`<text x="${cx}" y="26" text-anchor="middle" font-size="18" font-weight="bold" ${font}>${esc(w.t('mystar:summary.chartTitle', { band }))}</text>`);
    AREA_IDS.forEach((id, i) => {
      const a = angle(i);
      const [x, y] = pt(i, 5.55);
      const cos = Math.cos(a);
      const anchor = Math.abs(cos) < 0.2 ? 'middle' : cos > 0 ? 'start' : 'end';
      const v = current[id];
      const lines = wrap(`${areaName(w, id, band)}${v ? ` (${v})` : ''}`);
      const top = Math.sin(a) < -0.2 ? y - (lines.length - 1) * 14 : Math.abs(Math.sin(a)) <= 0.2 ? y - ((lines.length - 1) * 14) / 2 + 4 : y + 10;
      const spans = lines.map((l, k) => `<tspan x="${f(x)}" y="${f(top + k * 14)}">${esc(l)}</tspan>`).join('');
      parts.push(`<text text-anchor="${anchor}" font-size="12" ${font}>${spans}</text>`);
    });
    // legend
    parts.push(`<rect x="120" y="452" width="22" height="12" fill="#3F51B5" fill-opacity="0.35" stroke="#1A237E" stroke-width="2"/>`);
    parts.push(`<text x="148" y="463" font-size="12" ${font}>${esc(w.t('mystar:summary.today', { band }))}</text>`);
    if (previous) {
      parts.push(`<line x1="260" y1="458" x2="284" y2="458" stroke="#616161" stroke-width="2.5" stroke-dasharray="7,5"/>`);
      parts.push(`<text x="290" y="463" font-size="12" ${font}>${esc(w.t('mystar:summary.lastTime', { band }))}</text>`);
    }
  }
  parts.push('</svg>');
  return parts.join('\n');
}

/** Alt text that names every area and its step (and last time's step when there was one). */
export function starAltText(current: Answers, previous: Answers | undefined, words: Words, band?: AgeBand): string {
  const items = AREA_IDS.map((id) => {
    const area = areaName(words, id, band);
    const v = current[id];
    if (!v) return words.t('mystar:alt.skipped', { band, area });
    const vars = { band, area, step: v, colour: colourName(words, v, band), label: stepLabel(words, v, band, id) };
    if (previous) {
      const p = previous[id];
      return words.t('mystar:alt.areaWithPrevious', { ...vars, previous: p ?? words.t('mystar:alt.notAskedBefore', { band }) });
    }
    return words.t('mystar:alt.area', vars);
  });
  return words.t('mystar:alt.chart', { band, areas: items.join('. ') + '.' });
}

/** Renders the star to PNG (480x480 by default). */
export function renderStarPng(
  current: CheckInRecord | Answers,
  previous?: CheckInRecord | Answers,
  opts: ChartOptions = {},
): StarChart {
  const words = opts.words ?? defaultWords();
  const width = opts.width ?? 480;
  const fontFile = opts.fontFile ?? DEFAULT_FONT_FILE;
  const labelled = existsSync(fontFile);
  const cur = stepsOf(current)!;
  const prev = stepsOf(previous);
  const svg = buildStarSvg(cur, prev, { band: opts.band, words, labels: labelled });
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    font: labelled
      ? { fontFiles: [fontFile], loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' }
      : { loadSystemFonts: false },
    background: '#FFFFFF',
    logLevel: 'off',
  });
  const img = resvg.render();
  const png = img.asPng();
  return { png, width: img.width, height: img.height, alt: starAltText(cur, prev, words, opts.band), svg, labelled };
}

/** A data: URL for the PNG, for an attachment that shows in Web Chat and Teams. */
export function pngDataUrl(png: Buffer): string {
  return `data:image/png;base64,${png.toString('base64')}`;
}

/**
 * The chart as a message attachment (a plain object in Bot Framework's Attachment shape) that shows in
 * Web Chat and Teams. Web Chat reads `name` as the image's alt text, so it carries the full alt text;
 * send the alt text in the message as well for hosts that do not.
 */
export function starAttachment(chart: Pick<StarChart, 'png' | 'alt'>): { contentType: 'image/png'; contentUrl: string; name: string } {
  return { contentType: 'image/png', contentUrl: pngDataUrl(chart.png), name: chart.alt };
}
