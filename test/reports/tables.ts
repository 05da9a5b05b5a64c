/**
 * Reads the measure tables back out of each output format (json, csv, html), so the same checks can be made on
 * what a commissioner actually receives.
 */
import { ALL_GROUPS } from '../../core/reports/labels';
import type { PublishedReport } from '../../core/reports';

export type Value = number | string;
export interface Row {
  key: string; // 'all:all', 'age_band:8-11', 'area:coventry'
  people: Value;
  answers: Value[];
  travelled: Value[]; // people, improved, same, worse
  average: Value;
}
export type Tables = Map<string, Row[]>; // measure id -> rows

const val = (s: string): Value => (/^[-+]?\d+(\.\d+)?$/.test(s) ? Number(s) : s);

export function fromJson(text: string): Tables {
  const r = JSON.parse(text) as PublishedReport;
  const out: Tables = new Map();
  for (const m of r.measures) {
    out.set(
      m.id,
      m.groups.map((g) => ({
        key: `${g.groupType}:${g.group}`,
        people: g.people,
        answers: [...g.answers],
        travelled: [g.travelled.people, g.travelled.improved, g.travelled.same, g.travelled.worse],
        average: g.travelled.averageChange,
      })),
    );
  }
  return out;
}

/** RFC 4180 parser (quoted fields, doubled quotes, CRLF). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else if (c === '\n') throw new Error('bare LF in CSV');
    else field += c;
    i++;
  }
  if (field !== '' || row.length) throw new Error('CSV does not end in CRLF');
  return rows;
}

export function fromCsv(text: string): Tables {
  const [header, ...rows] = parseCsv(text);
  const col = (name: string) => header.indexOf(name);
  const out: Tables = new Map();
  for (const r of rows.filter((x) => x[col('section')] === 'measure')) {
    const id = r[col('measure_id')];
    const list = out.get(id) ?? [];
    list.push({
      key: `${r[col('group_type')]}:${r[col('group')]}`,
      people: val(r[col('young_people')]),
      answers: [1, 2, 3, 4, 5].map((n) => val(r[col(`answer_${n}`)])),
      travelled: ['people_with_2_or_more_answers', 'improved', 'same', 'worse'].map((n) => val(r[col(n)])),
      average: val(r[col('average_change')]),
    });
    out.set(id, list);
  }
  return out;
}

const unescape = (s: string) =>
  s.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

export function fromHtml(html: string): Tables {
  const out: Tables = new Map();
  const sections = html.matchAll(/<section class="measure" id="m-(\w+)-([\w.]+)">([\s\S]*?)<\/section>/g);
  for (const [, , id, body] of sections) {
    const tbody = /<tbody>([\s\S]*?)<\/tbody>/.exec(body)![1];
    const rows: Row[] = [];
    for (const [, tr] of tbody.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)) {
      const cells = [...tr.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((m) => unescape(m[1]));
      const g = ALL_GROUPS.find((x) => x.label === cells[0]);
      if (!g) throw new Error(`unknown group label ${cells[0]}`);
      const v = cells.slice(1).map(val);
      rows.push({ key: `${g.type}:${g.value}`, people: v[0], answers: v.slice(1, 6), travelled: v.slice(6, 10), average: v[10] });
    }
    out.set(id, rows);
  }
  return out;
}

/**
 * Problems a reader could exploit: a shown count under 5, an average from a hidden base, or a line whose one hidden
 * cell (or whose hidden cells adding up to under 5) can be worked out from its total.
 */
