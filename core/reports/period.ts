/** Report periods and formats from user input (CLI flags, query strings), with one-line errors. */

export class ReportInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportInputError';
  }
}

export interface Period {
  /** first day, YYYY-MM-DD (UTC) */
  from: string;
  /** last day, YYYY-MM-DD (UTC), included */
  to: string;
  startMs: number;
  /** exclusive: midnight after `to` */
  endMs: number;
}

export const REPORT_FORMATS = ['csv', 'json', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Longest period one report may cover. */
export const MAX_PERIOD_DAYS = 3660;
const DAY_MS = 86_400_000;

function parseDay(name: string, value: string | undefined): number {
  if (value === undefined || value === '') throw new ReportInputError(`${name} is missing: give a date as YYYY-MM-DD`);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const shown = JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value);
  if (!m) throw new ReportInputError(`${name} must be a date as YYYY-MM-DD, got ${shown}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const back = new Date(ms).toISOString().slice(0, 10);
  if (back !== value) throw new ReportInputError(`${name} is not a real date, got ${shown}`);
  return ms;
}

/** A period from two YYYY-MM-DD dates, both days included. */
export function parsePeriod(from: string | undefined, to: string | undefined, names = { from: '--from', to: '--to' }): Period {
  const startMs = parseDay(names.from, from);
  const toMs = parseDay(names.to, to);
  if (toMs < startMs) throw new ReportInputError(`${names.to} (${to}) is before ${names.from} (${from}): the period must run forwards`);
  const days = (toMs - startMs) / DAY_MS + 1;
  if (days > MAX_PERIOD_DAYS) throw new ReportInputError(`the period is ${days} days long; a report covers at most ${MAX_PERIOD_DAYS} days`);
  return { from: from!, to: to!, startMs, endMs: toMs + DAY_MS };
}

export function parseFormat(value: string | undefined, name = '--format'): ReportFormat {
  if (value === undefined || value === '') return 'csv';
  if ((REPORT_FORMATS as readonly string[]).includes(value)) return value as ReportFormat;
  const shown = JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value);
  throw new ReportInputError(`${name} must be one of ${REPORT_FORMATS.join(', ')}, got ${shown}`);
}

export function inPeriod(iso: string | undefined, p: Period): boolean {
  if (!iso) return false;
  const t = Date.parse(iso);
  return !Number.isNaN(t) && t >= p.startMs && t < p.endMs;
}
