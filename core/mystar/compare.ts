/** What moved between two check-ins, per area, and the plain words for it. */
import type { AgeBand } from '../ageBands';
import type { Words } from '../i18n';
import { AREA_IDS, AreaId, CheckInRecord, Step } from '../records/types';
import { areaName } from './labels';

export type Movement = 'up' | 'down' | 'same' | 'new' | 'skipped';

export interface AreaChange {
  area: AreaId;
  from: Step | null;
  to: Step | null;
  /** to - from when both are steps, else 0 */
  by: number;
  movement: Movement;
}

export interface Comparison {
  areas: AreaChange[];
  up: AreaChange[];
  down: AreaChange[];
  same: AreaChange[];
  hasPrevious: boolean;
}

const stepOf = (r: CheckInRecord | undefined, a: AreaId): Step | null => r?.answers[a]?.step ?? null;

/** Area by area: up, down, same; 'new' when there was no step last time, 'skipped' when none now. */
export function compare(prev: CheckInRecord | undefined, cur: CheckInRecord): Comparison {
  const areas = AREA_IDS.map((area): AreaChange => {
    const from = stepOf(prev, area);
    const to = stepOf(cur, area);
    if (to === null) return { area, from, to, by: 0, movement: 'skipped' };
    if (from === null) return { area, from, to, by: 0, movement: 'new' };
    const by = to - from;
    return { area, from, to, by, movement: by > 0 ? 'up' : by < 0 ? 'down' : 'same' };
  });
  return {
    areas,
    up: areas.filter((a) => a.movement === 'up'),
    down: areas.filter((a) => a.movement === 'down'),
    same: areas.filter((a) => a.movement === 'same'),
    hasPrevious: !!prev,
  };
}

/** Plain sentences for the young person: what went up, what went down, or that it is a first star. */
export function describeChanges(cmp: Comparison, words: Words, band?: AgeBand): string[] {
  if (!cmp.hasPrevious) return [words.t('mystar:summary.firstTime', { band })];
  const line = (key: string, c: AreaChange) =>
    words.t(key, { band, area: areaName(words, c.area, band), from: c.from, to: c.to });
  const out = [...cmp.up.map((c) => line('mystar:summary.up', c)), ...cmp.down.map((c) => line('mystar:summary.down', c))];
  if (!out.length) return [words.t('mystar:summary.allSame', { band })];
  if (cmp.same.length) out.push(words.t('mystar:summary.noChange', { band }));
  return out;
}
