/**
 * Suggested Buckinghamshire threshold levels in the commissioner report, from hand-made check-ins (January 2026).
 *
 * Levels (core/mystar/professional.ts): 4 feeling safe at step 1, or home at 1 with feeling safe 1-2;
 * 3 feeling safe at 2, three areas at 1-2 or two at 1; 2 any area at 1-2 or a drop of 2+ steps since the last
 * check-in; 1 otherwise. Every area is at step 4 unless a check-in says otherwise.
 *
 *   12-15, Coventry:       p1 L1;  p2 L2 -> L1 (lower);  p3 L1 -> L4 (higher);  p4 L3 -> L3 (same);
 *                          p5 L1 (all at 5) -> L2 (confidence 5 -> 3, a drop of 2: higher);
 *                          p6 L2 (confidence 5 in December -> 3 in January: the December check-in is its "last")
 *   8-11, Warwickshire:    q1 L3 (two areas at 1);  q2 L1
 *   16-25, area not given: r1 L4 (home 1, feeling safe 2);  r2 L1 -> L1 (same)
 * plus records that must not count: a stopped check-in of p1 at feeling safe 1, and p2 at feeling safe 1 in February.
 */
import type { AgeBand } from '../../core/ageBands';
import { AREA_IDS, AreaId, CheckInRecord, LocalArea, Step } from '../../core/records/types';
import { buildRawReport, makeReport, parsePeriod, PublishedReport, renderCsv, renderHtml, renderJson } from '../../core/reports';
import { THRESHOLD_LEVEL_NAMES } from '../../core/reports/labels';
import { words } from '../../core/i18n';
import { main } from '../../scripts/report';
import { JANUARY } from './fixture';
import { disclosureProblems, levelsFromCsv, levelsFromHtml, levelsFromJson, Row, Tables } from './tables';

type Steps = Partial<Record<AreaId, Step>>;

function ci(uid: string, n: number, band: AgeBand, area: LocalArea | undefined, steps: Steps, at: string, status: CheckInRecord['status'] = 'completed', base: Step = 4): CheckInRecord {
  return {
    id: `${uid}-${n}`,
    uid,
    ageBand: band,
    ...(area ? { area } : {}),
    startedAt: at,
    ...(status === 'completed' ? { completedAt: at } : {}),
    status,
    answers: Object.fromEntries(AREA_IDS.map((a) => [a, { step: steps[a] ?? base }])),
  };
}

const jan = (d: number) => `2026-01-${String(d).padStart(2, '0')}T12:00:00.000Z`;

function smallSet(): CheckInRecord[] {
  const c = (uid: string, n: number, steps: Steps, at: string, base: Step = 4) => ci(uid, n, '12-15', 'coventry', steps, at, 'completed', base);
  return [
    c('p1', 0, {}, jan(5)),
    ci('p1', 1, '12-15', 'coventry', { being_safe: 1 }, jan(9), 'stopped'),
    c('p2', 0, { friends: 2 }, jan(3)),
    c('p2', 1, {}, jan(20)),
    c('p2', 2, { being_safe: 1 }, '2026-02-02T12:00:00.000Z'),
    c('p3', 0, {}, jan(4)),
    c('p3', 1, { being_safe: 1 }, jan(25)),
    c('p4', 0, { being_safe: 2 }, jan(6)),
    c('p4', 1, { being_safe: 2 }, jan(16)),
    c('p5', 0, {}, jan(7), 5),
    c('p5', 1, { confidence: 3 }, jan(17), 5),
    c('p6', 0, {}, '2025-12-20T12:00:00.000Z', 5),
    c('p6', 1, { confidence: 3 }, jan(10), 5),
    ci('q1', 0, '8-11', 'warwickshire', { friends: 1, education: 1 }, jan(8)),
    ci('q2', 0, '8-11', 'warwickshire', {}, jan(8)),
    ci('r1', 0, '16-25', undefined, { where_you_live: 1, being_safe: 2 }, jan(11)),
    ci('r2', 0, '16-25', undefined, {}, jan(12)),
    ci('r2', 1, '16-25', undefined, {}, jan(22)),
  ];
}

/**
 * Big enough that nothing is hidden. Latest level 1..4 per band; everyone has two check-ins: latest level 1 came
 * from level 2 (lower), latest 2 from 2 (same), latest 3 and 4 from level 1 (higher).
 */
const BIG: { band: AgeBand; area: LocalArea; counts: number[] }[] = [
  { band: '8-11', area: 'coventry', counts: [5, 6, 7, 8] },
  { band: '12-15', area: 'coventry', counts: [6, 5, 5, 9] },
  { band: '16-25', area: 'warwickshire', counts: [10, 5, 6, 5] },
];
const LEVEL_STEPS: Steps[] = [{}, { friends: 2 }, { being_safe: 2 }, { being_safe: 1 }];
const FIRST_LEVEL = [2, 2, 1, 1];

