/**
 * The young person's side of a handoff: while a duty worker has taken over their conversation, what
 * they write goes to the worker (in the alert card's thread in the duty channel) and Starling's dialogs
 * stay quiet. The safety middleware still runs first on every message.
 */
import type { TurnContext } from 'botbuilder';
import type { Escalation } from '../../core/escalation';
import type { Words } from '../../core/i18n';
import type { Logger } from '../../core/logging';
import { conversationKey, turnInput } from '../turnState';
import type { DutyChannelService } from './dutyChannel';

export interface RelayDeps {
  esc: Escalation;
  duty: DutyChannelService;
  words: Words;
  log: Logger;
}

const MAX_RELAY_CHARS = 4000;

/** Relays the message if the conversation is handed over. Returns true when it did (the turn is done). */
export async function relayFromYoungPerson(ctx: TurnContext, deps: RelayDeps): Promise<boolean> {
  const h = await deps.esc.activeHandoff(conversationKey(ctx));
  if (!h) return false;
  const input = turnInput(ctx);
  // Typed words go to the worker; so do words typed into a card. A bare navigation button ("menu",
  // "carry on") is not something they wrote: it still works as usual.
  const typed = (input?.text ?? ctx.activity.text ?? '').trim();
  const inCard = input?.value && input.value.kind !== 'nav' ? input.freeText.trim() : '';
  const text = typed || inCard;
  if (!text) return false;
  const alert = await deps.esc.get(h.alertId);
  const prefix = deps.words.t('escalation:staff.relayPrefix', { ageBand: alert?.ageBand ?? deps.words.t('escalation:staff.ageNotKnown') });
  try {
    await deps.duty.postInAlertThread(h.alertId, `${prefix} ${text.slice(0, MAX_RELAY_CHARS)}`);
  } catch (err) {
    deps.log.error({ alertId: h.alertId, err: { message: (err as Error).message } }, 'handoff: could not pass a message to the duty worker');
    await ctx.sendActivity(deps.words.t('escalation:handoff.relayFailed', { band: alert?.ageBand }));
  }
  return true;
}
