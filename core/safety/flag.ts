/**
 * Flag policy for a conversation (pure functions).
 * crisis or safeguarding raises the flag or keeps it raised (the higher level wins). Nothing the young person
 * says lowers or clears it ("no I'm fine", "jk", "you misunderstood" included): only a duty worker can, with clearFlag.
 */
import { LEVEL_RANK, type SafetyCategory, type SafetyLevel, type SafetyResult } from './types';

export interface SafetyFlag {
  flagged: boolean;
  level: SafetyLevel;
  category: SafetyCategory | null;
  /** when the flag was first raised (ISO time), null when not flagged */
  since: string | null;
  /** when a crisis/safeguarding result last came in (ISO time) */
  lastRaisedAt: string | null;
  /** duty worker id who cleared it, when cleared */
  clearedBy?: string;
  clearedAt?: string;
}

export const NO_FLAG: SafetyFlag = Object.freeze({ flagged: false, level: 'none', category: null, since: null, lastRaisedAt: null }) as SafetyFlag;

function iso(now: Date | string | number): string {
  return (now instanceof Date ? now : new Date(now)).toISOString();
}

export function raisesFlag(result: SafetyResult): boolean {
  return result.level === 'crisis' || result.level === 'safeguarding';
}

export function nextFlag(prev: SafetyFlag | null | undefined, result: SafetyResult, now: Date | string | number): SafetyFlag {
  const p = prev ?? NO_FLAG;
  if (!raisesFlag(result)) return { ...p };
  const at = iso(now);
  if (!p.flagged) {
    return { flagged: true, level: result.level, category: result.category, since: at, lastRaisedAt: at };
  }
  const higher = LEVEL_RANK[result.level] > LEVEL_RANK[p.level];
  return {
    flagged: true,
    level: higher ? result.level : p.level,
    category: higher ? result.category : p.category ?? result.category,
    since: p.since ?? at,
    lastRaisedAt: at,
  };
}

/** Only a duty worker clears a flag. */
export function clearFlag(prev: SafetyFlag | null | undefined, byDutyWorkerId: string, now: Date | string | number): SafetyFlag {
  if (!byDutyWorkerId || !byDutyWorkerId.trim()) throw new Error('clearFlag needs the id of the duty worker clearing it');
  const p = prev ?? NO_FLAG;
  return { flagged: false, level: 'none', category: null, since: null, lastRaisedAt: p.lastRaisedAt, clearedBy: byDutyWorkerId, clearedAt: iso(now) };
}

const DENIAL = [
  /\b(jk|jks|jkjk|j\/k|kidding|joking|joke|jokes|banter|bants|trolling|prank)\b/,
  /\b(no+|nah+|nope)\b.{0,20}\b(i'?m|im|i am|all|it'?s|its)\b.{0,12}\b(fine|ok|okay|good|alright|grand|safe)\b/,
  /^\s*(i'?m|im|i am)\s+(fine|ok|okay|good|alright|grand|safe)\b/,
  /\b(you|u|ya)\s+(misunderstood|misread|got it wrong|took it wrong|took it the wrong way)\b/,
  /\b(misunderstood|misunderstanding|didn'?t mean (it|that)|did not mean (it|that)|wasn'?t serious|was not serious|not serious|not being serious)\b/,
  /\b(never ?mind|nvm|forget (it|that|i said)|ignore (that|it|me|what i said))\b/,
  /\b(i was|was) (only |just )?(joking|kidding|messing|playing)\b/,
  /\b(it'?s|its) (nothing|fine|ok|okay)\b/,
];

/** True when the message looks like "no I'm fine" / "jk" / "you misunderstood": the safety net stays on. */
export function isDenial(text: string): boolean {
  if (typeof text !== 'string') return false;
  const t = text.toLowerCase().replace(/[\u2018\u2019]/g, "'").slice(0, 500);
  if (!t.trim()) return false;
  return DENIAL.some((r) => r.test(t));
}