function bigSet(): CheckInRecord[] {
  const out: CheckInRecord[] = [];
  for (const { band, area, counts } of BIG) {
    counts.forEach((n, i) => {
      for (let k = 0; k < n; k++) {
        const uid = `big-${band}-${i + 1}-${k}`;
        out.push(ci(uid, 0, band, area, LEVEL_STEPS[FIRST_LEVEL[i] - 1], jan(2)));
        out.push(ci(uid, 1, band, area, LEVEL_STEPS[i], jan(28)));
      }
    });
  }
  return out;
}

const row = (t: Tables, key: string): Row => t.get('levels')!.find((r) => r.key === key)!;
const group = (r: PublishedReport, key: string) => r.thresholdLevels.groups.find((g) => `${g.groupType}:${g.group}` === key)!;

describe('suggested threshold levels: figures worked out by hand', () => {
  const raw = buildRawReport({ answers: [], checkIns: smallSet(), period: JANUARY });

  it('counts each young person once, by the level of their latest completed check-in in the period', () => {
    expect(raw.levels.all.people).toBe(10);
    expect(raw.levels.all.levels).toEqual([4, 2, 2, 2]);
    expect(raw.levels['band:12-15'].levels).toEqual([2, 2, 1, 1]);
    expect(raw.levels['band:8-11'].levels).toEqual([1, 0, 1, 0]);
    expect(raw.levels['band:16-25'].levels).toEqual([1, 0, 0, 1]);
    expect(raw.levels['area:coventry'].people).toBe(6);
    expect(raw.levels['area:warwickshire'].levels).toEqual([1, 0, 1, 0]);
    expect(raw.levels['area:not_recorded'].levels).toEqual([1, 0, 0, 1]);
    expect(raw.levels['area:buckinghamshire'].people).toBe(0);
    // the same young people as "completed a My Star check-in"
    expect(raw.levels.all.people).toBe(raw.withCheckIns);
  });

  it('compares the first and latest level of people with two or more completed check-ins in the period', () => {
    expect(raw.levels.all.moved).toEqual({ people: 5, lower: 1, same: 2, higher: 2 });
    expect(raw.levels['band:12-15'].moved).toEqual({ people: 4, lower: 1, same: 1, higher: 2 });
    expect(raw.levels['band:16-25'].moved).toEqual({ people: 1, lower: 0, same: 1, higher: 0 });
    expect(raw.levels['band:8-11'].moved.people).toBe(0);
  });

  it('uses the check-in before the period as "last time" when it is given, and not otherwise', () => {
    const withoutDecember = smallSet().filter((c) => c.id !== 'p6-0');
    const r = buildRawReport({ answers: [], checkIns: withoutDecember, period: JANUARY });
    // p6 now has nothing to compare with: level 1 instead of 2
    expect(r.levels.all.levels).toEqual([5, 1, 2, 2]);
  });

  it('publishes the figures unchanged when every cell is large enough', () => {
    const r = makeReport({ answers: [], checkIns: bigSet() }, JANUARY);
    const sum = (xs: number[][]) => xs[0].map((_, i) => xs.reduce((s, x) => s + x[i], 0));
    expect(group(r, 'all:all').levels).toEqual(sum(BIG.map((b) => b.counts)));
    expect(group(r, 'all:all').people).toBe(77);
    expect(group(r, 'age_band:12-15').levels).toEqual([6, 5, 5, 9]);
    expect(group(r, 'area:coventry').levels).toEqual([11, 11, 12, 17]);
    expect(group(r, 'area:warwickshire').people).toBe(26);
    expect(group(r, 'age_band:8-11').moved).toEqual({ people: 26, lower: 5, same: 6, higher: 15 });
    expect(group(r, 'all:all').moved).toEqual({ people: 77, lower: 21, same: 16, higher: 40 });
    expect(r.thresholdLevels.groups.map((g) => g.group)).toEqual(['all', '8-11', '12-15', '16-25', 'coventry', 'warwickshire']);
  });
});

