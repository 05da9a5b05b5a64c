/**
 * Duty hours: is a person on duty now, and if not, when next? Pure functions of (now, configuration).
 *
 * Times are wall-clock times in Europe/London, so "mon-thu 08:30-17:30" means 08:30 London time in
 * winter (GMT) and summer (BST) alike. Closed days: DUTY_CLOSED_DATES plus the bank holidays of England
 * (computed: New Year, Good Friday, Easter Monday, early May, spring, summer, Christmas, Boxing Day, with
 * weekend substitutes; plus the one-off changes of recent years). Add any new one-off to DUTY_CLOSED_DATES.
 * Only Intl.DateTimeFormat is used for the time zone: no extra library.
 */
import type { Config } from '../config';
import type { AlertRecord } from './types';

export type DutyConfig = Pick<Config, 'DUTY_HOURS' | 'DUTY_CLOSED_DATES'> & {
  /** extra closed days, e.g. the published list in content/bank-holidays.json (added to the computed ones) */
  bankHolidays?: ReadonlySet<string>;
};

export interface DutyStatus {
  onDuty: boolean;
  /** when on duty: the end of the current duty period */
  until?: Date;
  /** when off duty: the start of the next duty period (within the next 30 days) */
  nextOnDuty?: Date;
}

export type AlertReplyState = 'delivered_on_duty' | 'delivered_off_duty' | 'trying';

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const TZ = 'Europe/London';

