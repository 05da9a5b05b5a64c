/**
 * From a directory entry to what a young person sees: ready-to-show contact lines built by the
 * templates in locales/en-GB/signpost.json, whether it is open now, and when it opens if not.
 */
import type { AgeBand } from '../ageBands';
import { oldestAgeIn, youngestAgeIn } from '../ageBands';
import { words as sharedWords, Words } from '../i18n';
import type { LocalArea } from '../records/types';
import { isOpenAt, londonTime, nextOpening } from './hours';
import { defaultBankHolidays, isShowable } from './load';
import type { Contact, Hours, Service, Status } from './schema';
import { wordsKey } from './schema';

export interface ServiceView {
  id: string;
  name: string;
  /** ready-to-show lines, e.g. 'Call 999', 'Text SHOUT to 85258' */
  contact: string[];
  /** the same lines with what they are and a tap target (tel:, sms:, mailto: or the page), in the same order */
  routes: RouteView[];
  openNow: boolean;
  /** e.g. 'Monday 9am' when closed */
  opensAt?: string;
  free: boolean;
  billNote?: string;
  url?: string;
  status: 'verified' | 'corroborated';
  /** e.g. 'For people aged 18 and under' */
  ages?: string;
  /** what it is for, in a sentence (signpost:about.<id>), when there is wording for it */
  about?: string;
  /** open every hour of every day */
  always: boolean;
  tier: 1 | 2 | 3;
}

export interface RouteView {
  kind: Contact['kind'];
  text: string;
  href?: string;
}

export interface ViewContext {
  now: Date;
  band?: AgeBand;
  bankHolidays?: ReadonlySet<string>;
  words?: Words;
  /** the built-in Tier-1 fallback: shown even past its review date (services.md §7b.7) */
  failSafe?: boolean;
}

/** Route kinds through which a person answers now (the others are pages, forms and email). */
const LIVE_KINDS = new Set<Contact['kind']>(['phone', 'sms', 'chat']);
/** Routes that count for "open" only when a service has no live route: a page, a form, or asking someone at school. */
const OTHER_KINDS = new Set<Contact['kind']>(['web', 'form', 'ask']);

export function routeStatus(s: Service, c: Contact): Status {
  return c.status ?? s.status;
}
/** Routes of an entry that may be shown: not unverified. */
export function showableRoutes(s: Service): Contact[] {
  return s.contacts.filter((c) => routeStatus(s, c) !== 'unverified');
}
const routeHours = (s: Service, c: Contact): Hours => c.hours ?? s.hours;

export function isAlways(s: Service): boolean {
  return showableRoutes(s).some((c) => LIVE_KINDS.has(c.kind) && 'always' in routeHours(s, c));
}

/** Open now: a live route (phone, text, chat) is open; an entry with no live route counts as open when its page, form or school route is. */
export function isServiceOpen(s: Service, now: Date, bh: ReadonlySet<string>): boolean {
  return openingPool(s).some((c) => isOpenAt(routeHours(s, c), now, bh));
}

/** The routes whose hours decide whether an entry is open: its live routes, or else its pages, forms and school routes. */
function openingPool(s: Service): Contact[] {
  const routes = showableRoutes(s);
  const live = routes.filter((c) => LIVE_KINDS.has(c.kind));
  return live.length ? live : routes.filter((c) => OTHER_KINDS.has(c.kind));
}

export function ageFits(s: Service, who: { age?: number; band?: AgeBand }, whole = false): boolean {
  const min = s.ages.min ?? 0;
  const max = s.ages.max ?? 200;
  if (who.age !== undefined) return who.age >= min && who.age <= max;
  if (who.band) {
    const lo = youngestAgeIn(who.band);
    const hi = oldestAgeIn(who.band);
    return whole ? lo >= min && hi <= max : lo <= max && hi >= min;
  }
  return true;
}

export function areaFits(s: Service, area?: LocalArea): boolean {
  return s.areas.includes('national') || (area !== undefined && area !== 'elsewhere' && (s.areas as string[]).includes(area));
}

function formatTime(w: Words, minutes: number, band?: AgeBand): string {
  const h = Math.floor(minutes / 60) % 24;
  const m = minutes % 60;
  if (h === 0 && m === 0) return w.t('signpost:time.midnight', { band });
  if (h === 12 && m === 0) return w.t('signpost:time.midday', { band });
  const t = `${h % 12 || 12}${m ? `:${String(m).padStart(2, '0')}` : ''}`;
  return w.t(h < 12 ? 'signpost:time.am' : 'signpost:time.pm', { t, band });
}

