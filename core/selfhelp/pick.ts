/** Choosing self-help activities by My Star area and age band, preferring what helped this young person before. */
import type { AgeBand } from '../ageBands';
import type { AreaId } from '../records/types';
import type { Store } from '../storage';
import { Activity, activities as allActivities } from './content';
import { feedbackFor, scores } from './feedback';

export interface PickOptions {
  band: AgeBand;
  /** a My Star area; without it, any area */
  area?: AreaId;
  /** how many to offer (default 3) */
  limit?: number;
  /** activities to leave out (e.g. the one just tried) */
  exclude?: string[];
  /** the activity list (default content/selfhelp.json) */
  list?: Activity[];
}

/** Activities for the band and area. Ones that helped come first, ones that did not help go last; otherwise content order. */
export function rankActivities(list: Activity[], opts: PickOptions, score: Map<string, number>): Activity[] {
  const fit = list.filter(
    (a) => a.bands.includes(opts.band) && (!opts.area || a.areas.includes(opts.area)) && !(opts.exclude ?? []).includes(a.id),
  );
  // Safety activities are offered on their own route (crisis / "I want to hurt myself"), not in a general list.
  const general = fit.filter((a) => !a.safety?.length);
  return general
    .map((a, i) => ({ a, i, s: score.get(a.id) ?? 0 }))
    .sort((x, y) => y.s - x.s || x.i - y.i)
    .map((x) => x.a);
}

export async function pickActivities(store: Store, uid: string, opts: PickOptions): Promise<Activity[]> {
  const list = opts.list ?? allActivities();
  const score = scores(await feedbackFor(store, uid));
  return rankActivities(list, opts, score).slice(0, opts.limit ?? 3);
}

/** Of these activities, the ones this young person has said helped (on balance, the latest answer counting double). */
export async function helpedBefore(store: Store, uid: string, ids: string[]): Promise<string[]> {
  const score = scores(await feedbackFor(store, uid));
  return ids.filter((id) => (score.get(id) ?? 0) > 0);
}

export function activityById(id: string, list = allActivities()): Activity | undefined {
  return list.find((a) => a.id === id);
}
