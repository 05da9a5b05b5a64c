/** Names and labels for areas and steps in the young person's age band. */
import type { AgeBand } from '../ageBands';
import type { Words } from '../i18n';
import type { AreaId, Step } from '../records/types';
import { areaInfo, stepInfo } from './content';

export function areaName(words: Words, area: AreaId, band?: AgeBand): string {
  return words.t(areaInfo(area).name, { band });
}

export function areaQuestion(words: Words, area: AreaId, band?: AgeBand): string {
  return words.t(areaInfo(area).question, { band });
}

/** The short label for a step in an area, e.g. "A bit hard". */
export function stepLabel(words: Words, step: Step, band?: AgeBand, area?: AreaId): string {
  const key = area ? areaInfo(area).stepLabels[step - 1] : stepInfo(step).label;
  return words.t(key, { band });
}

export function colourName(words: Words, step: Step, band?: AgeBand): string {
  return words.t(`mystar:colours.${stepInfo(step).colour}`, { band });
}

/** "one and two", "a, b and c" in the band's words. */
export function joinAnd(words: Words, items: string[], band?: AgeBand): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${words.t('mystar:goals.and', { band })} ${items[items.length - 1]}`;
}
