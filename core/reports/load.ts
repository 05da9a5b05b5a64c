/**
 * Reads the records a report needs from the Store: completed My Star check-ins (keys.allCheckIns set ->
 * keys.checkIn documents) and outcome answers (keys.allUsers set -> keys.userOutcomes lists), in the period.
 */
import { CheckInRecord, keys, OutcomeAnswerRecord } from '../records/types';
import type { Store } from '../storage';
import { inPeriod, Period } from './period';

export interface ReportData {
  checkIns: CheckInRecord[];
  answers: OutcomeAnswerRecord[];
  /**
   * For each young person with a completed check-in in the period, their last completed check-in before it (if
   * any): the "last time" the suggested threshold level of their first check-in in the period compares with.
   * Counted in no figure.
   */
  earlierCheckIns?: CheckInRecord[];
}

const BATCH = 200;

async function inBatches<T, R>(items: T[], fn: (x: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += BATCH) out.push(...(await Promise.all(items.slice(i, i + BATCH).map(fn))));
  return out;
}

export async function loadReportData(store: Store, period: Period): Promise<ReportData> {
  const ids = await store.setMembers(keys.allCheckIns());
  const docs = await inBatches(ids, (id) => store.getJson<CheckInRecord>(keys.checkIn(id)));
  const checkIns = docs.filter(
    (c): c is CheckInRecord => !!c && c.status === 'completed' && inPeriod(c.completedAt ?? c.startedAt, period),
  );
  const people = new Set(checkIns.map((c) => c.uid));
  const before = new Map<string, CheckInRecord>();
  const time = (c: CheckInRecord) => Date.parse(c.completedAt ?? c.startedAt);
  for (const c of docs) {
    if (!c || c.status !== 'completed' || !people.has(c.uid) || !(time(c) < period.startMs)) continue;
    const seen = before.get(c.uid);
    if (!seen || time(c) > time(seen)) before.set(c.uid, c);
  }
  const uids = await store.setMembers(keys.allUsers());
  const lists = await inBatches(uids, (uid) => store.listRange<OutcomeAnswerRecord>(keys.userOutcomes(uid)));
  const answers = lists.flat().filter((a) => a && inPeriod(a.at, period));
  return { checkIns, answers, earlierCheckIns: [...before.values()] };
}
