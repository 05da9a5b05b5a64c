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
});
