/** The needs on the "I need help" buttons, in order, and how typed words map to them. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { normalisePhrase } from '../../core/intents';
import { CONTENT_DIR } from '../../core/paths';
import type { Words } from '../../core/i18n';
import type { AgeBand } from '../../core/ageBands';
import type { Purpose } from '../../core/services';
import { AREA_IDS, AreaId } from '../../core/records/types';

export const HELP_NEEDS: Purpose[] = [
  'feelings_behaviour',
  'someone_to_talk_to',
  'self_harm',
  'suicide',
  'being_safe',
  'abuse',
  'domestic_abuse_at_home',
  'sexual_exploitation_or_grooming',
  'bullying_threats',
  'eating_disorder',
  'lgbtq',
  'bereavement',
  'young_carers',
  'education',
  'friends',
  'relationships',
  'where_you_live',
  'physical_health',
  'waiting',
];

/** The needs a page at a time (at most five buttons, plus "Something else" and "Back to menu"): the most urgent first. */
export const NEED_PAGES: Purpose[][] = [
  ['feelings_behaviour', 'being_safe', 'abuse', 'self_harm', 'suicide'],
  ['someone_to_talk_to', 'domestic_abuse_at_home', 'sexual_exploitation_or_grooming', 'bullying_threats', 'eating_disorder'],
  ['lgbtq', 'bereavement', 'young_carers', 'education', 'friends'],
  ['relationships', 'where_you_live', 'physical_health', 'waiting'],
];

export function needLabel(w: Words, need: Purpose, band?: AgeBand): string {
  return w.t(`signpost:help.needs.${need}`, { band });
}

/** Needs whose button is a disclosure: never guessed from everyday words (typed, the safety check reads them). */
const NOT_BY_WORDS: ReadonlySet<Purpose> = new Set<Purpose>(['self_harm', 'suicide', 'being_safe', 'abuse', 'domestic_abuse_at_home', 'sexual_exploitation_or_grooming']);

const HelpWordsFile = z.object({
  needs: z.record(z.string(), z.array(z.string().min(1)).min(1)).superRefine((needs, ctx) => {
    for (const need of Object.keys(needs)) {
      if (!HELP_NEEDS.includes(need as Purpose)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [need], message: 'is not a need on the help menu' });
      else if (NOT_BY_WORDS.has(need as Purpose)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [need], message: 'is a disclosure: its words belong to the safety check' });
    }
  }),
});

let words: { need: Purpose; re: RegExp }[] | undefined;

/** content/help-words.json, checked: everyday words for the topic needs, in help menu order. */
export function helpWords(file = path.join(CONTENT_DIR, 'help-words.json')): { need: Purpose; re: RegExp }[] {
  if (words && file === path.join(CONTENT_DIR, 'help-words.json')) return words;
  const parsed = HelpWordsFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: needs.${parsed.error.issues[0].path.join('.')} ${parsed.error.issues[0].message}`);
  const out = HELP_NEEDS.filter((n) => parsed.data.needs[n]).map((need) => {
    const alts = parsed.data.needs[need].map((p) => normalisePhrase(p).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).filter(Boolean);
    return { need, re: new RegExp(`(^| )(${alts.join('|')})( |$)`) };
  });
  if (file === path.join(CONTENT_DIR, 'help-words.json')) words = out;
  return out;
}

/**
 * The need a typed message names: a button label typed back (any page), its number on the page shown,
 * or everyday words for a topic ("my nan died", "exams"); the first need in menu order wins.
 */
export function needFromText(w: Words, text: string, band?: AgeBand, page = 0): Purpose | undefined {
  const n = normalisePhrase(text);
  if (!n) return undefined;
  if (/^\d{1,2}$/.test(n)) return NEED_PAGES[page]?.[Number(n) - 1];
  for (const need of HELP_NEEDS) {
    for (const b of [band, undefined]) if (normalisePhrase(needLabel(w, need, b)) === n) return need;
  }
  if (n.length > 300) return undefined; // a long message is a story, not a topic
  return helpWords().find((x) => x.re.test(n))?.need;
}

/** The My Star area a need belongs to, for self-help ideas. */
export function areaForNeed(need: Purpose): AreaId | undefined {
  if ((AREA_IDS as readonly string[]).includes(need)) return need as AreaId;
  if (need === 'bullying_threats') return 'friends';
  if (need === 'someone_to_talk_to' || need === 'waiting' || need === 'bereavement' || need === 'lgbtq') return 'feelings_behaviour';
  if (need === 'young_carers') return 'where_you_live';
  return undefined;
}
