import { collectUserData, eraseUserData } from '../../core/records/userData';
import { MemoryStore } from '../../core/storage';
import { keys } from '../../core/records/types';
import { claimReminder, dueReminders, getReminder, markReminderSent, setReminder, turnOffReminder } from '../../core/waiting';

const MON_10AM = new Date('2026-11-23T10:00:00Z');
const day = (n: number, hourUtc = 10) => new Date(Date.UTC(2026, 10, 23 + n, hourUtc));

describe('check-in reminders while waiting', () => {
  it('needs consent and a sensible number of days', async () => {
    const store = new MemoryStore();
    await expect(setReminder(store, 'u', { days: 7, consent: false, now: MON_10AM })).rejects.toThrow(/say yes/);
    await expect(setReminder(store, 'u', { days: 0, consent: true, now: MON_10AM })).rejects.toThrow(/days/);
    expect(await getReminder(store, 'u')).toBeUndefined();
  });

  it('is due after the days they chose, not before, then every N days after it is sent', async () => {
    const store = new MemoryStore();
    await setReminder(store, 'u', { days: 3, consent: true, now: MON_10AM, band: '12-15' });
    expect(await dueReminders(store, day(2))).toEqual([]);
    expect(await dueReminders(store, day(3))).toEqual([{ uid: 'u', dueAt: day(3).toISOString(), everyDays: 3, band: '12-15' }]);
    await markReminderSent(store, 'u', day(3));
    expect(await dueReminders(store, day(4))).toEqual([]);
    expect((await dueReminders(store, day(6))).map((d) => d.uid)).toEqual(['u']);
  });

  it('waits for the daytime if it falls due at night (London time)', async () => {
    const store = new MemoryStore();
    await setReminder(store, 'u', { days: 1, consent: true, now: new Date('2026-11-23T22:30:00Z') });
    expect(await dueReminders(store, new Date('2026-11-24T23:00:00Z'))).toEqual([]);
    expect(await dueReminders(store, new Date('2026-11-25T03:00:00Z'))).toEqual([]);
    expect((await dueReminders(store, new Date('2026-11-25T09:05:00Z'))).map((d) => d.uid)).toEqual(['u']);
  });

  it('is never due after they turn it off', async () => {
    const store = new MemoryStore();
    await setReminder(store, 'u', { days: 1, consent: true, now: MON_10AM });
    await setReminder(store, 'v', { days: 1, consent: true, now: MON_10AM });
    expect(await turnOffReminder(store, 'u', MON_10AM)).toBe(true);
    for (const n of [1, 2, 10, 30]) expect((await dueReminders(store, day(n))).map((d) => d.uid)).toEqual(['v']);
    expect((await getReminder(store, 'u'))!.enabled).toBe(false);
  });

  it('is never due after "delete my data", and shows in "show my data" before', async () => {
    const store = new MemoryStore();
    await setReminder(store, 'u', { days: 2, consent: true, now: MON_10AM });
    expect((await collectUserData(store, 'u')).reminders).toMatchObject({ uid: 'u', enabled: true, everyDays: 2 });
    await eraseUserData(store, 'u');
    expect(await getReminder(store, 'u')).toBeUndefined();
    for (const n of [2, 5, 30]) expect(await dueReminders(store, day(n))).toEqual([]);
    expect((await collectUserData(store, 'u')).reminders).toBeNull();
  });

  it('a reminder turned off between finding and sending is not claimed; a claim is taken once only', async () => {
    const store = new MemoryStore();
    await setReminder(store, 'u', { days: 1, consent: true, now: MON_10AM });
    await setReminder(store, 'v', { days: 1, consent: true, now: MON_10AM });
    const due = await dueReminders(store, day(1));
    await turnOffReminder(store, 'u');
    expect(await claimReminder(store, due.find((d) => d.uid === 'u')!)).toBe(false);
    const v = due.find((d) => d.uid === 'v')!;
    expect(await claimReminder(store, v)).toBe(true);
    expect(await claimReminder(store, v)).toBe(false);
    await markReminderSent(store, 'u', day(1));
    expect(await getReminder(store, 'u')).toMatchObject({ enabled: false, sentCount: 0 });
  });
});

describe('where to send it', () => {
  const address = { channelId: 'msteams', serviceUrl: 'https://smba.example/', conversation: { id: 'a:1' } };

  it('is kept under the conversation-reference key while reminders are on, and forgotten when turned off', async () => {
    const store = new MemoryStore();
    await setReminder(store, 'u', { days: 1, consent: true, now: MON_10AM, address });
    expect(await store.getJson(keys.userConversationRef('u'))).toEqual(address);
    expect((await dueReminders(store, day(1)))[0].address).toEqual(address);
    await turnOffReminder(store, 'u');
    expect(await store.getJson(keys.userConversationRef('u'))).toBeUndefined();
  });

  it('is removed by "delete my data"', async () => {
    const store = new MemoryStore();
    await setReminder(store, 'u', { days: 1, consent: true, now: MON_10AM, address });
    expect((await collectUserData(store, 'u')).reminders).toMatchObject({ sendsTo: { channel: 'msteams' } });
    await eraseUserData(store, 'u');
    expect(await store.getJson(keys.userConversationRef('u'))).toBeUndefined();
  });
});
