import { answerArea, completeCheckIn, startCheckIn, stopCheckIn } from '../../core/mystar/checkIns';
import { saveOutcomeAnswer } from '../../core/outcomes';
import { eraseUserData } from '../../core/records/userData';
import { buildRawReport, loadReportData, makeReport, parsePeriod } from '../../core/reports';
import { MemoryStore, RedisStore, Store } from '../../core/storage';
import { startRedis, TestRedis } from '../support/redis';

let redis: TestRedis;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis.stop();
});

const backings: [string, () => Store][] = [
  ['memory', () => new MemoryStore()],
  ['redis', () => new RedisStore({ url: redis.url, prefix: `rep${Math.random().toString(36).slice(2)}:` })],
];

describe.each(backings)('reading report records from the %s store', (_n, make) => {
  let store: Store;
  beforeEach(() => {
    store = make();
  });
  afterEach(async () => {
    await store.close();
  });

  it('reads completed check-ins and outcome answers in the period, as the check-in and outcome modules write them', async () => {
    const jan = (d: number) => () => new Date(Date.UTC(2026, 0, d, 10));
    for (let i = 0; i < 6; i++) {
      const c = await startCheckIn(store, { uid: `p${i}`, ageBand: '12-15', area: 'warwickshire', now: jan(3) });
      await answerArea(store, c.id, 'friends', 4);
      await completeCheckIn(store, c.id, { now: jan(3) });
      await saveOutcomeAnswer(store, { uid: `p${i}`, frameworkId: '3.6', answer: 5, at: jan(3)().toISOString(), ageBand: '12-15', area: 'warwickshire', checkInId: c.id });
    }
    const stopped = await startCheckIn(store, { uid: 'p0', ageBand: '12-15', now: jan(4) });
    await answerArea(store, stopped.id, 'friends', 1);
    await stopCheckIn(store, stopped.id, { now: jan(4) });
    await saveOutcomeAnswer(store, { uid: 'p0', frameworkId: '3.6', answer: 1, at: '2026-02-02T00:00:00Z', ageBand: '12-15' });

    const period = parsePeriod('2026-01-01', '2026-01-31');
    const data = await loadReportData(store, period);
    expect(data.checkIns).toHaveLength(6);
    expect(data.answers).toHaveLength(6);
    const raw = buildRawReport({ ...data, period });
    const friends = raw.measures.find((m) => m.id === 'friends')!.groups.all;
    expect(friends.people).toBe(6);
    expect(friends.answers).toEqual([0, 0, 0, 6, 0]);
    // all six are 12-15 from Warwickshire: the published band and area cells give nothing away
    const pub = makeReport(data, period).measures.find((m) => m.id === 'friends')!;
    expect(pub.groups.find((g) => g.group === '12-15')!.people).not.toBe(6);

    // after "delete my data" a young person is no longer in the figures
    await eraseUserData(store, 'p0');
    const after = await loadReportData(store, period);
    expect(after.answers.map((a) => a.uid)).not.toContain('p0');
    expect(after.checkIns.map((c) => c.uid)).not.toContain('p0');
  });
  it('keeps the last completed check-in before the period as "last time" for the suggested threshold level', async () => {
    const at = (m: number, d: number) => () => new Date(Date.UTC(m === 1 ? 2026 : 2025, m - 1, d, 10));
    const done = async (uid: string, step: 1 | 2 | 3 | 4 | 5, when: () => Date) => {
      const c = await startCheckIn(store, { uid, ageBand: '16-25', now: when });
      await answerArea(store, c.id, 'friends', step);
      await completeCheckIn(store, c.id, { now: when });
      return c.id;
    };
    await done('d1', 2, at(11, 20));
    const last = await done('d1', 5, at(12, 20));
    await done('d1', 3, at(1, 10)); // friends 5 -> 3: a drop of two steps since last time, so level 2
    await done('d2', 5, at(12, 21)); // nothing in January: not read as "last time"
    const period = parsePeriod('2026-01-01', '2026-01-31');
    const data = await loadReportData(store, period);
    expect(data.checkIns.map((c) => c.uid)).toEqual(['d1']);
    expect(data.earlierCheckIns!.map((c) => c.id)).toEqual([last]);
    expect(buildRawReport({ ...data, period }).levels.all.levels).toEqual([0, 1, 0, 0]);
    expect(buildRawReport({ checkIns: data.checkIns, answers: [], period }).levels.all.levels).toEqual([1, 0, 0, 0]);
    // the earlier check-in is counted in no figure
    expect(makeReport(data, period).summary.checkIns).toBe('<5');
    expect(buildRawReport({ ...data, period }).checkInCount).toBe(1);
  });
});
