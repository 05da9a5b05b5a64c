import { buildRawReport, makeReport, PublishedMeasure } from '../../core/reports';
import { B_COUNTS, fixtureAnswers, fixtureB, fixtureCheckIns, JANUARY } from './fixture';

const group = (m: PublishedMeasure, key: string) => m.groups.find((g) => `${g.groupType}:${g.group}` === key)!;

describe('report figures, worked out by hand', () => {
  const raw = buildRawReport({ answers: fixtureAnswers(), checkIns: fixtureCheckIns(), period: JANUARY });
  const m36 = raw.measures.find((m) => m.id === '3.6')!;
  const star = raw.measures.find((m) => m.id === 'being_safe')!;

  it('counts each young person once by their latest answer in the period, ignoring skips and other months', () => {
    expect(m36.groups.all.people).toBe(15);
    expect(m36.groups.all.answers).toEqual([0, 1, 3, 8, 3]);
    expect(m36.groups['band:12-15'].answers).toEqual([0, 1, 2, 2, 1]);
    expect(m36.groups['band:8-11'].answers).toEqual([0, 0, 1, 0, 2]);
    expect(m36.groups['band:16-25'].answers).toEqual([0, 0, 0, 6, 0]);
    expect(m36.groups['area:coventry'].people).toBe(6);
    expect(m36.groups['area:not_recorded'].people).toBe(6);
  });

  it('measures distance travelled from first to latest answer', () => {
    expect(m36.groups['band:12-15'].travelled).toEqual({ people: 4, improved: 2, same: 1, worse: 1, sumChange: 2 });
    expect(m36.groups.all.travelled).toEqual({ people: 9, improved: 5, same: 2, worse: 2, sumChange: 7 });
  });

  it('counts only completed My Star check-ins in the period', () => {
    expect(star.groups.all.people).toBe(5);
    expect(star.groups.all.answers).toEqual([0, 1, 3, 1, 0]);
    expect(star.groups.all.travelled).toEqual({ people: 5, improved: 3, same: 1, worse: 1, sumChange: 3 });
    expect(raw.measures.find((m) => m.id === 'friends')!.groups.all.people).toBe(0);
    expect(raw.withCheckIns).toBe(5);
    expect(raw.checkInCount).toBe(10);
  });

  it('has summary counts of people, not answers', () => {
    expect(raw.withOutcomeAnswers).toBe(15);
    expect(raw.youngPeople).toBe(20);
    expect(raw.areasPresent).toEqual(['area:coventry', 'area:warwickshire', 'area:not_recorded']);
  });

  it('publishes the figures unchanged when every group is large enough', () => {
    const r = makeReport({ answers: fixtureB(), checkIns: [] }, JANUARY);
    const m = r.measures.find((x) => x.id === '2.3')!;
    expect(m.outcome).toBe(2);
    expect(group(m, 'all:all').people).toBe(105);
    expect(group(m, 'all:all').answers).toEqual([16, 17, 23, 24, 25]);
    expect(group(m, 'age_band:8-11').answers).toEqual(B_COUNTS['8-11']);
    expect(group(m, 'area:coventry').answers).toEqual([11, 12, 13, 14, 15]);
    expect(group(m, 'area:warwickshire').people).toBe(40);
    // 8-11: improved 17 (8 x +2, 9 x +3 = 43), same 7, worse 11 (5 x -2, 6 x -1 = -16): 27 / 35 = 0.77
    expect(group(m, 'age_band:8-11').travelled).toEqual({ people: 35, improved: 17, same: 7, worse: 11, averageChange: 0.8 });
    expect(group(m, 'age_band:12-15').travelled).toEqual({ people: 30, improved: 12, same: 6, worse: 12, averageChange: 0.4 });
    expect(group(m, 'age_band:16-25').travelled).toEqual({ people: 40, improved: 20, same: 10, worse: 10, averageChange: 0.9 });
    // all: 74 / 105 = 0.70; Coventry: 39 / 65 = 0.6
    expect(group(m, 'all:all').travelled).toEqual({ people: 105, improved: 49, same: 23, worse: 33, averageChange: 0.7 });
    expect(group(m, 'area:coventry').travelled.averageChange).toBe(0.6);
    // areas nobody came from are left out
    expect(m.groups.map((g) => g.group)).toEqual(['all', '8-11', '12-15', '16-25', 'coventry', 'warwickshire']);
  });
});
