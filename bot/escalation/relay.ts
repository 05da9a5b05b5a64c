/**
 * The young person's side of a handoff: while a duty worker has taken over their conversation, what
 * they write goes to the worker (in the alert card's thread in the duty channel) and Starling's dialogs
 * stay quiet. The safety middleware still runs first on every message.
 *
 * Two things they may ask Starling itself are answered too, so they are not left waiting on a worker who may
 * not know what to do with them: "stop" (they are told they can close the chat at any time) and "my data" /
 * "delete my data" (they are told they can see or delete it once the person has finished; nothing is shown
 * or deleted mid-conversation). Both still reach the worker, with a line saying what Starling told them.
 */
import type { TurnContext } from 'botbuilder';
import type { Escalation } from '../../core/escalation';
import type { Words } from '../../core/i18n';
import type { IntentMatcher } from '../../core/intents';
import type { Logger } from '../../core/logging';
import { conversationKey, handoffReadAhead, turnInput } from '../turnState';
import type { Handoff } from '../../core/escalation/types';
import type { DutyChannelService } from './dutyChannel';

export interface RelayDeps {
  esc: Escalation;
  duty: DutyChannelService;
  words: Words;
  log: Logger;
  /** recognises "stop" and "my data" typed as the whole message (content/intents.json) */
  intents: IntentMatcher;
}

/** What Starling answers itself during a take-over: the young person's words, and the line the worker sees. */
const ANSWERED: Record<string, { youngPerson: string; worker: string }> = {
  stop: { youngPerson: 'escalation:handoff.stop', worker: 'escalation:staff.toldStop' },
  mydata: { youngPerson: 'escalation:handoff.myData', worker: 'escalation:staff.toldMyData' },
};

const MAX_RELAY_CHARS = 4000;

/** Relays the message if the conversation is handed over. Returns true when it did (the turn is done). */
export async function relayFromYoungPerson(ctx: TurnContext, deps: RelayDeps): Promise<boolean> {
  // read with the safety check's first reads when it could (no round trip of its own on an ordinary turn)
  const pre = handoffReadAhead<Handoff>(ctx);
  const h = pre ? pre.value : await deps.esc.activeHandoff(conversationKey(ctx));
  if (!h) return false;
  const input = turnInput(ctx);
  // Typed words go to the worker; so do words typed into a card. A bare navigation button ("menu",
  // "carry on") is not something they wrote: it still works as usual.
  const typed = (input?.text ?? ctx.activity.text ?? '').trim();
  const inCard = input?.value && input.value.kind !== 'nav' ? input.freeText.trim() : '';
  // ...except the buttons for what Starling answers itself: "stop" pressed is "stop" said (the dialogs behind the
  // take-over must not end the chat on their own while a person is talking with them)
  const navIntent = input?.value?.kind === 'nav' ? String(input.value.intent ?? '') : '';
  const pressed = !typed && !inCard && ANSWERED[navIntent] ? navIntent : undefined;
  const text = typed || inCard || (pressed ? deps.words.t('escalation:staff.pressedButton', { button: pressed === 'mydata' ? 'my data' : pressed }) : '');
  if (!text) return false;
  const alert = await deps.esc.get(h.alertId);
  const band = alert?.ageBand;
  const w = deps.words;
  const prefix = w.t('escalation:staff.relayPrefix', { ageBand: band ?? w.t('escalation:staff.ageNotKnown') });
  const asked = pressed ? ANSWERED[pressed] : typed ? ANSWERED[deps.intents.matchExact(typed) ?? ''] : undefined;
  const forWorker = `${prefix} ${text.slice(0, MAX_RELAY_CHARS)}` + (asked ? `\n\n${w.t(asked.worker)}` : '');
  let passedOn = true;
  try {
    await deps.duty.postInAlertThread(h.alertId, forWorker);
  } catch (err) {
    passedOn = false;
    deps.log.error({ alertId: h.alertId, err: { message: (err as Error).message } }, 'handoff: could not pass a message to the duty worker');
  }
  if (asked) {
    const first = passedOn ? w.t('escalation:handoff.passedOn', { band }) : w.t('escalation:handoff.relayFailed', { band });
    await ctx.sendActivity(`${first}\n\n${w.t(asked.youngPerson, { band })}`);
  } else if (!passedOn) {
    await ctx.sendActivity(w.t('escalation:handoff.relayFailed', { band }));
  }
  return true;
}
