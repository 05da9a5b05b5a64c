import { averageCell, Cell, lineIsSafe, makeReport, protect, renderCsv, renderHtml, renderJson } from '../../core/reports';
import { fixtureAnswers, fixtureB, fixtureCheckIns, JANUARY } from './fixture';
import { disclosureProblems, fromCsv, fromHtml, fromJson, Tables } from './tables';

/** protect() over one line: parts a,b,c... and their total. */
function one(parts: number[]): Cell[] {
  const values = new Map<string, number>(parts.map((v, i) => [`p${i}`, v]));
  values.set('t', parts.reduce((a, b) => a + b, 0));
  const out = protect(values, [{ parts: parts.map((_, i) => `p${i}`), total: 't' }]);
  return [...parts.map((_, i) => out.get(`p${i}`)!), out.get('t')!];
}

describe('small-number suppression rule', () => {
  it('shows every count under 5 (0 included) as "<5" and leaves larger ones alone', () => {
    expect(one([10, 12, 20])).toEqual([10, 12, 20, 42]);
    expect(one([4, 12, 20])[0]).toBe('<5');
  });

  it('hides a second cell when one hidden cell could be worked out from the total', () => {
    // 3 + 6 + 6 = 15: showing 6, 6 and 15 would give away the 3
    expect(one([3, 6, 6])).toEqual(['<5', 'c', 6, 15]);
    // 2 + 3 + 10 + 10: two small cells adding up to 5 would show neither is 0, so a "c" is added
    expect(one([2, 3, 10, 10])).toEqual(['<5', '<5', 'c', 10, 25]);
  });

  it('hides the total when the hidden cells could only add up one way', () => {
    expect(one([4, 4, 4])).toEqual(['<5', '<5', '<5', 'c']);
  });

  it('does not let hidden cells that add up to nothing give away zeros', () => {
    expect(one([0, 0, 30])).toEqual(['<5', '<5', 'c', 30]);
  });

  it('judges a line safe only when each "<5" cell could be anything from 0 to 4', () => {
    expect(lineIsSafe(1, 0, 3)).toBe(false);
    expect(lineIsSafe(1, 1, 8)).toBe(false);
    expect(lineIsSafe(1, 1, 9)).toBe(true);
    expect(lineIsSafe(3, 0, 8)).toBe(true);
    expect(lineIsSafe(3, 0, 9)).toBe(false);
    expect(lineIsSafe(0, 1, 30)).toBe(false);
    expect(lineIsSafe(0, 2, 30)).toBe(true);
  });

  it('hides an average worked out from fewer than 5 people or from a hidden count', () => {
    expect(averageCell(7, 9, 9)).toBe(0.8);
    expect(averageCell(3, '<5', 3)).toBe('<5');
    expect(averageCell(20, 'c', 12)).toBe('c');
  });
});

describe('suppression holds in every output format', () => {
  const small = makeReport({ answers: fixtureAnswers(), checkIns: fixtureCheckIns() }, JANUARY);
  const big = makeReport({ answers: [...fixtureAnswers(), ...fixtureB()], checkIns: fixtureCheckIns() }, JANUARY);
  const formats: [string, (r: typeof small) => Tables][] = [
    ['json', (r) => fromJson(renderJson(r))],
    ['csv', (r) => fromCsv(renderCsv(r))],
    ['html', (r) => fromHtml(renderHtml(r))],
  ];

  describe.each(formats)('%s', (_fmt, read) => {
    it('shows no count under 5 and no cell that can be worked out by subtraction', () => {
      for (const r of [small, big]) {
        const t = read(r);
        expect(t.size).toBe(r.measures.length);
        expect(disclosureProblems(t)).toEqual([]);
      }
    });

    it('hides the three 8-11 year olds who answered 3.6, and does not let them be worked out from the band total', () => {
      const rows = read(small).get('3.6')!;
      const all = rows.find((r) => r.key === 'all:all')!;
      const bands = rows.filter((r) => r.key.startsWith('age_band:'));
      expect(all.people).toBe(15);
      expect(rows.find((r) => r.key === 'age_band:8-11')!.people).toBe('<5');
      // a second band is hidden too, so 15 minus the shown bands is not 3
      expect(bands.filter((b) => typeof b.people !== 'number').length).toBeGreaterThanOrEqual(2);
      const shown = bands.map((b) => b.people).filter((p): p is number => typeof p === 'number');
      expect(15 - shown.reduce((a, b) => a + b, 0)).not.toBe(3);
      // the Warwickshire cell (the same 3 people) is hidden with a second area cell
      const areas = rows.filter((r) => r.key.startsWith('area:'));
      expect(rows.find((r) => r.key === 'area:warwickshire')!.people).toBe('<5');
      expect(areas.filter((a) => typeof a.people !== 'number').length).toBeGreaterThanOrEqual(2);
    });

    it('keeps figures for large groups visible', () => {
      const rows = read(big).get('2.3')!;
      expect(rows.find((r) => r.key === 'all:all')!.answers).toEqual([16, 17, 23, 24, 25]);
    });
  });

  it('the checker itself catches a leaky table (so the checks above can fail)', () => {
    const leaky = fromJson(renderJson(small));
    const rows = leaky.get('3.6')!;
    rows.find((r) => r.key === 'age_band:12-15')!.people = 6;
    rows.find((r) => r.key === 'age_band:16-25')!.people = 6;
    expect(disclosureProblems(leaky).some((p) => p.includes('age_band people: one hidden cell = 3'))).toBe(true);
    rows.find((r) => r.key === 'age_band:8-11')!.people = 3;
    expect(disclosureProblems(leaky)).toContain('3.6 age_band:8-11: count 3 shown');
  });

  it('draws no chart bar or label from a hidden figure', () => {
    const html = renderHtml(small);
    const svgs = [...html.matchAll(/<svg[^>]*role="img"[\s\S]*?<\/svg>/g)].map((m) => m[0]);
    expect(svgs.length).toBeGreaterThan(small.measures.length);
    for (const svg of svgs) {
      const values = [...svg.matchAll(/<text[^>]*class="v"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
      expect(values.length).toBeGreaterThan(0);
      for (const v of values) {
        if (/^\d+$/.test(v)) expect(Number(v)).toBeGreaterThanOrEqual(5);
        else expect(['&lt;5', 'c'].includes(v) || /^[-+]?\d+\.?\d*$/.test(v)).toBe(true);
      }
    }
  });
});