export function describeOpening(at: Date, now: Date, w: Words, band?: AgeBand): string {
  const a = londonTime(at);
  const n = londonTime(now);
  const dayDiff = Math.round((Date.parse(a.date) - Date.parse(n.date)) / 86_400_000);
  const day =
    dayDiff === 0
      ? w.t('signpost:day.today', { band })
      : dayDiff === 1
        ? w.t('signpost:day.tomorrow', { band })
        : w.t(`signpost:day.${a.day}`, { band });
  return w.t('signpost:when', { day, time: formatTime(w, a.minutes, band), band });
}

const digitsOf = (n: string) => n.replace(/\D/g, '');
export function hrefFor(c: Contact): string | undefined {
  switch (c.kind) {
    case 'phone':
    case 'textphone':
      return `tel:${digitsOf(c.number)}`;
    case 'sms':
      return `sms:${digitsOf(c.number)}${c.keyword ? `?&body=${encodeURIComponent(c.keyword)}` : ''}`;
    case 'chat':
    case 'web':
    case 'form':
      return c.url;
    case 'email':
      return `mailto:${c.address}`;
    case 'ask':
      return undefined;
  }
}

export function contactLine(c: Contact, w: Words, band?: AgeBand): string {
  switch (c.kind) {
    case 'phone':
      return w.t(c.option === 'mental_health' ? 'signpost:contact.phone_mental_health' : 'signpost:contact.phone', { number: c.number, band });
    case 'textphone':
      return w.t('signpost:contact.textphone', { number: c.number, band });
    case 'sms':
      return c.keyword
        ? w.t('signpost:contact.sms_keyword', { number: c.number, keyword: c.keyword, band })
        : w.t('signpost:contact.sms', { number: c.number, band });
    case 'chat':
      return w.t('signpost:contact.chat', { url: c.url, band });
    case 'web':
      return w.t('signpost:contact.web', { url: c.url, band });
    case 'form':
      return w.t('signpost:contact.form', { url: c.url, band });
    case 'email':
      return w.t('signpost:contact.email', { address: c.address, band });
    case 'ask':
      return w.t(`signpost:contact.ask_${c.who}`, { band });
  }
}

function agesLine(s: Service, w: Words, band?: AgeBand): string | undefined {
  const { min, max } = s.ages;
  if (min !== undefined && max !== undefined) return w.t('signpost:ages.between', { min, max, band });
  if (max !== undefined) return w.t('signpost:ages.max', { max, band });
  if (min !== undefined) return w.t('signpost:ages.min', { min, band });
  return undefined;
}

/** The view of one entry. Throws if the entry is unverified or past review: those never reach a young person. */
export function toView(s: Service, ctx: ViewContext): ServiceView {
  if (s.status === 'unverified' || (!ctx.failSafe && !isShowable(s, ctx.now))) throw new Error(`service "${s.id}" is not showable`);
  const w = ctx.words ?? sharedWords();
  const bh = ctx.bankHolidays ?? defaultBankHolidays();
  const band = ctx.band;
  const routes = showableRoutes(s);
  const openNow = isServiceOpen(s, ctx.now, bh);
  // When open, show the live routes open now (a closed text line beside an open phone line would mislead).
  const shown = openNow ? routes.filter((c) => !LIVE_KINDS.has(c.kind) || isOpenAt(routeHours(s, c), ctx.now, bh)) : routes;
  let opensAt: string | undefined;
  if (!openNow) {
    const next = openingPool(s)
      .map((c) => nextOpening(routeHours(s, c), ctx.now, bh))
      .filter((d): d is Date => d !== undefined)
      .sort((a, b) => a.getTime() - b.getTime())[0];
    if (next) opensAt = describeOpening(next, ctx.now, w, band);
  }
  const status = routes.some((c) => routeStatus(s, c) === 'corroborated') || s.status === 'corroborated' ? 'corroborated' : 'verified';
  const firstUrl = routes.find((c): c is Extract<Contact, { url: string }> => 'url' in c)?.url;
  return {
    id: s.id,
    name: s.name,
    contact: shown.map((c) => contactLine(c, w, band)),
    routes: shown.map((c) => ({ kind: c.kind, text: contactLine(c, w, band), href: hrefFor(c) })),
    openNow,
    opensAt,
    free: s.cost === 'free',
    billNote: s.bill_note ? w.t(`signpost:bill.${s.bill_note}`, { band }) : undefined,
    url: s.website ?? firstUrl,
    status,
    ages: agesLine(s, w, band),
    about: w.has(`signpost:about.${wordsKey(s)}`, band) ? w.t(`signpost:about.${wordsKey(s)}`, { band }) : undefined,
    always: isAlways(s),
    tier: s.tier,
  };
}
