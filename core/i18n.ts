/**
 * Words a young person reads. Every file in locales/<lng>/<namespace>.json is loaded as an i18next namespace.
 * Keys are always written with their namespace in code: t('common:welcome.hello').
 *
 * Age bands use i18next's context: 'checkin:intro_8-11' is chosen for band 8-11 and falls back to
 * 'checkin:intro' when a band has no wording of its own. A key may hold a list of variants; `pick`
 * chooses one so repeated messages do not read like a script.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import i18next, { i18n as I18n } from 'i18next';
import type { AgeBand } from './ageBands';
import { LOCALES_DIR } from './paths';

export const DEFAULT_LANGUAGE = 'en-GB';

export type Vars = Record<string, unknown> & { band?: AgeBand };

export interface Words {
  /** One string for key, for the band if there is wording for it. */
  t(key: string, vars?: Vars): string;
  /** A list stored at key (e.g. button labels), for the band. */
  list(key: string, vars?: Vars): string[];
  /** One of the variants stored at key, chosen at random (or the string itself). */
  pick(key: string, vars?: Vars): string;
  has(key: string, band?: AgeBand): boolean;
  readonly language: string;
}

export type Resources = Record<string, Record<string, Record<string, unknown>>>;

/** Reads locales/<lng>/<ns>.json into { lng: { ns: {...} } }. */
export function readLocaleFiles(dir = LOCALES_DIR): Resources {
  const out: Resources = {};
  for (const lng of readdirSync(dir)) {
    const ldir = path.join(dir, lng);
    if (!statSync(ldir).isDirectory()) continue;
    out[lng] = {};
    for (const f of readdirSync(ldir).filter((x) => x.endsWith('.json'))) {
      out[lng][f.replace(/\.json$/, '')] = JSON.parse(readFileSync(path.join(ldir, f), 'utf8'));
    }
  }
  return out;
}

export function createWords(resources: Resources = readLocaleFiles(), language = DEFAULT_LANGUAGE): Words {
  const inst: I18n = i18next.createInstance();
  const namespaces = Object.keys(resources[language] ?? {});
  inst.init({
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    resources,
    ns: namespaces,
    defaultNS: 'common',
    initAsync: false,
    returnNull: false,
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  } as any);
  const opts = (vars?: Vars) => ({ ...vars, context: vars?.band });
  // The words never change once loaded, so a lookup with nothing but the band to fill in is kept: menus and
  // cards ask for the same labels on every turn, and i18next's lookup is a measurable part of a turn.
  const plain = (vars?: Vars) => !vars || Object.keys(vars).every((k) => k === 'band');
  const tCache = new Map<string, string>();
  const listCache = new Map<string, string[]>();
  const words: Words = {
    language,
    t: (key, vars) => {
      const cacheKey = plain(vars) ? `${key}|${vars?.band ?? ''}` : undefined;
      const hit = cacheKey && tCache.get(cacheKey);
      if (hit !== undefined && hit !== '') return hit;
      const v = inst.t(key, opts(vars)) as unknown;
      const out = Array.isArray(v) ? String(v[0]) : String(v);
      if (cacheKey) tCache.set(cacheKey, out);
      return out;
    },
    list: (key, vars) => {
      const cacheKey = plain(vars) ? `${key}|${vars?.band ?? ''}` : undefined;
      const hit = cacheKey ? listCache.get(cacheKey) : undefined;
      if (hit) return [...hit];
      const v = inst.t(key, { ...opts(vars), returnObjects: true }) as unknown;
      const out = Array.isArray(v) ? v.map(String) : [String(v)];
      if (cacheKey) listCache.set(cacheKey, out);
      return [...out];
    },
    pick: (key, vars) => {
      const l = words.list(key, vars);
      return l[Math.floor(Math.random() * l.length)];
    },
    has: (key, band) => inst.exists(key, { context: band } as any),
  };
  return words;
}

let shared: Words | undefined;
/** The words for the default language, loaded once. */
export function words(): Words {
  shared ??= createWords();
  return shared;
}