export function disclosureProblems(tables: Tables): string[] {
  const problems: string[] = [];
  for (const [id, rows] of tables) {
    const all = rows.find((r) => r.key === 'all:all')!;
    const lines: { name: string; parts: Value[]; total: Value }[] = [];
    for (const r of rows) {
      for (const v of [r.people, ...r.answers, ...r.travelled]) {
        if (typeof v === 'number' && v < 5) problems.push(`${id} ${r.key}: count ${v} shown`);
        if (typeof v === 'string' && v !== '<5' && v !== 'c') problems.push(`${id} ${r.key}: odd cell ${v}`);
      }
      if (typeof r.average === 'number' && typeof r.travelled[0] !== 'number') problems.push(`${id} ${r.key}: average from a hidden base`);
      lines.push({ name: `${id} ${r.key} answers`, parts: r.answers, total: r.people });
      lines.push({ name: `${id} ${r.key} travelled`, parts: r.travelled.slice(1), total: r.travelled[0] });
    }
    for (const type of ['age_band', 'area']) {
      const parts = rows.filter((r) => r.key.startsWith(type + ':'));
      if (parts.length === 0) continue;
      lines.push({ name: `${id} ${type} people`, parts: parts.map((r) => r.people), total: all.people });
      for (let c = 0; c < all.answers.length; c++) lines.push({ name: `${id} ${type} answer ${c + 1}`, parts: parts.map((r) => r.answers[c]), total: all.answers[c] });
      for (let c = 0; c < 4; c++) lines.push({ name: `${id} ${type} travelled ${c}`, parts: parts.map((r) => r.travelled[c]), total: all.travelled[c] });
    }
    for (const l of lines) {
      if (typeof l.total !== 'number') continue;
      const hidden = l.parts.filter((p) => typeof p !== 'number');
      const shownSum = l.parts.filter((p): p is number => typeof p === 'number').reduce((a, b) => a + b, 0);
      if (hidden.length === 1) problems.push(`${l.name}: one hidden cell = ${l.total - shownSum} by subtraction`);
      if (hidden.length > 1 && l.total - shownSum < 5) problems.push(`${l.name}: hidden cells add up to ${l.total - shownSum}`);
    }
  }
  return problems;
}

/**
 * The suggested threshold level table read back from each format, as Rows (answers = the four level cells,
 * travelled = people 2+, lower, same, higher; no average), under the id "levels" so disclosureProblems can check it.
 */
export function levelsFromJson(text: string): Tables {
  const r = JSON.parse(text) as PublishedReport;
  const rows: Row[] = r.thresholdLevels.groups.map((g) => ({
    key: `${g.groupType}:${g.group}`,
    people: g.people,
    answers: [...g.levels],
    travelled: [g.moved.people, g.moved.lower, g.moved.same, g.moved.higher],
    average: '',
  }));
  return new Map([['levels', rows]]);
}

export function levelsFromCsv(text: string): Tables {
  const [header, ...rows] = parseCsv(text);
  const col = (name: string) => header.indexOf(name);
  const out: Row[] = rows
    .filter((x) => x[col('section')] === 'threshold_level')
    .map((r) => ({
      key: `${r[col('group_type')]}:${r[col('group')]}`,
      people: val(r[col('young_people')]),
      answers: [1, 2, 3, 4].map((n) => val(r[col(`level_${n}`)])),
      travelled: ['people_with_2_or_more_check_ins', 'level_lower', 'level_same', 'level_higher'].map((n) => val(r[col(n)])),
      average: '',
    }));
  return new Map([['levels', out]]);
}

export function levelsFromHtml(html: string): Tables {
  const m = /<section class="outcome levels" id="threshold-levels">([\s\S]*?)<\/section>/.exec(html);
  if (!m) return new Map([['levels', []]]);
  const tbody = /<tbody>([\s\S]*?)<\/tbody>/.exec(m[1])![1];
  const rows: Row[] = [];
  for (const [, tr] of tbody.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)) {
    const cells = [...tr.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((x) => unescape(x[1]));
    const g = ALL_GROUPS.find((x) => x.label === cells[0]);
    if (!g) throw new Error(`unknown group label ${cells[0]}`);
    const v = cells.slice(1).map(val);
    rows.push({ key: `${g.type}:${g.value}`, people: v[0], answers: v.slice(1, 5), travelled: v.slice(5, 9), average: '' });
  }
  return new Map([['levels', rows]]);
}