const fmt = new Intl.DateTimeFormat('en-GB', {
  timeZone: TZ,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

interface Local {
  y: number;
  m: number;
  d: number;
  minutes: number;
}

/** Wall-clock date and minutes since midnight in London. */
export function londonParts(t: Date): Local {
  const p: Record<string, number> = {};
  for (const part of fmt.formatToParts(t)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return { y: p.year, m: p.month, d: p.day, minutes: (p.hour % 24) * 60 + p.minute };
}

/** London's offset from UTC in minutes at that instant (0 in GMT, 60 in BST). */
function offsetMinutes(t: Date): number {
  const l = londonParts(t);
  const asUtc = Date.UTC(l.y, l.m - 1, l.d, 0, l.minutes);
  return Math.round((asUtc - Math.floor(t.getTime() / 60000) * 60000) / 60000);
}

/** The instant when London's clock shows that date and time. */
export function londonToDate(y: number, m: number, d: number, minutes: number): Date {
  const guess = Date.UTC(y, m - 1, d, 0, minutes);
  let t = new Date(guess - offsetMinutes(new Date(guess)) * 60000);
  const again = offsetMinutes(t);
  t = new Date(guess - again * 60000);
  return t;
}

const iso = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const weekday = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).getUTCDay();
const addDays = (y: number, m: number, d: number, n: number): [number, number, number] => {
  const t = new Date(Date.UTC(y, m - 1, d + n));
  return [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
};

function easterSunday(y: number): [number, number] {
  // Anonymous Gregorian algorithm.
  const a = y % 19, b = Math.floor(y / 100), c = y % 100, d = Math.floor(b / 4), e = b % 4;
  const f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30, i = Math.floor(c / 4), k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  return [month, ((h + l - 7 * m + 114) % 31) + 1];
}

/** Recent one-off changes to England's bank holidays: [removed, added]. */
const ONE_OFFS: { removed: string[]; added: string[] } = {
  removed: ['2020-05-04', '2022-05-30'],
  added: ['2020-05-08', '2022-06-02', '2022-06-03', '2022-09-19', '2023-05-08'],
};

const bankHolidayCache = new Map<number, Set<string>>();

/** England and Wales bank holidays of a year, as YYYY-MM-DD. */
export function bankHolidays(y: number): Set<string> {
  const cached = bankHolidayCache.get(y);
  if (cached) return cached;
  const out = new Set<string>();
  const firstMonday = (m: number) => {
    const wd = weekday(y, m, 1);
    return iso(y, m, 1 + ((8 - wd) % 7));
  };
  const lastMonday = (m: number) => {
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    const wd = weekday(y, m, last);
    return iso(y, m, last - ((wd + 6) % 7));
  };
  // New Year's Day, or the Monday after when it falls at a weekend.
  const ny = weekday(y, 1, 1);
  out.add(iso(y, 1, ny === 6 ? 3 : ny === 0 ? 2 : 1));
  const [em, ed] = easterSunday(y);
  out.add(iso(...addDays(y, em, ed, -2)));
  out.add(iso(...addDays(y, em, ed, 1)));
  out.add(firstMonday(5));
  out.add(lastMonday(5));
  out.add(lastMonday(8));
  // Christmas Day and Boxing Day, with substitute days.
  const xmas = weekday(y, 12, 25);
  if (xmas === 6) out.add(iso(y, 12, 27)).add(iso(y, 12, 28));
  else if (xmas === 0) out.add(iso(y, 12, 26)).add(iso(y, 12, 27));
  else if (xmas === 5) out.add(iso(y, 12, 25)).add(iso(y, 12, 28));
  else out.add(iso(y, 12, 25)).add(iso(y, 12, 26));
  for (const r of ONE_OFFS.removed) if (r.startsWith(`${y}-`)) out.delete(r);
  for (const a of ONE_OFFS.added) if (a.startsWith(`${y}-`)) out.add(a);
  bankHolidayCache.set(y, out);
  return out;
}

interface Range {
  days: Set<number>;
  start: number;
  end: number;
}

/** Parses DUTY_HOURS items such as "mon-thu 08:30-17:30" (config.ts has already checked the shape). */
export function parseDutyHours(items: string[]): Range[] {
  return items.map((item) => {
    const m = /^(\w{3})(?:-(\w{3}))? (\d\d):(\d\d)-(\d\d):(\d\d)$/.exec(item.trim());
    if (!m) throw new Error(`DUTY_HOURS item "${item}" is not like "mon-thu 08:30-17:30"`);
    const from = DAYS.indexOf(m[1] as (typeof DAYS)[number]);
    const to = m[2] ? DAYS.indexOf(m[2] as (typeof DAYS)[number]) : from;
    if (from < 0 || to < 0) throw new Error(`DUTY_HOURS item "${item}" has an unknown day`);
    const days = new Set<number>();
    for (let d = from; ; d = (d + 1) % 7) {
      days.add(d);
      if (d === to) break;
    }
    const start = Number(m[3]) * 60 + Number(m[4]);
    const end = Number(m[5]) * 60 + Number(m[6]);
    if (end <= start) throw new Error(`DUTY_HOURS item "${item}" ends before it starts`);
    return { days, start, end };
  });
}

function isClosed(y: number, m: number, d: number, closed: ReadonlySet<string>, extra?: ReadonlySet<string>): boolean {
  const day = iso(y, m, d);
  return closed.has(day) || bankHolidays(y).has(day) || !!extra?.has(day);
}

/** Is someone on duty at `now`; if not, when next. */
export function dutyStatus(now: Date, cfg: DutyConfig): DutyStatus {
  const ranges = parseDutyHours(cfg.DUTY_HOURS);
  const closed = new Set(cfg.DUTY_CLOSED_DATES);
  const here = londonParts(now);
  if (!isClosed(here.y, here.m, here.d, closed, cfg.bankHolidays)) {
    const wd = weekday(here.y, here.m, here.d);
    const current = ranges
      .filter((r) => r.days.has(wd) && r.start <= here.minutes && here.minutes < r.end)
      .sort((a, b) => b.end - a.end)[0];
    if (current) return { onDuty: true, until: londonToDate(here.y, here.m, here.d, current.end) };
  }
  for (let offset = 0; offset <= 30; offset++) {
    const [y, m, d] = addDays(here.y, here.m, here.d, offset);
    if (isClosed(y, m, d, closed, cfg.bankHolidays)) continue;
    const wd = weekday(y, m, d);
    const starts = ranges
      .filter((r) => r.days.has(wd))
      .map((r) => r.start)
      .filter((s) => offset > 0 || s > here.minutes)
      .sort((a, b) => a - b);
    if (starts.length) return { onDuty: false, nextOnDuty: londonToDate(y, m, d, starts[0]) };
  }
  return { onDuty: false };
}

/**
 * What the young person may truthfully be told about an alert: a person has been told and is on duty
 * now, a person has been told and will see it when next on duty, or Starling is still trying.
 */
export function alertReplyState(alert: Pick<AlertRecord, 'history'>, now: Date, cfg: DutyConfig): AlertReplyState {
  const delivered = alert.history.some((s) => s.state === 'delivered');
  if (!delivered) return 'trying';
  return dutyStatus(now, cfg).onDuty ? 'delivered_on_duty' : 'delivered_off_duty';
}

/** Wording help for "someone will see it {{when}}": 'today' | 'tomorrow' | 'weekday', the weekday name and the time, in London. */
export function describeWhen(next: Date, now: Date): { kind: 'today' | 'tomorrow' | 'weekday'; weekday: string; time: string } {
  const a = londonParts(now);
  const b = londonParts(next);
  const [ty, tm, td] = addDays(a.y, a.m, a.d, 1);
  const kind = a.y === b.y && a.m === b.m && a.d === b.d ? 'today' : ty === b.y && tm === b.m && td === b.d ? 'tomorrow' : 'weekday';
  const weekdayName = new Intl.DateTimeFormat('en-GB', { timeZone: TZ, weekday: 'long' }).format(next);
  const h = Math.floor(b.minutes / 60);
  const min = b.minutes % 60;
  const time = `${h % 12 === 0 ? 12 : h % 12}${min ? `:${String(min).padStart(2, '0')}` : ''}${h < 12 ? 'am' : 'pm'}`;
  return { kind, weekday: weekdayName, time };
}
