/**
 * The commissioner report as one HTML page: charts drawn on the server as inline SVG, no script, no external
 * files, and a print style for A4. Every figure comes from the published (suppressed) report.
 */
import type { PublishedGroup, PublishedLevelGroup, PublishedLevels, PublishedMeasure, PublishedReport } from './publish';
import { changeChart, distributionChart, esc, LEVEL_COLOURS, SVG_DEFS } from './svg';

const FRAMEWORK_SCALE = ['1 not true', '2', '3', '4', '5 really true'];
const STAR_SCALE = ['1 red', '2', '3', '4', '5 blue'];
const SHORT = ['1', '2', '3', '4', '5'];

const CSS = `
@page { size: A4 portrait; margin: 14mm 12mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", Arial, Helvetica, sans-serif; font-size: 10.5pt; color: #111; margin: 0 auto; max-width: 190mm; padding: 8mm; line-height: 1.35; }
h1 { font-size: 17pt; margin: 0 0 2mm; }
h2 { font-size: 13.5pt; margin: 7mm 0 2mm; border-bottom: 1.5pt solid #2e6fb7; padding-bottom: 1mm; }
h3 { font-size: 11pt; margin: 4mm 0 1.5mm; }
p, li { margin: 1mm 0; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; font-size: 8pt; margin: 1mm 0 2mm; }
th.group { width: 21%; }
thead th { font-size: 7pt; overflow-wrap: normal; vertical-align: bottom; }
th.span { text-align: center; }
.summary th[scope=row] { width: 80%; }
caption { text-align: left; font-weight: bold; padding: 1mm 0; }
th, td { border: 0.5pt solid #999; padding: 0.6mm 1mm; text-align: right; overflow-wrap: anywhere; }
th[scope=row], td.label { text-align: left; }
thead th { background: #e8eef7; }
tr.all th, tr.all td { font-weight: bold; }
.hidden-cell { background: #f2f2f2; }
.measure { break-inside: avoid; page-break-inside: avoid; }
.note { border: 1pt solid #2e6fb7; padding: 2mm 3mm; background: #f3f7fc; }
.legend dt { font-weight: bold; float: left; width: 10mm; }
.legend dd { margin: 0 0 1mm 12mm; }
svg { max-width: 100%; height: auto; }
@media print {
  body { padding: 0; max-width: none; font-size: 10pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  .outcome { break-before: page; page-break-before: always; }
  a { color: inherit; text-decoration: none; }
}
`;

function cell(v: unknown, tag: 'td' | 'th' = 'td'): string {
  const hidden = v === '<5' || v === 'c';
  return `<${tag}${hidden ? ' class="hidden-cell"' : ''}>${esc(v)}</${tag}>`;
}

function signed(v: unknown): string {
  return typeof v === 'number' && v > 0 ? `+${v}` : String(v);
}

function groupRow(g: PublishedGroup): string {
  return (
    `<tr class="${g.groupType === 'all' ? 'all' : ''}"><th scope="row">${esc(g.label)}</th>${cell(g.people)}` +
    g.answers.map((a) => cell(a)).join('') +
    cell(g.travelled.people) +
    cell(g.travelled.improved) +
    cell(g.travelled.same) +
    cell(g.travelled.worse) +
    cell(signed(g.travelled.averageChange)) +
    '</tr>'
  );
}

function measureBlock(m: PublishedMeasure): string {
  const scale = m.kind === 'framework' ? FRAMEWORK_SCALE : STAR_SCALE;
  const name = m.kind === 'framework' ? `${m.id} ${m.label}` : m.label;
  const all = m.groups.find((g) => g.groupType === 'all')!;
  const head =
    '<thead><tr><th scope="col" rowspan="2" class="group">Group</th><th scope="col" rowspan="2">Young people</th>' +
    `<th scope="colgroup" colspan="5" class="span">Latest answer (${m.kind === 'framework' ? '1 not true, 5 really true' : '1 red, 5 blue'})</th>` +
    '<th scope="colgroup" colspan="5" class="span">Distance travelled, first to latest answer</th></tr><tr>' +
    SHORT.map((s) => `<th scope="col">${s}</th>`).join('') +
    '<th scope="col">People 2+</th><th scope="col">Better</th><th scope="col">Same</th><th scope="col">Worse</th><th scope="col">Avg change</th></tr></thead>';
  const body = m.groups.map(groupRow).join('');
  return (
    `<section class="measure" id="m-${esc(m.kind)}-${esc(m.id)}"><h3>${esc(name)}</h3>` +
    distributionChart(all.answers, scale, `${name}: all young people by latest answer`) +
    `<table><caption>${esc(name)}: young people by latest answer, and distance travelled (first to latest answer)</caption>${head}<tbody>${body}</tbody></table></section>`
  );
}

function levelRow(g: PublishedLevelGroup): string {
  return (
    `<tr class="${g.groupType === 'all' ? 'all' : ''}"><th scope="row">${esc(g.label)}</th>${cell(g.people)}` +
    g.levels.map((a) => cell(a)).join('') +
    cell(g.moved.people) +
    cell(g.moved.lower) +
    cell(g.moved.same) +
    cell(g.moved.higher) +
    '</tr>'
  );
}

