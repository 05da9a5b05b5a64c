/**
 * Loading the services directory: every entry is validated on its own so an error names the entry and
 * the field. What young people can see drops unverified entries and entries past next_review_due.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { CONTENT_DIR } from '../paths';
import { londonTime } from './hours';
import { BankHolidaysSchema, DirectoryFileSchema, Service, ServiceSchema } from './schema';

export const SERVICES_FILE = path.join(CONTENT_DIR, 'services.json');
export const FALLBACK_FILE = path.join(CONTENT_DIR, 'services-fallback.json');
export const BANK_HOLIDAYS_FILE = path.join(CONTENT_DIR, 'bank-holidays.json');

export interface Directory {
  /** entries young people (and duty workers) may be shown: verified or corroborated, not past review */
  services: Service[];
  /** one line for each entry dropped, and any problem met while loading */
  warnings: string[];
  /** entries kept out of sight (unverified or past review), for people who maintain the directory */
  hidden?: Service[];
  /** the built-in Tier-1 set (content/services-fallback.json) */
  fallback?: Service[];
  /** England and Wales bank holidays, YYYY-MM-DD */
  bankHolidays?: ReadonlySet<string>;
  /** numbers that must never be given out */
  neverGive?: ReadonlySet<string>;
}

export interface LoadOptions {
  now?: Date;
  file?: string;
  /** default true: a bad entry throws; false: the bad entry is dropped with a warning */
  strict?: boolean;
  fallbackFile?: string;
  bankHolidaysFile?: string;
}

const digits = (s: string) => s.replace(/\D/g, '');

function describeIssue(id: string, file: string, err: z.ZodError): string {
  const i = err.issues[0];
  const field = i.path.length ? i.path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.').replace(/\.\[/g, '[') : '(entry)';
  return `${path.basename(file)}: entry "${id}" field "${field}": ${i.message}`;
}

interface Parsed {
  services: Service[];
  neverGive: Set<string>;
}

/** Reads and validates a directory file. Strict: throws on the first bad entry. Otherwise drops it with a warning. */
export function parseDirectoryFile(file: string, strict: boolean, warnings: string[]): Parsed {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    const msg = `${path.basename(file)}: cannot be read as JSON (${(e as Error).message})`;
    if (strict) throw new Error(msg);
    warnings.push(msg);
    return { services: [], neverGive: new Set() };
  }
  const top = DirectoryFileSchema.safeParse(raw);
  if (!top.success) {
    const msg = describeIssue('(file)', file, top.error);
    if (strict) throw new Error(msg);
    warnings.push(msg);
    return { services: [], neverGive: new Set() };
  }
  const neverGive = new Set(top.data.never_give.map((n) => digits(n.number)));
  const services: Service[] = [];
  const seen = new Set<string>();
  top.data.services.forEach((entry, index) => {
    const id = typeof (entry as { id?: unknown })?.id === 'string' ? String((entry as { id: string }).id) : `#${index}`;
    const fail = (msg: string) => {
      if (strict) throw new Error(msg);
      warnings.push(`dropped: ${msg}`);
    };
    const r = ServiceSchema.safeParse(entry);
    if (!r.success) return fail(describeIssue(id, file, r.error));
    const s = r.data;
    if (seen.has(s.id)) return fail(`${path.basename(file)}: entry "${id}" field "id": duplicate id`);
    // A number on the never-give list may only sit in an unverified route of an unverified entry.
    const bad = s.contacts.findIndex(
      (c) => 'number' in c && neverGive.has(digits(c.number)) && (s.status !== 'unverified' || (c.status ?? s.status) !== 'unverified'),
    );
    if (bad >= 0) return fail(`${path.basename(file)}: entry "${id}" field "contacts[${bad}].number": this number is on the never_give list`);
    seen.add(s.id);
    services.push(s);
  });
  return { services, neverGive };
}

export function readBankHolidays(file = BANK_HOLIDAYS_FILE): Set<string> {
  const data = BankHolidaysSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  return new Set(data.dates.map((d) => d.date));
}

/** Past review on the London date of `now` (due date itself is still in date). */
export function isExpired(s: Service, now: Date): boolean {
  return londonTime(now).date > s.next_review_due;
}

export function isShowable(s: Service, now: Date): boolean {
  return s.status !== 'unverified' && !isExpired(s, now);
}

export function loadDirectory(opts: LoadOptions = {}): Directory {
  const now = opts.now ?? new Date();
  const strict = opts.strict ?? true;
  const warnings: string[] = [];
  const file = opts.file ?? SERVICES_FILE;
  const main = parseDirectoryFile(file, strict, warnings);
  // The fallback is always strict: it is part of the build and tested.
  const fb = parseDirectoryFile(opts.fallbackFile ?? FALLBACK_FILE, true, warnings);
  let bankHolidays: Set<string>;
  try {
    bankHolidays = readBankHolidays(opts.bankHolidaysFile);
  } catch (e) {
    if (strict) throw e;
    warnings.push(`bank-holidays.json: cannot be read (${(e as Error).message}); bank holidays treated as ordinary days`);
    bankHolidays = new Set();
  }
  const services: Service[] = [];
  const hidden: Service[] = [];
  for (const s of main.services) {
    if (s.status === 'unverified') {
      hidden.push(s);
      warnings.push(`hidden: "${s.id}" is unverified (${s.unverified.join('; ') || 'no reason given'})`);
    } else if (isExpired(s, now)) {
      hidden.push(s);
      warnings.push(`hidden: "${s.id}" is past its review date ${s.next_review_due}`);
    } else services.push(s);
  }
  for (const s of fb.services) if (isExpired(s, now)) warnings.push(`fallback "${s.id}" is past its review date ${s.next_review_due} (still used as the fail-safe)`);
  const year = Number(londonTime(now).date.slice(0, 4));
  if (![...bankHolidays].some((d) => d.startsWith(String(year)))) warnings.push(`bank-holidays.json has no dates for ${year}`);
  return { services, warnings, hidden, fallback: fb.services, bankHolidays, neverGive: main.neverGive };
}

let builtInFallback: Service[] | undefined;
/** The Tier-1 fallback, read once (strict). */
export function fallbackServices(): Service[] {
  builtInFallback ??= parseDirectoryFile(FALLBACK_FILE, true, []).services;
  return builtInFallback;
}
let builtInHolidays: Set<string> | undefined;
export function defaultBankHolidays(): ReadonlySet<string> {
  if (!builtInHolidays) {
    try {
      builtInHolidays = readBankHolidays();
    } catch {
      builtInHolidays = new Set();
    }
  }
  return builtInHolidays;
}
