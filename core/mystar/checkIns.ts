/**
 * Check-in records on the Store: start, answer, skip, say more, pause/resume (the record simply stays
 * in progress), complete, stop, history, latest two, delete. Every change checks that the check-in is
 * still in progress and that the area and step are real, so a forged or late card submission changes nothing.
 */
import { randomUUID } from 'node:crypto';
import type { AgeBand } from '../ageBands';
import type { Store } from '../storage';
import { AREA_IDS, AreaId, CheckInRecord, GoalPlan, LocalArea, Step, keys } from '../records/types';
import { registerUserDataSource } from '../records/userData';
import { isAreaId, isStep } from './content';

export type CheckInRefusal = 'not_found' | 'not_yours' | 'ended' | 'bad_area' | 'bad_step';
export type CheckInResult = { ok: true; record: CheckInRecord } | { ok: false; reason: CheckInRefusal };

const MAX_TEXT = 2000;
const clip = (s: string) => s.trim().slice(0, MAX_TEXT);
const nowIso = (now?: () => Date) => (now ? now() : new Date()).toISOString();

export async function getCheckIn(store: Store, id: string): Promise<CheckInRecord | undefined> {
  if (typeof id !== 'string' || !id) return undefined;
  return store.getJson<CheckInRecord>(keys.checkIn(id));
}

export async function startCheckIn(
  store: Store,
  opts: { uid: string; ageBand: AgeBand; area?: LocalArea; now?: () => Date; id?: string },
): Promise<CheckInRecord> {
  const rec: CheckInRecord = {
    id: opts.id ?? randomUUID(),
    uid: opts.uid,
    ageBand: opts.ageBand,
    ...(opts.area ? { area: opts.area } : {}),
    startedAt: nowIso(opts.now),
    status: 'in_progress',
    answers: {},
  };
  await store.setJson(keys.checkIn(rec.id), rec);
  await store.listPush(keys.userCheckIns(opts.uid), rec.id);
  await store.setAdd(keys.allCheckIns(), rec.id);
  await store.setAdd(keys.allUsers(), opts.uid);
  return rec;
}

/** Loads a check-in that is still in progress and (when uid is given) belongs to this young person. */
async function openCheckIn(store: Store, id: string, uid?: string): Promise<CheckInResult> {
  const rec = await getCheckIn(store, id);
  if (!rec) return { ok: false, reason: 'not_found' };
  if (uid !== undefined && rec.uid !== uid) return { ok: false, reason: 'not_yours' };
  if (rec.status !== 'in_progress') return { ok: false, reason: 'ended' };
  return { ok: true, record: rec };
}

async function change(
  store: Store,
  id: string,
  uid: string | undefined,
  fn: (rec: CheckInRecord) => CheckInRefusal | void,
): Promise<CheckInResult> {
  const r = await openCheckIn(store, id, uid);
  if (!r.ok) return r;
  const refusal = fn(r.record);
  if (refusal) return { ok: false, reason: refusal };
  await store.setJson(keys.checkIn(id), r.record);
  return r;
}

export interface Who {
  /** when given, the check-in must belong to this uid */
  uid?: string;
}

export function setStrengths(store: Store, id: string, text: string, who: Who = {}): Promise<CheckInResult> {
  return change(store, id, who.uid, (rec) => {
    const t = typeof text === 'string' ? clip(text) : '';
    if (t) rec.strengths = t;
    else delete rec.strengths;
  });
}

/** Keeps what they said about how their last plan went, on the new check-in (their words, clipped). */
export function setPlanReview(store: Store, id: string, fromCheckInId: string, text: string, who: Who = {}): Promise<CheckInResult> {
  return change(store, id, who.uid, (rec) => {
    const t = typeof text === 'string' ? clip(text) : '';
    if (t) rec.planReview = { fromCheckInId, said: t };
  });
}

/** Records a step for an area. Refuses unknown areas, steps outside 1-5 and ended check-ins. */
export function answerArea(store: Store, id: string, area: unknown, step: unknown, who: Who = {}): Promise<CheckInResult> {
  return change(store, id, who.uid, (rec) => {
    if (!isAreaId(area)) return 'bad_area';
    if (!isStep(step)) return 'bad_step';
    const prev = rec.answers[area];
    rec.answers[area] = { step, ...(prev?.comment ? { comment: prev.comment } : {}) };
  });
}

export function skipArea(store: Store, id: string, area: unknown, who: Who = {}): Promise<CheckInResult> {
  return change(store, id, who.uid, (rec) => {
    if (!isAreaId(area)) return 'bad_area';
    rec.answers[area] = { step: null };
  });
}

