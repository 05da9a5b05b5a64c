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
  const uids = await store.setMembers(keys.allUsers());
  const lists = await inBatches(uids, (uid) => store.listRange<OutcomeAnswerRecord>(keys.userOutcomes(uid)));
  const answers = lists.flat().filter((a) => a && inPeriod(a.at, period));
  return { checkIns, answers };
}
