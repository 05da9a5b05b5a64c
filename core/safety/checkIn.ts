/** Check-in answers are signals too: feeling unsafe, or unsafe where they live, at the lowest step. */
import type { AreaId, Step } from '../records/types';
import type { SafetyResult } from './types';

const SIGNALS: Partial<Record<AreaId, { category: SafetyResult['category']; subcategory: string; reason: string }>> = {
  being_safe: {
    category: 'immediate_danger',
    subcategory: 'check_in_being_safe',
    reason: 'Chose the lowest step (1, red) for "being safe" in a check-in: they may not feel safe; a person should follow up today',
  },
  where_you_live: {
    category: 'domestic_abuse_at_home',
    subcategory: 'check_in_where_you_live',
    reason: 'Chose the lowest step (1, red) for "where you live" in a check-in: home may not be safe or settled; a person should follow up today',
  },
};

export function checkInSignal(area: AreaId, step: Step | null): SafetyResult {
  const s = SIGNALS[area];
  if (s && step === 1) return { level: 'safeguarding', category: s.category, reasons: [s.reason], subcategory: s.subcategory };
  return { level: 'none', category: null, reasons: [] };
}