/** The suggested threshold level section: a chart for all young people and a table by group. */
export function levelsBlock(t: PublishedLevels): string {
  const all = t.groups.find((g) => g.groupType === 'all')!;
  const head =
    '<thead><tr><th scope="col" rowspan="2" class="group">Group</th><th scope="col" rowspan="2">Young people</th>' +
    '<th scope="colgroup" colspan="4" class="span">Suggested level, latest check-in</th>' +
    '<th scope="colgroup" colspan="4" class="span">Move from first to latest check-in</th></tr><tr>' +
    t.levelNames.map((n) => `<th scope="col">${n.level}</th>`).join('') +
    '<th scope="col">People 2+</th><th scope="col">Lower (less need)</th><th scope="col">Same</th><th scope="col">Higher (more need)</th></tr></thead>';
  return (
    `<section class="outcome levels" id="threshold-levels"><h2>${esc(t.label)}</h2>` +
    `<p class="note">${esc(t.note)}</p>` +
    `<ul class="level-names">${t.levelNames.map((n) => `<li>${esc(n.name)}</li>`).join('')}</ul>` +
    distributionChart(all.levels, t.levelNames.map((n) => `Level ${n.level}`), `${t.label}: all young people by the suggested level of their latest check-in`, LEVEL_COLOURS) +
    `<table><caption>${esc(t.label)}: young people by the suggested level of their latest completed My Star check-in in the period, and the move from their first to their latest level</caption>${head}<tbody>${t.groups.map(levelRow).join('')}</tbody></table></section>`
  );
}

export function renderHtml(r: PublishedReport): string {
  const parts: string[] = [];
  parts.push(
    `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">` +
      `<title>${esc(r.title)} ${esc(r.period.from)} to ${esc(r.period.to)}</title><style>${CSS}</style></head><body>${SVG_DEFS}`,
  );
  parts.push(`<header><h1>${esc(r.title)}</h1><p>Period: <strong>${esc(r.period.from)}</strong> to <strong>${esc(r.period.to)}</strong> (UTC, both days included). Made ${esc(r.generatedAt.slice(0, 16).replace('T', ' '))} UTC.</p></header>`);
  parts.push('<main>');
  if (r.empty) parts.push(`<p class="note" role="status">${esc(r.note ?? 'No data in this period.')}</p>`);
  const s = r.summary;
  parts.push(
    `<h2>Summary</h2><table class="summary"><tbody>` +
      `<tr><th scope="row">Young people with an outcome answer or a completed My Star check-in</th>${cell(s.youngPeople)}</tr>` +
      `<tr><th scope="row">Young people who answered outcome questions</th>${cell(s.withOutcomeAnswers)}</tr>` +
      `<tr><th scope="row">Young people who completed a My Star check-in</th>${cell(s.withCheckIns)}</tr>` +
      `<tr><th scope="row">Outcome answers given</th>${cell(s.outcomeAnswers)}</tr>` +
      `<tr><th scope="row">My Star check-ins completed</th>${cell(s.checkIns)}</tr></tbody></table>`,
  );
  parts.push(
    `<h2>How to read this report</h2><ul>` +
      `<li>Outcome questions use Starling's own first-person wording of the framework statements, answered from 1 (not true for me) to 5 (really true for me). My Star areas use five steps from 1 (red, hardest) to 5 (blue, going really well).</li>` +
      `<li>"Young people" counts each person once, by their latest answer in the period; they are grouped by the age band and area of that answer.</li>` +
      `<li>${esc(r.thresholdLevels.label)}: each young person once, by the level suggested from their latest completed My Star check-in in the period. ${esc(r.thresholdLevels.note)}</li>` +
      `<li>"Distance travelled" compares each young person's first and latest answer in the period (only those who answered twice or more). Average change is latest minus first: above 0 means things got better.</li>` +
      `</ul><dl class="legend">` +
      Object.entries(r.legend)
        .map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`)
        .join('') +
      `</dl><p>${esc(r.suppressionRule)}</p>`,
  );
  if (!r.empty) {
    const overview = r.measures.map((m) => ({
      label: m.kind === 'framework' ? `${m.id} ${m.label}` : `My Star: ${m.label}`,
      value: m.groups.find((g) => g.groupType === 'all')!.travelled.averageChange,
    }));
    parts.push(`<h2>Distance travelled at a glance</h2>` + changeChart(overview, 'Average change from first to latest answer, all young people'));
    const framework = r.measures.filter((m) => m.kind === 'framework');
    const outcomes = [...new Set(framework.map((m) => m.outcome))];
    for (const o of outcomes) {
      const ms = framework.filter((m) => m.outcome === o);
      parts.push(`<section class="outcome"><h2>Outcome ${esc(o)}: ${esc(ms[0].outcomeTitle ?? '')}</h2>${ms.map(measureBlock).join('')}</section>`);
    }
    const star = r.measures.filter((m) => m.kind === 'mystar');
    parts.push(`<section class="outcome"><h2>My Star areas</h2>${star.map(measureBlock).join('')}</section>`);
    if (r.thresholdLevels.groups.length > 0) parts.push(levelsBlock(r.thresholdLevels));
  }
  parts.push('</main></body></html>\n');
  return parts.join('\n');
}
