/** Helpers for the locale tests: flatten locale files, find keys used in code, compare locales. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Resources } from '../../core/i18n';

/** 'ns:a.b.c' for every leaf (a list counts as one leaf). */
export function flatten(resources: Resources, lng: string): Set<string> {
  const out = new Set<string>();
  const walk = (ns: string, prefix: string, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      for (const [k, x] of Object.entries(v)) walk(ns, prefix ? `${prefix}.${k}` : k, x);
    } else out.add(`${ns}:${prefix}`);
  };
  for (const [ns, tree] of Object.entries(resources[lng] ?? {})) walk(ns, '', tree);
  return out;
}

export interface UsedKey {
  key: string;
  /** true when the key ends in a ${...} expression: any key with this prefix will do */
  prefix: boolean;
  file: string;
}

const CALL = /\b(?:t|pick|list|has)\(\s*(['"`])([a-z][a-zA-Z0-9]*:[A-Za-z0-9_.\-]*)(\$\{[^`]*)?\1/g;

export function keysUsedIn(source: string, file: string): UsedKey[] {
  const out: UsedKey[] = [];
  for (const m of source.matchAll(CALL)) out.push({ key: m[2], prefix: Boolean(m[3]), file });
  return out;
}

export function sourceFiles(dirs: string[]): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = path.join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.ts')) out.push(p);
    }
  };
  for (const d of dirs) walk(d);
  return out;
}

export const BAND_SUFFIXES = ['_8-11', '_12-15', '_16-25'];

/** Keys used in code that no locale entry answers (plain or for an age band). */
const PLURAL_SUFFIXES = ['_zero', '_one', '_two', '_few', '_many', '_other'];

export function missingKeys(used: UsedKey[], present: Set<string>): UsedKey[] {
  const all = [...present];
  return used.filter((u) => {
    if (u.prefix) return !all.some((k) => k.startsWith(u.key));
    // i18next plurals: a key used with a count is found as key_one, key_other, ...
    return !present.has(u.key) && !BAND_SUFFIXES.some((s) => present.has(u.key + s)) && !PLURAL_SUFFIXES.some((s) => present.has(u.key + s));
  });
}

/** Keys one locale has that another lacks, as "lng: key" lines. */
export function parityProblems(resources: Resources): string[] {
  const lngs = Object.keys(resources);
  const sets = Object.fromEntries(lngs.map((l) => [l, flatten(resources, l)]));
  const problems: string[] = [];
  for (const a of lngs) for (const b of lngs) if (a !== b) for (const k of sets[a]) if (!sets[b].has(k)) problems.push(`${b} lacks ${k} (in ${a})`);
  return problems;
}

export function readText(file: string): string {
  return readFileSync(file, 'utf8');
}
