/**
 * Pressing a button on the "I need help" menu can be a disclosure in itself: "I don't want to be alive",
 * "Someone is hurting me", "Things at home are scary". Those are safety signals by what the button means,
 * whatever words the detector would make of its label (labels change by age band and over time).
 * Plain TypeScript: bot/middleware/safety.ts applies it to card submissions.
 */
import type { Purpose } from './services';
import type { SafetyResult } from './safety/types';

interface Signal {
  level: 'crisis' | 'safeguarding' | 'concern';
  category: NonNullable<SafetyResult['category']>;
  reason: string;
  /** level for young people known to be 18 or over, when different (adult routes, not child protection) */
  adultLevel?: 'safeguarding' | 'concern';
}

const SIGNALS: Partial<Record<Purpose, Signal>> = {
  suicide: { level: 'crisis', category: 'suicide', reason: 'Pressed "I don\'t want to be alive" on the help menu: suicidal thoughts, risk to life' },
  self_harm: { level: 'safeguarding', category: 'self_harm', reason: 'Pressed "I want to hurt myself" on the help menu: wants to self-harm; a person should follow up today' },
  being_safe: { level: 'safeguarding', category: 'immediate_danger', reason: 'Pressed "I don\'t feel safe" on the help menu; a person should check on them today' },
  abuse: { level: 'safeguarding', category: 'abuse', reason: 'Pressed "Someone is hurting me" on the help menu: a disclosure of harm by someone' },
  domestic_abuse_at_home: { level: 'safeguarding', category: 'domestic_abuse_at_home', reason: 'Pressed "Things at home are scary" on the help menu: may not be safe at home' },
  sexual_exploitation_or_grooming: {
    level: 'safeguarding',
    adultLevel: 'concern',
    category: 'sexual_exploitation_or_grooming',
    reason: 'Pressed "Something online or sexual" on the help menu: may be grooming, sextortion or exploitation (under 18 or age unknown)',
  },
};

export function helpNeedSignal(need: Purpose | undefined, age?: number): SafetyResult {
  const s = need ? SIGNALS[need] : undefined;
  if (!s) return { level: 'none', category: null, reasons: [] };
  const level = age !== undefined && age >= 18 && s.adultLevel ? s.adultLevel : s.level;
  return { level, category: s.category, reasons: [s.reason], subcategory: `help_menu_${need}` };
}
