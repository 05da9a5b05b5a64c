/** Sending to the young person's conversation proactively (handoff start/end and a worker's words). */
import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { ConversationRef } from '../../core/escalation';

export type SendToConversation = (ref: ConversationRef, text: string) => Promise<void>;

/** Default: the adapter's proactive send to the stored reference. */
export function proactiveSender(adapter: CloudAdapter, appId: string): SendToConversation {
  return async (ref, text) => {
    await sendOrThrow(adapter, appId, ref, { type: 'message', text, textFormat: 'plain' });
  };
}

/**
 * Sends one activity proactively and throws if it was not accepted. The adapter's onTurnError would otherwise
 * swallow the failure (it catches whatever the callback throws), and a message that never arrived would look sent.
 * Returns the new activity's id.
 */
export async function sendOrThrow(adapter: CloudAdapter, appId: string, ref: ConversationRef, activity: Record<string, unknown>): Promise<string | undefined> {
  return continueOrThrow(adapter, appId, ref, async (ctx) => (await ctx.sendActivity(activity))?.id);
}

/** A proactive turn whose failure reaches the caller (the adapter's onTurnError would otherwise swallow it). */
export async function continueOrThrow<T>(adapter: CloudAdapter, appId: string, ref: ConversationRef, fn: (ctx: TurnContext) => Promise<T>): Promise<T> {
  let result: T | undefined;
  let failure: unknown;
  let failed = false;
  await adapter.continueConversationAsync(appId, ref as any, async (ctx) => {
    try {
      result = await fn(ctx);
    } catch (err) {
      failure = err;
      failed = true;
    }
  });
  if (failed) throw failure instanceof Error ? failure : new Error(String(failure));
  return result as T;
}
