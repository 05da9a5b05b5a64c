/**
 * "I'm waiting for help": with the young person's consent, a check-in reminder N days after they ask,
 * then every N days until they turn it off. One record per user (keys.userReminders) and an index set
 * of users with a reminder on, so the sender finds who is due without scanning. Turning off removes
 * the user from the index at once; "delete my data" removes both.
 *
 * Reminders are sent in the day only (London time): a reminder that falls due at night waits for the morning.
 */
import type { AgeBand } from '../ageBands';
import { keys } from '../records/types';
import { registerUserDataSource, UserDataSource } from '../records/userData';
import type { Store } from '../storage';
import { londonTime } from '../services/hours';

/** Users with a reminder on. Kept here beside the record it indexes (core/records/types.ts has no key for it). */
export const REMINDER_INDEX = 'index:reminders';
const claimKey = (uid: string, dueAt: string) => `reminder-claim:${uid}:${dueAt}`;

export const REMINDER_DAY_CHOICES = [3, 7, 14] as const;
export const MIN_DAYS = 1;
export const MAX_DAYS = 28;
/** London hours in which a reminder may go out: from 09:00 until 19:59. */
export const SEND_FROM_HOUR = 9;
export const SEND_UNTIL_HOUR = 20;

/**
 * Where to send the reminder: a botbuilder ConversationReference as plain JSON, without the user
 * (no name, no channel user id). Stored under keys.userConversationRef(uid) when they opt in (as
 * dialogs/README.md says); removed when they turn reminders off or delete their data.
 */
export interface ReminderAddress {
  channelId: string;
  serviceUrl: string;
  conversation: { id: string; tenantId?: string; conversationType?: string; isGroup?: boolean };
  bot?: { id: string; name?: string };
  locale?: string;
}

export interface ReminderRecord {
  uid: string;
  enabled: boolean;
  everyDays: number;
  /** when they said yes */
  consentAt: string;
  nextDueAt: string;
  lastSentAt?: string;
  sentCount: number;
  band?: AgeBand;
  turnedOffAt?: string;
}

export interface DueReminder {
  uid: string;
  address?: ReminderAddress;
  dueAt: string;
  everyDays: number;
  band?: AgeBand;
}

function addDays(d: Date, days: number): Date {
  return new Date(d.getTime() + days * 86_400_000);
}

export async function getReminder(store: Store, uid: string): Promise<ReminderRecord | undefined> {
  return store.getJson<ReminderRecord>(keys.userReminders(uid));
}

/** Turns a reminder on. Needs their consent (true) and a number of days between 1 and 28. */
export async function setReminder(
  store: Store,
  uid: string,
  opts: { days: number; consent: boolean; now?: Date; band?: AgeBand; address?: ReminderAddress },
): Promise<ReminderRecord> {
  if (opts.consent !== true) throw new Error('a reminder needs the young person to say yes');
  if (!Number.isInteger(opts.days) || opts.days < MIN_DAYS || opts.days > MAX_DAYS) throw new Error(`days must be ${MIN_DAYS}-${MAX_DAYS}`);
  const now = opts.now ?? new Date();
  const rec: ReminderRecord = {
    uid,
    enabled: true,
    everyDays: opts.days,
    consentAt: now.toISOString(),
    nextDueAt: addDays(now, opts.days).toISOString(),
    sentCount: 0,
    band: opts.band,
  };
  await store.setJson(keys.userReminders(uid), rec);
  if (opts.address) await store.setJson(keys.userConversationRef(uid), opts.address);
  await store.setAdd(REMINDER_INDEX, uid);
  return rec;
}

/** Turns the reminder off at once. Keeps a small record that it is off (no further sending), unless there was none. */
export async function turnOffReminder(store: Store, uid: string, now = new Date()): Promise<boolean> {
  await store.setRemove(REMINDER_INDEX, uid);
  const rec = await getReminder(store, uid);
  if (!rec) return false;
  await store.setJson(keys.userReminders(uid), { ...rec, enabled: false, turnedOffAt: now.toISOString() } satisfies ReminderRecord);
  await store.remove([keys.userConversationRef(uid)]); // nowhere to send to any more
  return true;
}

export function inSendingHours(now: Date): boolean {
  const h = Math.floor(londonTime(now).minutes / 60);
  return h >= SEND_FROM_HOUR && h < SEND_UNTIL_HOUR;
}

/** What to send now: reminders that are on and due. None at night (London). */
export async function dueReminders(store: Store, now: Date): Promise<DueReminder[]> {
  if (!inSendingHours(now)) return [];
  const out: DueReminder[] = [];
  for (const uid of await store.setMembers(REMINDER_INDEX)) {
    const rec = await getReminder(store, uid);
    if (!rec || !rec.enabled) {
      await store.setRemove(REMINDER_INDEX, uid); // deleted or turned off: never again
      continue;
    }
    if (Date.parse(rec.nextDueAt) <= now.getTime()) {
      const address = await store.getJson<ReminderAddress>(keys.userConversationRef(uid));
      out.push({ uid, dueAt: rec.nextDueAt, everyDays: rec.everyDays, band: rec.band, ...(address ? { address } : {}) });
    }
  }
  return out.sort((a, b) => a.dueAt.localeCompare(b.dueAt));
}

/**
 * Claims one due reminder so that, with several bot instances, only one sends it.
 * Returns false if another sender has it, or it was turned off or deleted meanwhile.
 */
export async function claimReminder(store: Store, due: DueReminder): Promise<boolean> {
  const rec = await getReminder(store, due.uid);
  if (!rec || !rec.enabled || rec.nextDueAt !== due.dueAt) return false;
  return store.setJsonIfAbsent(claimKey(due.uid, due.dueAt), { at: new Date().toISOString() }, 3 * 86400);
}

/** After sending: the next one is due everyDays later. Does nothing if it was turned off or deleted meanwhile. */
export async function markReminderSent(store: Store, uid: string, now = new Date()): Promise<ReminderRecord | undefined> {
  const rec = await getReminder(store, uid);
  if (!rec || !rec.enabled) return undefined;
  const next: ReminderRecord = { ...rec, lastSentAt: now.toISOString(), sentCount: rec.sentCount + 1, nextDueAt: addDays(now, rec.everyDays).toISOString() };
  await store.setJson(keys.userReminders(uid), next);
  return next;
}

export const remindersUserData: UserDataSource = {
  name: 'reminders',
  collect: async (store, uid) => {
    const reminder = await getReminder(store, uid);
    if (!reminder) return null;
    const address = await store.getJson<ReminderAddress>(keys.userConversationRef(uid));
    return { ...reminder, ...(address ? { sendsTo: { channel: address.channelId } } : {}) };
  },
  erase: async (store, uid) => {
    await store.setRemove(REMINDER_INDEX, uid);
    await store.remove([keys.userReminders(uid), keys.userConversationRef(uid)]);
  },
};
registerUserDataSource(remindersUserData);
