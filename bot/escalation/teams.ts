/** Small Teams helpers for escalation: who is acting, which channel and thread a message is in. */
import type { ConversationReference, TurnContext } from 'botbuilder';
import type { ConversationRef } from '../../core/escalation';

interface TeamsChannelData {
  team?: { id?: string };
  channel?: { id?: string };
  tenant?: { id?: string };
  eventType?: string;
}

export const channelData = (ctx: TurnContext): TeamsChannelData => (ctx.activity.channelData ?? {}) as TeamsChannelData;

/** The Entra ID object id of whoever sent the activity (Teams only). */
export const aadObjectId = (ctx: TurnContext): string | undefined =>
  (ctx.activity.from as { aadObjectId?: string } | undefined)?.aadObjectId;

/** A message or event from a channel of a Teams team (staff space; young people use Starling 1:1). */
export function isTeamChannel(ctx: TurnContext): boolean {
  if (ctx.activity.channelId !== 'msteams') return false;
  const conv = ctx.activity.conversation as { conversationType?: string } | undefined;
  return conv?.conversationType === 'channel' || !!channelData(ctx).team?.id;
}

/** "19:abc@thread.tacv2;messageid=123" -> "19:abc@thread.tacv2" */
export const baseConversationId = (id: string | undefined): string => (id ?? '').split(';')[0];

/** The thread id inside a channel conversation id, if any. */
export const threadRootId = (id: string | undefined): string | undefined => /;messageid=(\d+|[\w-]+)/.exec(id ?? '')?.[1];

/** A reference for posting a new message in the channel itself (not inside a thread). */
export function channelRef(ref: Partial<ConversationReference> | ConversationRef): ConversationRef {
  const r = structuredClone(ref) as ConversationRef;
  if (r.conversation) r.conversation = { ...r.conversation, id: baseConversationId(r.conversation.id) };
  delete (r as Record<string, unknown>).activityId;
  return r;
}

/** A reference for replying inside the thread started by activityId. */
export function threadRef(ref: ConversationRef, activityId: string): ConversationRef {
  const r = channelRef(ref);
  r.conversation = { ...r.conversation!, id: `${baseConversationId(r.conversation!.id)};messageid=${activityId}` };
  return r;
}

/** The text of a message with the @mention of the bot taken out. */
export function textWithoutMention(ctx: TurnContext): string {
  const a = ctx.activity;
  let text = a.text ?? '';
  for (const e of a.entities ?? []) {
    const m = e as { type?: string; mentioned?: { id?: string }; text?: string };
    if (m.type === 'mention' && m.mentioned?.id === a.recipient?.id && m.text) text = text.split(m.text).join('');
  }
  // Teams often puts a non-breaking space (as "&nbsp;" or U+00A0) after the mention.
  return text
    .replace(/<at>[^<]*<\/at>/g, '')
    .replace(/&nbsp;|\u00a0/gi, ' ')
    .trim();
}
