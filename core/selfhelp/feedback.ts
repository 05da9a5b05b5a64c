/**
 * "That helped / didn't help": one record per answer, kept per young person (keys.userSelfHelp), so the
 * activities that helped before come first. Registered for "show my data" and "delete my data".
 */
import type { Store } from '../storage';
import { keys } from '../records/types';
import { registerUserDataSource, UserDataSource } from '../records/userData';

export interface SelfHelpFeedback {
  activityId: string;
  helped: boolean;
  at: string;
}

export async function recordFeedback(store: Store, uid: string, activityId: string, helped: boolean, now = new Date()): Promise<void> {
  const rec: SelfHelpFeedback = { activityId, helped, at: now.toISOString() };
  await store.listPush(keys.userSelfHelp(uid), rec);
}

export async function feedbackFor(store: Store, uid: string): Promise<SelfHelpFeedback[]> {
  return store.listRange<SelfHelpFeedback>(keys.userSelfHelp(uid), 0, -1);
}

/** helped minus didn't-help, per activity; the most recent answer counts double. */
export function scores(feedback: SelfHelpFeedback[]): Map<string, number> {
  const out = new Map<string, number>();
  const lastIndex = new Map<string, number>();
  feedback.forEach((f, i) => lastIndex.set(f.activityId, i));
  feedback.forEach((f, i) => {
    const w = lastIndex.get(f.activityId) === i ? 2 : 1;
    out.set(f.activityId, (out.get(f.activityId) ?? 0) + (f.helped ? w : -w));
  });
  return out;
}

export const selfHelpUserData: UserDataSource = {
  name: 'selfhelp',
  collect: (store, uid) => feedbackFor(store, uid),
  erase: (store, uid) => store.remove([keys.userSelfHelp(uid)]),
};
registerUserDataSource(selfHelpUserData);
