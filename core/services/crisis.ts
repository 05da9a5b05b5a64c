/**
 * Crisis routes (services.md §7b.7): always 999, 111 with the mental health option, and a 24/7 listening
 * service that takes their age, whatever else is shown. If the directory cannot supply one of these
 * (damaged file, entry past review), the built-in Tier-1 fallback does.
 */
import { AgeBand, bandForAge } from '../ageBands';
import type { LocalArea } from '../records/types';
import { Directory, fallbackServices, isShowable, defaultBankHolidays } from './load';
import type { Service } from './schema';
import { ageFits, areaFits, isAlways, ServiceView, showableRoutes, toView } from './view';

export interface Who {
  now: Date;
  age?: number;
  band?: AgeBand;
  area?: LocalArea;
}

/** Listening lines in the order young people are offered them (Childline first for those it takes). */
const LISTENING_ORDER = ['childline', 'samaritans', 'shout'];
const rank = (id: string) => {
  const i = LISTENING_ORDER.indexOf(id);
  return i < 0 ? LISTENING_ORDER.length : i;
};

function usable(s: Service, who: Who): boolean {
  return (
    isShowable(s, who.now) &&
    s.audience === 'young_people' &&
    areaFits(s, who.area) &&
    // band only: the whole band must fit, so a 22-year-old is never sent to an under-19s line
    ageFits(s, who, true) &&
    isAlways(s) &&
    showableRoutes(s).length > 0
  );
}

export function crisisRoutes(dir: Directory, who: Who): ServiceView[] {
  const bankHolidays = dir.bankHolidays ?? defaultBankHolidays();
  const band = who.band ?? (who.age !== undefined ? bandForAge(who.age) : undefined);
  const ctx = { now: who.now, band, bankHolidays };
  const fb = dir.fallback ?? fallbackServices();
  const pick = (role: Service['crisis_role']): { list: Service[]; failSafe: boolean } => {
    const list = dir.services.filter((s) => s.crisis_role === role && usable(s, who));
    if (list.length) return { list, failSafe: false };
    // Fail-safe: the built-in set is used even past its review date, never if unverified.
    const fbList = fb.filter((s) => s.crisis_role === role && s.status !== 'unverified' && ageFits(s, who, true));
    return { list: fbList, failSafe: true };
  };
  const out: ServiceView[] = [];
  for (const role of ['emergency', 'urgent_mental_health'] as const) {
    const { list, failSafe } = pick(role);
    if (list[0]) out.push(toView(list[0], { ...ctx, failSafe }));
  }
  const listening = pick('listening');
  const sorted = [...listening.list].sort((a, b) => rank(a.id) - rank(b.id));
  for (const s of sorted.slice(0, 3)) out.push(toView(s, { ...ctx, failSafe: listening.failSafe }));
  return out;
}
