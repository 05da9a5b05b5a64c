/** The needs on the "I need help" buttons, in order, and how typed words map to them. */
import { normalisePhrase } from '../../core/intents';
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

/** The need a typed message names: a button label typed back (any page), or its number on the page shown. */
export function needFromText(w: Words, text: string, band?: AgeBand, page = 0): Purpose | undefined {
  const n = normalisePhrase(text);
  if (!n) return undefined;
  if (/^\d{1,2}$/.test(n)) return NEED_PAGES[page]?.[Number(n) - 1];
  for (const need of HELP_NEEDS) {
    for (const b of [band, undefined]) if (normalisePhrase(needLabel(w, need, b)) === n) return need;
  }
  return undefined;
}

/** The My Star area a need belongs to, for self-help ideas. */
export function areaForNeed(need: Purpose): AreaId | undefined {
  if ((AREA_IDS as readonly string[]).includes(need)) return need as AreaId;
  if (need === 'bullying_threats') return 'friends';
  if (need === 'someone_to_talk_to' || need === 'waiting' || need === 'bereavement' || need === 'lgbtq') return 'feelings_behaviour';
  if (need === 'young_carers') return 'where_you_live';
  return undefined;
}
