/**
 * Outcome answers: stored beside the My Star records as one list per young person (keys.userOutcomes), with the
 * young person's uid added to keys.allUsers so reports can find them. Registered with "show my data" and
 * "delete my data" when this module is loaded.
 */
import { z } from 'zod';
import { AGE_BANDS } from '../ageBands';
import { keys, LOCAL_AREAS, OutcomeAnswerRecord } from '../records/types';
import { registerUserDataSource, UserDataSource } from '../records/userData';
import type { Store } from '../storage';
import { FRAMEWORK_IDS } from './framework';

/** Longest comment kept (a comment is optional free text; the safety layer has already seen it). */
export const MAX_COMMENT_CHARS = 2000;

export const outcomeAnswerSchema = z.object({
  uid: z.string().min(1).max(200),
  frameworkId: z.string().refine((id) => FRAMEWORK_IDS.includes(id), { message: 'not a framework statement id' }),
  answer: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.null()]),
  at: z.string().refine((s) => !Number.isNaN(Date.parse(s)), { message: 'not a date-time' }),
  ageBand: z.enum(AGE_BANDS),
  area: z.enum(LOCAL_AREAS).optional(),
  checkInId: z.string().max(200).optional(),
  comment: z.string().max(MAX_COMMENT_CHARS).optional(),
});

/** Stores one answer (or skip). Throws on a record that does not fit, so nothing malformed reaches reports. */
export async function saveOutcomeAnswer(store: Store, rec: OutcomeAnswerRecord): Promise<void> {
  const clean = outcomeAnswerSchema.parse(rec) as OutcomeAnswerRecord;
  if (clean.comment !== undefined && clean.comment.trim() === '') delete clean.comment;
  await store.listPush(keys.userOutcomes(clean.uid), clean);
  await store.setAdd(keys.allUsers(), clean.uid);
}

/** A young person's answers, oldest first. */
export async function listOutcomeAnswers(store: Store, uid: string): Promise<OutcomeAnswerRecord[]> {
  return store.listRange<OutcomeAnswerRecord>(keys.userOutcomes(uid));
}

export async function eraseOutcomeAnswers(store: Store, uid: string): Promise<void> {
  await store.remove([keys.userOutcomes(uid)]);
  // Every source's erase runs on "delete my data"; the index entry goes with the records.
  await store.setRemove(keys.allUsers(), uid);
}

export const outcomeAnswersDataSource: UserDataSource = {
  name: 'outcomes',
  collect: (store, uid) => listOutcomeAnswers(store, uid),
  erase: (store, uid) => eraseOutcomeAnswers(store, uid),
};

registerUserDataSource(outcomeAnswersDataSource);
