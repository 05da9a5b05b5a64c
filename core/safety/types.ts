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
}

export interface Detector {
  detect(text: string, ctx?: { recent?: string[] }): SafetyResult;
}

/** none 0 < concern 1 < safeguarding 2 < crisis 3 */
export const LEVEL_RANK: Record<SafetyLevel, number> = { none: 0, concern: 1, safeguarding: 2, crisis: 3 };

export function maxLevel(a: SafetyLevel, b: SafetyLevel): SafetyLevel {
  return LEVEL_RANK[a] >= LEVEL_RANK[b] ? a : b;
}
