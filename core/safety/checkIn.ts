/** Check-in answers are signals too: feeling unsafe, or unsafe where they live, at the lowest step. */
import { keys } from '../records/types';
import type { AreaId, CheckInRecord, Step } from '../records/types';
import type { Store } from '../storage';
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

/** How long the full reply to a lowest-step answer counts as "just above" in the same conversation. */
export const FULL_REPLY_ABOVE_MS = 60 * 60 * 1000;

/**
 * Whether this young person was given the full reply (the crisis list with it) to a lowest-step answer for the
 * OTHER signalling area, in this same check-in and this same conversation, a short while ago. Then the list is
 * just above, and a second full copy straight after would bury a child in numbers: the reply to this one can be
 * short. Only the words change; the alert is raised and the flag kept exactly as for the first. Never throws:
 * anything unknown means "no", and the full reply is given.
 */
export async function fullReplyJustGiven(
  store: Store,
  o: { area: AreaId; checkInId: unknown; notesKey: string; now: Date },
): Promise<boolean> {
  try {
    if (typeof o.checkInId !== 'string' || !o.checkInId) return false;
    const others = (Object.keys(SIGNALS) as AreaId[]).filter((a) => a !== o.area);
    if (!SIGNALS[o.area] || !others.length) return false;
    const [rec, notes] = await Promise.all([
      store.getJson<CheckInRecord>(keys.checkIn(o.checkInId)),
      store.listRange<{ at: string; reasons?: string[] }>(o.notesKey),
    ]);
    if (!rec || rec.status !== 'in_progress') return false;
    return others.some(
      (a) =>
        rec.answers[a]?.step === 1 &&
        notes.some((n) => n.reasons?.includes(SIGNALS[a]!.reason) && o.now.getTime() - Date.parse(n.at) < FULL_REPLY_ABOVE_MS),
    );
  } catch {
    return false;
  }
}
