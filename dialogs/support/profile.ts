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

/**
 * The profile together with other documents the caller needs this turn, in one read (one MGET on Redis
 * instead of a round trip each); the profile is kept for the turn as profileOf keeps it.
 */
export async function profileWith(ctx: TurnContext, store: Store, others: string[]): Promise<{ profile: Profile | undefined; docs: unknown[] }> {
  if (ctx.turnState.has(CACHE)) return { profile: ctx.turnState.get(CACHE), docs: await store.getJsonMany(others) };
  const [p, ...docs] = await store.getJsonMany([keys.profile(userUid(ctx)), ...others]);
  ctx.turnState.set(CACHE, p);
  return { profile: p as Profile | undefined, docs };
}

export async function bandOf(ctx: TurnContext, store: Store): Promise<AgeBand | undefined> {
  return (await profileOf(ctx, store))?.ageBand;
}

/** Call after changing the profile in a turn so later reads in the same turn see it. */
export function forgetProfileCache(ctx: TurnContext): void {
  ctx.turnState.delete(CACHE);
}
