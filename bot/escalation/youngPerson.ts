/** Sending to the young person's conversation proactively (handoff start/end and a worker's words). */
import type { CloudAdapter } from 'botbuilder';
import type { ConversationRef } from '../../core/escalation';

export type SendToConversation = (ref: ConversationRef, text: string) => Promise<void>;

/** Default: the adapter's proactive send to the stored reference. */
export function proactiveSender(adapter: CloudAdapter, appId: string): SendToConversation {
  return async (ref, text) => {
    await adapter.continueConversationAsync(appId, ref as any, async (ctx) => {
      await ctx.sendActivity({ type: 'message', text, textFormat: 'plain' });
    });
  };
}
