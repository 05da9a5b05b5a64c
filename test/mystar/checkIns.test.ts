import { MemoryStore, RedisStore, Store } from '../../core/storage';
import { startRedis, TestRedis } from '../support/redis';
import {
  addPlanToCheckIn, answerArea, areasDone, checkInHistory, completeCheckIn, completedCheckIns, getCheckIn,
  inProgressCheckIn, latestTwo, nextArea, sayMore, setStrengths, skipArea, startCheckIn, stopCheckIn,
} from '../../core/mystar/checkIns';
import { makePlan } from '../../core/mystar/goals';
import { getProfile, saveProfile } from '../../core/profile/profiles';
import { collectUserData, eraseUserData } from '../../core/records/userData';
import { AREA_IDS, keys } from '../../core/records/types';

let redis: TestRedis;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis.stop();
});

const prefix = () => `t${Math.random().toString(36).slice(2)}:`;
const backings: [string, () => Store][] = [
  ['memory', () => new MemoryStore()],
  ['redis', () => new RedisStore({ url: redis.url, prefix: prefix(), stateTtlSeconds: 60 })],
];

describe.each(backings)('check-in records (%s)', (_n, make) => {
  let store: Store;
  beforeEach(() => {
    store = make();
  });
  afterEach(async () => {
    await store.close();
  });

  it('keeps time, age band, strengths, answers by area, comments and the plan', async () => {
    const rec = await startCheckIn(store, { uid: 'u1', ageBand: '12-15', area: 'coventry' });
    expect(rec.status).toBe('in_progress');
    await setStrengths(store, rec.id, 'My art is going well');
    await answerArea(store, rec.id, 'being_safe', 4);
    await sayMore(store, rec.id, 'being_safe', 'safer since we moved');
    await skipArea(store, rec.id, 'confidence');
    for (const a of AREA_IDS.slice(2)) await answerArea(store, rec.id, a, 3);
    const done = await completeCheckIn(store, rec.id);
    expect(done.ok).toBe(true);
    await addPlanToCheckIn(store, rec.id, makePlan({ areas: ['friends'], firstStep: 'say hi to Sam', when: 'Monday' }));
    const got = (await getCheckIn(store, rec.id))!;
    expect(got).toMatchObject({
      uid: 'u1', ageBand: '12-15', area: 'coventry', status: 'completed', strengths: 'My art is going well',
      answers: { being_safe: { step: 4, comment: 'safer since we moved' }, confidence: { step: null }, friends: { step: 3 } },
      plan: { areas: ['friends'], firstStep: 'say hi to Sam', when: 'Monday' },
    });
    expect(Date.parse(got.startedAt)).not.toBeNaN();
    expect(Date.parse(got.completedAt!)).not.toBeNaN();
    expect(await store.setMembers(keys.allCheckIns())).toContain(rec.id);
  });

  it('asks the areas in order and knows which is next after a skip', async () => {
    const rec = await startCheckIn(store, { uid: 'u2', ageBand: '8-11' });
    expect(nextArea(rec)).toBe('being_safe');
    await answerArea(store, rec.id, 'being_safe', 5);
    const r = await skipArea(store, rec.id, 'confidence');
    expect(r.ok && nextArea(r.record)).toBe('physical_health');
    expect(r.ok && areasDone(r.record)).toBe(2);
  });

  it('ignores forged answers: step 9, step 0, a text step, an unknown area, another person, an ended check-in', async () => {
    const rec = await startCheckIn(store, { uid: 'u3', ageBand: '16-25' });
    await answerArea(store, rec.id, 'friends', 2);
    const before = await getCheckIn(store, rec.id);
    expect(await answerArea(store, rec.id, 'friends', 9)).toEqual({ ok: false, reason: 'bad_step' });
    expect(await answerArea(store, rec.id, 'friends', 0)).toEqual({ ok: false, reason: 'bad_step' });
    expect(await answerArea(store, rec.id, 'friends', '4')).toEqual({ ok: false, reason: 'bad_step' });
    expect(await answerArea(store, rec.id, 'friends', 2.5)).toEqual({ ok: false, reason: 'bad_step' });
    expect(await answerArea(store, rec.id, 'pets', 3)).toEqual({ ok: false, reason: 'bad_area' });
    expect(await answerArea(store, rec.id, '__proto__', 3)).toEqual({ ok: false, reason: 'bad_area' });
    expect(await answerArea(store, rec.id, 'friends', 5, { uid: 'someone-else' })).toEqual({ ok: false, reason: 'not_yours' });
    expect(await answerArea(store, 'no-such-id', 'friends', 5)).toEqual({ ok: false, reason: 'not_found' });
    expect(await getCheckIn(store, rec.id)).toEqual(before);

    await completeCheckIn(store, rec.id);
    const after = await getCheckIn(store, rec.id);
    expect(await answerArea(store, rec.id, 'friends', 5)).toEqual({ ok: false, reason: 'ended' });
    expect(await skipArea(store, rec.id, 'education')).toEqual({ ok: false, reason: 'ended' });
    expect(await setStrengths(store, rec.id, 'x')).toEqual({ ok: false, reason: 'ended' });
    expect(await stopCheckIn(store, rec.id)).toEqual({ ok: false, reason: 'ended' });
    expect(await getCheckIn(store, rec.id)).toEqual(after);
  });

  it('stops early keeping the answers so far, and a stopped check-in is not the latest star', async () => {
    const a = await startCheckIn(store, { uid: 'u4', ageBand: '12-15' });
    await answerArea(store, a.id, 'being_safe', 3);
    await completeCheckIn(store, a.id);
    const b = await startCheckIn(store, { uid: 'u4', ageBand: '12-15' });
    await answerArea(store, b.id, 'being_safe', 1);
    expect((await stopCheckIn(store, b.id)).ok).toBe(true);
    expect((await getCheckIn(store, b.id))!.answers.being_safe).toEqual({ step: 1 });
    expect((await latestTwo(store, 'u4')).current!.id).toBe(a.id);
    expect(await inProgressCheckIn(store, 'u4')).toBeUndefined();
  });

  it('keeps a history per young person and gives the latest two completed check-ins', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await startCheckIn(store, { uid: 'u5', ageBand: '16-25' });
      await answerArea(store, r.id, 'education', (i + 1) as 1 | 2 | 3);
      await completeCheckIn(store, r.id);
      ids.push(r.id);
    }
    await startCheckIn(store, { uid: 'other', ageBand: '8-11' });
    expect((await checkInHistory(store, 'u5')).map((r) => r.id)).toEqual(ids);
    expect((await completedCheckIns(store, 'u5')).length).toBe(3);
    const two = await latestTwo(store, 'u5');
    expect([two.previous!.id, two.current!.id]).toEqual([ids[1], ids[2]]);
  });

  it('"delete my data" removes the profile and every check-in, and leaves other people alone', async () => {
    await saveProfile(store, 'u6', { ageBand: '8-11', nickname: 'Star' });
    const r = await startCheckIn(store, { uid: 'u6', ageBand: '8-11' });
    await answerArea(store, r.id, 'friends', 4);
    const other = await startCheckIn(store, { uid: 'u7', ageBand: '8-11' });
    const shown = await collectUserData(store, 'u6');
    expect(shown.profile).toMatchObject({ nickname: 'Star' });
    expect(shown.checkins).toHaveLength(1);

    await eraseUserData(store, 'u6');
    expect(await getProfile(store, 'u6')).toBeUndefined();
    expect(await getCheckIn(store, r.id)).toBeUndefined();
    expect(await checkInHistory(store, 'u6')).toEqual([]);
    expect(await store.setMembers(keys.allCheckIns())).not.toContain(r.id);
    expect(await store.setMembers(keys.allUsers())).not.toContain('u6');
    expect(await getCheckIn(store, other.id)).toBeDefined();
  });
});

describe('pause and resume across a restart (Redis)', () => {
  it('a paused check-in is found again by a new process with the answers so far', async () => {
    const p = prefix();
    const first = new RedisStore({ url: redis.url, prefix: p, stateTtlSeconds: 60 });
    const rec = await startCheckIn(first, { uid: 'u8', ageBand: '12-15' });
    await setStrengths(first, rec.id, 'football');
    await answerArea(first, rec.id, 'being_safe', 4);
    await skipArea(first, rec.id, 'confidence');
    await first.close(); // the bot stops here

    const second = new RedisStore({ url: redis.url, prefix: p, stateTtlSeconds: 60 });
    const found = (await inProgressCheckIn(second, 'u8'))!;
    expect(found.id).toBe(rec.id);
    expect(found.strengths).toBe('football');
    expect(nextArea(found)).toBe('physical_health');
    for (const a of AREA_IDS.slice(2)) expect((await answerArea(second, rec.id, a, 5)).ok).toBe(true);
    expect((await completeCheckIn(second, rec.id)).ok).toBe(true);
    expect((await latestTwo(second, 'u8')).current!.answers.being_safe!.step).toBe(4);
    await second.close();
  });
});