/** The optional "want to say more?" text for an area already answered or skipped. */
export function sayMore(store: Store, id: string, area: unknown, text: string, who: Who = {}): Promise<CheckInResult> {
  return change(store, id, who.uid, (rec) => {
    if (!isAreaId(area) || !rec.answers[area]) return 'bad_area';
    const t = typeof text === 'string' ? clip(text) : '';
    if (t) rec.answers[area]!.comment = t;
  });
}

export function savePlan(store: Store, id: string, plan: GoalPlan, who: Who = {}): Promise<CheckInResult> {
  return change(store, id, who.uid, (rec) => {
    if (!plan.areas.length || plan.areas.length > 2 || !plan.areas.every(isAreaId)) return 'bad_area';
    rec.plan = plan;
  });
}

/** Marks the check-in finished (a plan may be added to it afterwards with addPlanToLatest). */
export function completeCheckIn(store: Store, id: string, who: Who & { now?: () => Date } = {}): Promise<CheckInResult> {
  return change(store, id, who.uid, (rec) => {
    rec.status = 'completed';
    rec.completedAt = nowIso(who.now);
  });
}

/** Ends the check-in early; answers given so far are kept. */
export function stopCheckIn(store: Store, id: string, who: Who & { now?: () => Date } = {}): Promise<CheckInResult> {
  return change(store, id, who.uid, (rec) => {
    rec.status = 'stopped';
    rec.completedAt = nowIso(who.now);
  });
}

/** Adds the goal plan to a completed check-in (the plan is made after the summary). */
export async function addPlanToCheckIn(store: Store, id: string, plan: GoalPlan, who: Who = {}): Promise<CheckInResult> {
  const rec = await getCheckIn(store, id);
  if (!rec) return { ok: false, reason: 'not_found' };
  if (who.uid !== undefined && rec.uid !== who.uid) return { ok: false, reason: 'not_yours' };
  if (rec.status === 'stopped') return { ok: false, reason: 'ended' };
  if (!plan.areas.length || plan.areas.length > 2 || !plan.areas.every(isAreaId)) return { ok: false, reason: 'bad_area' };
  rec.plan = plan;
  await store.setJson(keys.checkIn(id), rec);
  return { ok: true, record: rec };
}

/** The next area still to ask (in AREA_IDS order), or undefined when all eight are answered or skipped. */
export function nextArea(rec: CheckInRecord): AreaId | undefined {
  return AREA_IDS.find((a) => !rec.answers[a]);
}

/** How many areas are answered or skipped. */
export function areasDone(rec: CheckInRecord): number {
  return AREA_IDS.filter((a) => rec.answers[a]).length;
}

/** Every check-in of this young person, oldest first. */
export async function checkInHistory(store: Store, uid: string): Promise<CheckInRecord[]> {
  const ids = await store.listRange<string>(keys.userCheckIns(uid));
  const out: CheckInRecord[] = [];
  for (const id of [...new Set(ids)]) {
    const r = await getCheckIn(store, id);
    if (r) out.push(r);
  }
  return out;
}

/** Completed check-ins only, oldest first. */
export async function completedCheckIns(store: Store, uid: string): Promise<CheckInRecord[]> {
  return (await checkInHistory(store, uid)).filter((r) => r.status === 'completed');
}

/** The latest completed check-in and the one before it. */
export async function latestTwo(store: Store, uid: string): Promise<{ current?: CheckInRecord; previous?: CheckInRecord }> {
  const done = await completedCheckIns(store, uid);
  return { current: done[done.length - 1], previous: done[done.length - 2] };
}

/** The most recent check-in still in progress (a paused one), if any. */
export async function inProgressCheckIn(store: Store, uid: string): Promise<CheckInRecord | undefined> {
  const all = await checkInHistory(store, uid);
  return [...all].reverse().find((r) => r.status === 'in_progress');
}

/** Removes every check-in of this young person and their index entries. */
export async function deleteCheckIns(store: Store, uid: string): Promise<number> {
  const ids = [...new Set(await store.listRange<string>(keys.userCheckIns(uid)))];
  for (const id of ids) await store.setRemove(keys.allCheckIns(), id);
  await store.remove([...ids.map(keys.checkIn), keys.userCheckIns(uid)]);
  return ids.length;
}

registerUserDataSource({
  name: 'checkins',
  collect: (store, uid) => checkInHistory(store, uid),
  erase: async (store, uid) => {
    await deleteCheckIns(store, uid);
  },
});
