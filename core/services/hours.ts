/**
 * Opening hours in Europe/London: is a service open at an instant, and when does it next open.
 * Bank holidays come from content/bank-holidays.json.
 */
import type { Hours, Weekday } from './schema';

export const TIMEZONE = 'Europe/London';

export interface LondonTime {
  /** YYYY-MM-DD in London */
  date: string;
  day: Weekday;
  /** minutes since London midnight */
  minutes: number;
}

const fmt = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIMEZONE,
  weekday: 'short',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export function londonTime(at: Date): LondonTime {
  const p: Record<string, string> = {};
  for (const part of fmt.formatToParts(at)) p[part.type] = part.value;
  return {
    date: `${p.year}-${p.month}-${p.day}`,
    day: p.weekday.toLowerCase().slice(0, 3) as Weekday,
    minutes: Number(p.hour) * 60 + Number(p.minute),
  };
}

const toMinutes = (hm: string) => Number(hm.slice(0, 2)) * 60 + Number(hm.slice(3, 5));

export function isOpenAt(hours: Hours, at: Date, bankHolidays: ReadonlySet<string>): boolean {
  if ('always' in hours) return true;
  if ('unknown' in hours) return false;
  const t = londonTime(at);
  if (bankHolidays.has(t.date)) {
    if (hours.bank_holidays === 'open_all_day') return true;
    if (hours.bank_holidays !== 'as_usual') return false; // closed, or unknown: never claim open
  }
  return (hours.weekly[t.day] ?? []).some(([a, b]) => t.minutes >= toMinutes(a) && t.minutes < toMinutes(b));
}

const STEP_MS = 15 * 60 * 1000;
const HORIZON_MS = 15 * 24 * 60 * 60 * 1000;

/** The next instant (on a quarter hour) at which hours open, or undefined if never within 15 days or unknown. */
export function nextOpening(hours: Hours, from: Date, bankHolidays: ReadonlySet<string>): Date | undefined {
  if ('always' in hours) return from;
  if ('unknown' in hours) return undefined;
  let t = Math.ceil(from.getTime() / STEP_MS) * STEP_MS;
  const end = from.getTime() + HORIZON_MS;
  for (; t <= end; t += STEP_MS) {
    const d = new Date(t);
    if (isOpenAt(hours, d, bankHolidays)) return d;
  }
  return undefined;
}
