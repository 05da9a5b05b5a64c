/**
 * Signposting by need: services for a My Star area, a safety category or a topic, fitted to age, area
 * and the time now. Closed services say when they open; the list always holds a route open now.
 */
import { AgeBand, bandForAge } from '../ageBands';
import type { LocalArea } from '../records/types';
import { crisisRoutes } from './crisis';
import { defaultBankHolidays, Directory, isShowable } from './load';
import type { Purpose, SafetyCategory, Service } from './schema';
import { SAFETY_CATEGORIES } from './schema';
import { ageFits, areaFits, isServiceOpen, ServiceView, showableRoutes, toView } from './view';

export interface SignpostRequest {
  need: Purpose;
  now: Date;
  age?: number;
  band?: AgeBand;
  area?: LocalArea;
  /** at most this many services besides the crisis routes (default 4) */
  limit?: number;
  /** routes the young person has just been shown (e.g. the crisis routes): not repeated, and they count for "someone reachable now" */
  alreadyShown?: ServiceView[];
}

/** Open now with a phone, text or chat route: someone answers. */
export function reachableNow(v: ServiceView): boolean {
  return v.openNow && v.routes.some((r) => r.kind === 'phone' || r.kind === 'sms' || r.kind === 'chat');
}

const isSafety = (need: Purpose): need is SafetyCategory => (SAFETY_CATEGORIES as readonly string[]).includes(need);

/** Entries that fit a young person: shown audience, age (with only a band known, the whole band must fit), area, in date, verified or corroborated. */
export function fitsYoungPerson(s: Service, req: { now: Date; age?: number; band?: AgeBand; area?: LocalArea }): boolean {
  return isShowable(s, req.now) && s.audience === 'young_people' && ageFits(s, req, true) && areaFits(s, req.area) && showableRoutes(s).length > 0;
}

export function signpost(dir: Directory, req: SignpostRequest): ServiceView[] {
  const bankHolidays = dir.bankHolidays ?? defaultBankHolidays();
  const band = req.band ?? (req.age !== undefined ? bandForAge(req.age) : undefined);
  const ctx = { now: req.now, band, bankHolidays };
  const limit = req.limit ?? 4;
  const out: ServiceView[] = [];
  const shown = req.alreadyShown ?? [];
  const seen = new Set<string>(shown.map((v) => v.id));
  const add = (v: ServiceView) => {
    if (!seen.has(v.id)) {
      seen.add(v.id);
      out.push(v);
    }
  };
  // Safety needs (suicide, self-harm, abuse, danger...) always lead with the crisis routes.
  if (isSafety(req.need)) crisisRoutes(dir, req).forEach(add);
  const matches = dir.services
    .filter((s) => s.purposes.includes(req.need) && fitsYoungPerson(s, req) && !seen.has(s.id))
    .map((s) => ({ s, open: isServiceOpen(s, req.now, bankHolidays), local: !s.areas.includes('national') }))
    // open first, then local before national, then lower tier (more checked) first
    .sort((a, b) => Number(b.open) - Number(a.open) || Number(b.local) - Number(a.local) || a.s.tier - b.s.tier);
  for (const m of matches.slice(0, limit)) add(toView(m.s, ctx));
  // At least one person they can reach now (phone, text or chat; a website does not count): if none,
  // add the 24/7 listening lines that take their age.
  if (!out.some(reachableNow) && !shown.some(reachableNow)) {
    crisisRoutes(dir, req)
      .filter((v) => v.id !== 'emergency-999' && v.openNow)
      .forEach(add);
  }
  return out;
}

/**
 * Of the routes just shown (the crisis routes), the ones that are also there for this need and fit this young person:
 * when signpost() has nothing new to add, these are the ones to name, instead of "the people above".
 */
export function shownForNeed(dir: Directory, req: SignpostRequest): ServiceView[] {
  const shown = req.alreadyShown ?? [];
  const ids = new Set(
    dir.services.filter((s) => s.purposes.includes(req.need) && fitsYoungPerson(s, req) && s.crisis_role !== 'emergency').map((s) => s.id),
  );
  return shown.filter((v) => ids.has(v.id));
}

/** Of the routes just shown, the listening lines someone answers now (not the emergency or NHS urgent lines). */
export function listenersShown(dir: Directory, shown: ServiceView[]): ServiceView[] {
  const urgent = new Set(dir.services.filter((s) => s.crisis_role === 'emergency' || s.crisis_role === 'urgent_mental_health').map((s) => s.id));
  return shown.filter((v) => reachableNow(v) && !urgent.has(v.id));
}

/** Children's social care front doors and out-of-hours teams for an area: duty-worker material, never for young people. */
export function dutyWorkerRoutes(dir: Directory, req: { now: Date; area?: LocalArea }): ServiceView[] {
  const bankHolidays = dir.bankHolidays ?? defaultBankHolidays();
  return dir.services
    .filter((s) => s.tags.includes('front_door') && areaFits(s, req.area) && isShowable(s, req.now))
    .map((s) => toView(s, { now: req.now, bankHolidays }));
}
