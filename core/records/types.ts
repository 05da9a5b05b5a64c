/**
 * Starling's own records (beside bot state). Plain data, shared by the check-in, the outcome questions,
 * escalation and the reports. Young people are known only by a pseudonymous id (`uid`, an HMAC of
 * channel + user id); records never hold names, emails or the Teams/web user id itself.
 */
import type { AgeBand } from '../ageBands';

/** The eight My Star areas. */
export const AREA_IDS = [
  'being_safe',
  'confidence',
  'physical_health',
  'friends',
  'where_you_live',
  'education',
  'feelings_behaviour',
  'relationships',
] as const;
export type AreaId = (typeof AREA_IDS)[number];

/** Five steps, 1 = red (hardest) ... 5 = blue (going really well). */
export type Step = 1 | 2 | 3 | 4 | 5;

/** Where the young person lives, for signposting and reports. */
export const LOCAL_AREAS = ['coventry', 'warwickshire', 'buckinghamshire', 'milton_keynes', 'elsewhere'] as const;
export type LocalArea = (typeof LOCAL_AREAS)[number];

export interface Profile {
  uid: string;
  ageBand?: AgeBand;
  age?: number;
  nickname?: string;
  area?: LocalArea;
  privacySeenAt?: string;
  createdAt: string;
}

export interface AreaAnswer {
  /** null when skipped */
  step: Step | null;
  /** optional "want to say more?" text */
  comment?: string;
}

export interface GoalPlan {
  areas: AreaId[];
  goodLooksLike?: string;
  inTheWay?: string;
  firstStep?: string;
  when?: string;
  createdAt: string;
}

export interface CheckInRecord {
  id: string;
  uid: string;
  ageBand: AgeBand;
  area?: LocalArea;
  startedAt: string;
  completedAt?: string;
  status: 'in_progress' | 'completed' | 'stopped';
  strengths?: string;
  answers: Partial<Record<AreaId, AreaAnswer>>;
  plan?: GoalPlan;
  /** what they said when asked how their last plan went ("last time you said you'd ..."), in their words */
  planReview?: { fromCheckInId: string; said: string };
}

export interface OutcomeAnswerRecord {
  uid: string;
  /** framework statement id, e.g. '3.6' */
  frameworkId: string;
  /** 1 = not true for me ... 5 = really true for me; null when skipped */
  answer: 1 | 2 | 3 | 4 | 5 | null;
  at: string;
  ageBand: AgeBand;
  area?: LocalArea;
  checkInId?: string;
  comment?: string;
}

/** Store keys, in one place so "show my data" and "delete my data" find everything. */
export const keys = {
  profile: (uid: string) => `user:${uid}:profile`,
  checkIn: (id: string) => `checkin:${id}`,
  userCheckIns: (uid: string) => `user:${uid}:checkins`, // list of check-in ids, oldest first
  userOutcomes: (uid: string) => `user:${uid}:outcomes`, // list of OutcomeAnswerRecord
  userSelfHelp: (uid: string) => `user:${uid}:selfhelp`, // list of feedback records
  userReminders: (uid: string) => `user:${uid}:reminders`,
  userConversationRef: (uid: string) => `user:${uid}:convref`,
  allCheckIns: () => 'index:checkins', // set of check-in ids (reports)
  allUsers: () => 'index:users', // set of uids with records (reports)
};
