import { MemoryStore, RedisStore } from '../../../core/storage';
import { startRedis, TestRedis } from '../../support/redis';
import { CheckInDialog } from '../../../dialogs/checkin/checkInDialog';
import { checkInHistory, getCheckIn, inProgressCheckIn } from '../../../core/mystar/checkIns';
import { saveProfile } from '../../../core/profile/profiles';
import { AREA_IDS } from '../../../core/records/types';
import { chat, checkInIdIn, makeDeps, stepButtonArea, visible, words } from './support';
import { userUidFor } from './uid';

const uid = userUidFor('user-1');

let redis: TestRedis;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis.stop();
});

describe('skip, pause and resume across a restart (Redis)', () => {
  it('a paused check-in carries on after the bot restarts, with answers kept and skipped areas not asked again', async () => {
    const prefix = `t${Math.random().toString(36).slice(2)}:`;
    const store1 = new RedisStore({ url: redis.url, prefix, stateTtlSeconds: 600 });
    await saveProfile(store1, uid, { ageBand: '8-11' });
    const c1 = chat(new CheckInDialog(makeDeps(store1)), store1);
    let r = await c1.say('check in');
    const id = checkInIdIn(r)!;
    r = await c1.say('playing football');
    r = await c1.say('5'); // being_safe
    r = await c1.say('no');
    expect(stepButtonArea(r)).toBe('confidence');
    r = await c1.say('skip');
    expect(words.list('mystar:checkin.skipped', { band: '8-11' })).toContain(r[0].text);
    expect(stepButtonArea(r)).toBe('physical_health');
    r = await c1.press({ kind: 'mystar.pause', checkInId: id, area: 'physical_health' });
    expect(visible(r)).toContain(words.t('mystar:checkin.paused', { band: '8-11' }));
    await store1.close(); // the bot stops

    const store2 = new RedisStore({ url: redis.url, prefix, stateTtlSeconds: 600 });
    const c2 = chat(new CheckInDialog(makeDeps(store2)), store2);
    r = await c2.say('check in');
    expect(visible(r)).toContain(words.t('mystar:checkin.resumeOffer', { band: '8-11' }));
    r = await c2.say('yes');
    expect(visible(r)).toContain(words.t('mystar:checkin.resumed', { band: '8-11' }));
    expect(stepButtonArea(r)).toBe('physical_health');
    for (const a of AREA_IDS.slice(2)) {
      expect(stepButtonArea(r)).toBe(a);
      r = await c2.say('4');
      r = await c2.say('no');
    }
    expect(visible(r)).toContain('playing football');
    const rec = (await getCheckIn(store2, id))!;
    expect(rec.status).toBe('completed');
    expect(rec.answers.being_safe).toEqual({ step: 5 });
    expect(rec.answers.confidence).toEqual({ step: null });
    expect((await checkInHistory(store2, uid)).length).toBe(1);
    await store2.close();
  });

  it('"start a new one" ends the paused check-in and starts fresh', async () => {
    const store = new MemoryStore();
    await saveProfile(store, uid, { ageBand: '16-25' });
    const c = chat(new CheckInDialog(makeDeps(store)), store);
    let r = await c.say('check in');
    const first = checkInIdIn(r)!;
    await c.say('skip');
    await c.say('pause');
    r = await c.say('check in');
    r = await c.say('new');
    const second = checkInIdIn(r)!;
    expect(second).not.toBe(first);
    expect((await getCheckIn(store, first))!.status).toBe('stopped');
    expect((await inProgressCheckIn(store, uid))!.id).toBe(second);
  });

  it('stop ends the check-in and keeps what was said', async () => {
    const store = new MemoryStore();
    await saveProfile(store, uid, { ageBand: '12-15' });
    const c = chat(new CheckInDialog(makeDeps(store)), store);
    let r = await c.say('check in');
    const id = checkInIdIn(r)!;
    await c.say('skip');
    await c.say('2');
    r = await c.press({ kind: 'mystar.stop', checkInId: id });
    expect(visible(r)).toContain(words.t('mystar:checkin.stopped', { band: '12-15' }));
    expect(await getCheckIn(store, id)).toMatchObject({ status: 'stopped', answers: { being_safe: { step: 2 } } });
  });
});

describe('forged or stale card submissions change nothing', () => {
  it.each([
    ['step 9', (id: string) => ({ kind: 'mystar.step', checkInId: id, area: 'being_safe', step: 9 })],
    ['an unknown area', (id: string) => ({ kind: 'mystar.step', checkInId: id, area: 'pets', step: 3 })],
    ['another area than the one asked', (id: string) => ({ kind: 'mystar.step', checkInId: id, area: 'education', step: 3 })],
    ['another check-in', () => ({ kind: 'mystar.step', checkInId: 'someone-elses', area: 'being_safe', step: 3 })],
    ['an unknown kind', (id: string) => ({ kind: 'mystar.hack', checkInId: id })],
    ['a bare object', () => ({ step: 1 })],
  ])('%s: gentle re-ask, no record changed', async (_name, forge) => {
    const store = new MemoryStore();
    await saveProfile(store, uid, { ageBand: '12-15' });
    const c = chat(new CheckInDialog(makeDeps(store)), store);
    let r = await c.say('check in');
    const id = checkInIdIn(r)!;
    r = await c.say('skip');
    const before = await getCheckIn(store, id);
    r = await c.press(forge(id));
    expect(words.list('mystar:checkin.reask', { band: '12-15' })).toContain(r[0].text);
    expect(await getCheckIn(store, id)).toEqual(before);
    // and the real answer still works
    r = await c.press({ kind: 'mystar.step', checkInId: id, area: 'being_safe', step: 3 });
    expect((await getCheckIn(store, id))!.answers.being_safe).toEqual({ step: 3 });
  });

  it('an answer for a check-in that has ended changes nothing', async () => {
    const store = new MemoryStore();
    await saveProfile(store, uid, { ageBand: '8-11' });
    const c = chat(new CheckInDialog(makeDeps(store)), store);
    let r = await c.say('check in');
    const old = checkInIdIn(r)!;
    await c.say('skip');
    await c.press({ kind: 'mystar.stop', checkInId: old });
    const ended = await getCheckIn(store, old);
    r = await c.say('check in');
    r = await c.say('skip');
    r = await c.press({ kind: 'mystar.step', checkInId: old, area: 'being_safe', step: 1 });
    expect(words.list('mystar:checkin.reask', { band: '8-11' })).toContain(r[0].text);
    expect(await getCheckIn(store, old)).toEqual(ended);
  });
});
