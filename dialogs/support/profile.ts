/** The young person's profile (age band, nickname, area), read once per turn. */
import type { TurnContext } from 'botbuilder';
import type { AgeBand } from '../../core/ageBands';
import { keys, Profile } from '../../core/records/types';
import type { Store } from '../../core/storage';
import { userUid } from '../../bot/turnState';

const CACHE = 'starling.profile';

export async function profileOf(ctx: TurnContext, store: Store): Promise<Profile | undefined> {
  if (ctx.turnState.has(CACHE)) return ctx.turnState.get(CACHE);
  const p = await store.getJson<Profile>(keys.profile(userUid(ctx)));
  ctx.turnState.set(CACHE, p);
  return p;
}

export async function bandOf(ctx: TurnContext, store: Store): Promise<AgeBand | undefined> {
  return (await profileOf(ctx, store))?.ageBand;
}

/** Call after changing the profile in a turn so later reads in the same turn see it. */
export function forgetProfileCache(ctx: TurnContext): void {
  ctx.turnState.delete(CACHE);
}
