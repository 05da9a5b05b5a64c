/** Safety detector result types (plain TypeScript, no botbuilder). */
export type SafetyLevel = 'crisis' | 'safeguarding' | 'concern' | 'none';

export const SAFETY_LEVELS = ['none', 'concern', 'safeguarding', 'crisis'] as const;

export const SAFETY_CATEGORIES = [
  'suicide',
  'self_harm',
  'abuse',
  'sexual_exploitation_or_grooming',
  'domestic_abuse_at_home',
  'immediate_danger',
  'harm_to_others',
  'eating_disorder',
  'bullying_threats',
] as const;
export type SafetyCategory = (typeof SAFETY_CATEGORIES)[number];

export interface SafetyResult {
  level: SafetyLevel;
  category: SafetyCategory | null;
  /** Plain words saying what triggered the result, for a duty worker. Never quotes the young person. */
  reasons: string[];
  subcategory?: string;
  /** the level comes from reading the message with the question it answers (content/safety/answering.json) */
  fromQuestion?: boolean;
}

/**
 * The kinds of question Starling asks, for reading a short answer with its question ("my step dad" is news to act
 * on as what gets in the way of feeling safe, and good news as who helps). Rules in content/safety/answering.json
 * name the kinds they read; any other kind (or none) leaves the message to be read on its own.
 */
export const ANSWER_KINDS = [
  /** "what's going well at the moment?" */
  'going_well',
  /** a My Star step card: how is this area going (1-5, or typed) */
  'rating',
  /** "want to say more about that?" after a step (the free reason) */
  'say_more',
  /** "if things got better with ..., what would that look like?" */
  'goal',
  /** "what gets in the way right now?" / "what makes it hard?" */
  'barrier',
  /** "what's one small first step?" */
  'first_step',
  /** "when will you try it?" */
  'when',
  /** "last time you said you'd ... how did it go?" */
  'plan_review',
  /** an outcome question ("how true is this for you?") and its optional comment */
  'outcome',
  /** "who helps you?" / "who could you talk to?" */
  'helper',
  /** "who do you live with?" */
  'household',
  /** a question that itself asks about something worrying ("does anyone at home hurt you?"): `about` says what */
  'asks_about_harm',
] as const;
export type AnswerKind = (typeof ANSWER_KINDS)[number];

/** What the message answers: the question's kind and, where known, its My Star areas. Never the young person's words. */
export interface Answering {
  kind: AnswerKind;
  /** My Star area ids the question is about (being_safe, where_you_live, ...): one, or the one or two of a plan */
  areas?: string[];
  /** the step (1-5) they chose for that area, for a question that follows a step ("want to say more?") */
  step?: number;
  /** for kind asks_about_harm: what the question asks about */
  about?: SafetyCategory;
}

export interface DetectContext {
  /** the young person's last few messages in this conversation */
  recent?: string[];
  /** the question this message answers, when Starling asked one */
  answering?: Answering;
}

export interface Detector {
  detect(text: string, ctx?: DetectContext): SafetyResult;
}

/** none 0 < concern 1 < safeguarding 2 < crisis 3 */
export const LEVEL_RANK: Record<SafetyLevel, number> = { none: 0, concern: 1, safeguarding: 2, crisis: 3 };

export function maxLevel(a: SafetyLevel, b: SafetyLevel): SafetyLevel {
  return LEVEL_RANK[a] >= LEVEL_RANK[b] ? a : b;
}
