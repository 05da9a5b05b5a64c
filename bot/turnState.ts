/** Values the middleware puts on each turn for the dialogs to read. */
import type { TurnContext } from 'botbuilder';
import type { Logger } from '../core/logging';
import type { TurnInput } from '../core/input';
import { hashId } from '../core/logging';

const K = {
  turnId: 'starling.turnId',
  log: 'starling.log',
  input: 'starling.input',
  uid: 'starling.uid',
  safety: 'starling.safety',
  convKey: 'starling.convKey',
  handoff: 'starling.handoffRead',
} as const;

export const turnKeys = K;

/**
 * The conversation's take-over record as the safety check read it with the turn's other reads (one MGET on Redis),
 * so the relay need not read it again: `{ value }` (null when nobody has taken over), or undefined when it was not
 * read this turn (the caller then reads it itself).
 */
export function handoffReadAhead<T>(ctx: TurnContext): { value: T | null } | undefined {
  return ctx.turnState.get(K.handoff) as { value: T | null } | undefined;
}

export function turnLog(ctx: TurnContext, fallback: Logger): Logger {
  return (ctx.turnState.get(K.log) as Logger | undefined) ?? fallback;
}

export function turnInput(ctx: TurnContext): TurnInput {
  return ctx.turnState.get(K.input) as TurnInput;
}

/** The young person's pseudonymous id: an HMAC of channel and user id (Teams: the Entra object id when present). */
export function userUid(ctx: TurnContext): string {
  const cached = ctx.turnState.get(K.uid) as string | undefined;
  if (cached) return cached;
  const a = ctx.activity;
  const who = (a.from as { aadObjectId?: string } | undefined)?.aadObjectId ?? a.from?.id ?? 'unknown';
  const uid = hashId(`${a.channelId}:${who}`);
  ctx.turnState.set(K.uid, uid);
  return uid;
}

/** A stable key for the conversation, hashed (safe for logs and Store keys). */
export function conversationKey(ctx: TurnContext): string {
  // Several steps of a turn ask for it (safety check, handoff relay, ...): one HMAC per turn is enough.
  const cached = ctx.turnState.get(K.convKey) as string | undefined;
  if (cached) return cached;
  const key = hashId(`${ctx.activity.channelId}:${ctx.activity.conversation?.id ?? 'none'}`);
  ctx.turnState.set(K.convKey, key);
  return key;
}