describe('suggested threshold levels: small numbers', () => {
  const small = makeReport({ answers: [], checkIns: smallSet() }, JANUARY);
  const big = makeReport({ answers: [], checkIns: [...bigSet(), ...smallSet()] }, JANUARY);
  const formats: [string, (r: PublishedReport) => Tables][] = [
    ['json', (r) => levelsFromJson(renderJson(r))],
    ['csv', (r) => levelsFromCsv(renderCsv(r))],
    ['html', (r) => levelsFromHtml(renderHtml(r))],
  ];

  describe.each(formats)('%s', (_fmt, read) => {
    it('shows no count under 5 and no cell that can be worked out by subtraction', () => {
      for (const r of [small, big]) {
        const t = read(r);
        expect(t.get('levels')!.length).toBe(r.thresholdLevels.groups.length);
        expect(t.get('levels')!.length).toBeGreaterThan(0);
        expect(disclosureProblems(t)).toEqual([]);
      }
    });

    it('hides the two 8-11 year olds and does not let them be worked out from the total', () => {
      const t = read(small);
      expect(row(t, 'all:all').people).toBe(10);
      expect(row(t, 'age_band:8-11').people).toBe('<5');
      const bands = t.get('levels')!.filter((r) => r.key.startsWith('age_band:'));
      expect(bands.filter((b) => typeof b.people !== 'number').length).toBeGreaterThanOrEqual(2);
      expect(row(t, 'all:all').answers.every((c) => c === '<5' || c === 'c')).toBe(true);
    });

    it('hides the area with two young people even beside large groups', () => {
      const t = read(big);
      expect(row(t, 'all:all').people).toBe(87);
      expect(row(t, 'area:not_recorded').people).toBe('<5');
    });
  });

  it('the checker catches a leaky level table (so the checks above can fail)', () => {
    const leaky = levelsFromJson(renderJson(small));
    row(leaky, 'age_band:8-11').people = 2;
    expect(disclosureProblems(leaky)).toContain('levels age_band:8-11: count 2 shown');
  });
});

describe('suggested threshold levels in each output', () => {
  const r = makeReport({ answers: [], checkIns: bigSet() }, JANUARY);
  const label = 'Suggested level of need (Buckinghamshire thresholds, 1 = universal services to 4 = acute / child protection, statutory)';
  const note = /a suggestion worked out from the young person's own My Star check-in answers, for professionals\. It is not an assessment/;

  it('JSON has the label, the note, the four level names and the groups', () => {
    const json = JSON.parse(renderJson(r));
    expect(json.thresholdLevels.label).toBe(label);
    expect(json.thresholdLevels.note).toMatch(note);
    expect(json.thresholdLevels.levelNames.map((n: { name: string }) => n.name)).toEqual([
      'Level 1: universal services',
      'Level 2: additional support (early help, single agency)',
      'Level 3: complex needs (multi-agency support)',
      'Level 4: acute / child protection (statutory intervention)',
    ]);
    expect(json.thresholdLevels.groups[0].levels).toEqual([21, 16, 18, 22]);
  });

  it('CSV has a row per group, the note and the level names, in the same table', () => {
    const csv = renderCsv(r);
    const t = levelsFromCsv(csv);
    expect(row(t, 'all:all').answers).toEqual([21, 16, 18, 22]);
    expect(row(t, 'age_band:16-25').travelled).toEqual([26, 10, 5, 11]);
    expect(csv).toContain(label);
    expect(csv).toMatch(note);
    for (const name of Object.values(THRESHOLD_LEVEL_NAMES)) expect(csv).toContain(name);
  });

  it('HTML has the section with the note, a chart and the table', () => {
    const html = renderHtml(r);
    const section = /<section class="outcome levels" id="threshold-levels">([\s\S]*?)<\/section>/.exec(html)![1];
    expect(section).toContain(`<h2>${label}</h2>`);
    expect(section.replace(/&#39;/g, "'")).toMatch(note);
    expect(section).toContain('Level 4: acute / child protection (statutory intervention)');
    expect(section).toMatch(/<svg[^>]*role="img"/);
    expect(row(levelsFromHtml(html), 'area:coventry').answers).toEqual([11, 11, 12, 17]);
  });

  it('an empty period has no level figures', () => {
    const e = makeReport({ answers: [], checkIns: bigSet() }, parsePeriod('2030-01-01', '2030-01-31'));
    expect(e.empty).toBe(true);
    expect(e.thresholdLevels.groups).toEqual([]);
    expect(renderHtml(e)).not.toContain('id="threshold-levels"');
  });
});

describe('suggested threshold levels in the demo report', () => {
  it('npm run report -- --demo shows them, suppressed, for the same young people as the check-in count', async () => {
    let out = '';
    const code = await main(['--from', '2026-09-01', '--to', '2026-11-30', '--format', 'json', '--demo'], { out: { write: (s: string) => (out += s) }, err: { write: () => undefined } });
    expect(code).toBe(0);
    const json = JSON.parse(out) as PublishedReport;
    const all = json.thresholdLevels.groups.find((g) => g.groupType === 'all')!;
    expect(typeof all.people).toBe('number');
    expect(all.people).toBe(json.summary.withCheckIns);
    expect(all.levels.filter((c) => typeof c === 'number').length).toBeGreaterThanOrEqual(3);
    expect(disclosureProblems(levelsFromJson(out))).toEqual([]);
  });
});

it('the duty worker and the commissioner see the same names for the four levels', () => {
  const w = words();
  for (const level of [1, 2, 3, 4] as const) {
    expect(w.t(`mystar:pro.levelName.${level}`)).toBe(THRESHOLD_LEVEL_NAMES[level]);
  }
});
