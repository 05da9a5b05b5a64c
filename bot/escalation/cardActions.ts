/**
 * Buttons on the alert card (Acknowledge, Take over, Resolve with a note), from Teams as an
 * Action.Execute invoke ("adaptiveCard/action") or an Action.Submit message. Who may act is decided by
 * the sender's Entra ID object id (from.aadObjectId) against DUTY_WORKER_IDS, inside core; anyone else
 * gets a polite refusal and the attempt is audited there. A forged or replayed action changes nothing.
 */
import { ActivityTypes, CardFactory, TurnContext } from 'botbuilder';
import type { Config } from '../../core/config';
import {
  ActionResult,
  AlertAction,
  AlertActionData,
  AlertThread,
  buildAlertCard,
  Escalation,
  escalationKeys as K,
  parseAlertAction,
} from '../../core/escalation';
import type { Words } from '../../core/i18n';
import { hashId, Logger } from '../../core/logging';
import type { Store } from '../../core/storage';
import { clearFlagAfterResolve } from '../middleware/safety';
import type { DutyChannelService } from './dutyChannel';
import { aadObjectId, channelData, threadRootId } from './teams';
import type { SendToConversation } from './youngPerson';

export interface CardActionDeps {
  esc: Escalation;
  store: Store;
  words: Words;
  log: Logger;
  config: Config;
  duty: DutyChannelService;
  sendToYoungPerson: SendToConversation;
  now: () => Date;
}

const DONE_KEY: Record<AlertAction, string> = {
  acknowledge: 'escalation:staff.acknowledged',
  take_over: 'escalation:staff.takenOver',
  resolve: 'escalation:staff.resolved',
};
const DONE_LINE: Record<AlertAction, string> = {
  acknowledge: 'staff:card.status.acknowledge',
  take_over: 'staff:card.status.take_over',
  resolve: 'staff:card.status.resolve',
};

const hhmm = (d: Date) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);

/** The card action in this turn, if it is one of ours. */
export function alertActionOf(ctx: TurnContext): AlertActionData | undefined {
  const a = ctx.activity;
  if (a.type === ActivityTypes.Invoke && a.name === 'adaptiveCard/action') {
    const v = a.value as { action?: { verb?: string; data?: unknown } } | undefined;
    return parseAlertAction(v?.action?.data, v?.action?.verb);
  }
  if (a.type === ActivityTypes.Message && a.value) return parseAlertAction(a.value);
  return undefined;
}

/** The actor for core: the Entra object id, but only from the configured tenant when one is set. */
function actorOf(ctx: TurnContext, config: Config): { id: string } {
  const tenant = channelData(ctx).tenant?.id;
  if (config.MicrosoftAppTenantId && tenant !== config.MicrosoftAppTenantId) return { id: 'other-tenant' };
  return { id: aadObjectId(ctx) ?? 'unknown' };
}

function refusalText(words: Words, r: Extract<ActionResult, { ok: false }>, actorId: string): string {
  switch (r.reason) {
    case 'not_duty_worker':
      return words.t('escalation:staff.notDutyWorker');
    case 'unknown_alert':
      return words.t('escalation:staff.unknownAlert');
    case 'note_required':
      return words.t('escalation:staff.noteRequired');
    default:
      if (r.handoff) {
        // Whoever has the conversation: a colleague (two pressing at once, or a stale card), or this same worker
        // through an earlier alert from the same young person.
        if (r.handoff.workerId.toLowerCase() !== actorId.toLowerCase()) return words.t('escalation:staff.alreadyHandedOver');
        if (r.handoff.alertId !== r.alert?.id) return words.t('escalation:staff.alreadyYours', { alertId: r.handoff.alertId });
        return words.t('escalation:staff.alreadyDone', { state: words.t('escalation:states.taken_over') });
      }
      return words.t('escalation:staff.alreadyDone', { state: words.t(`escalation:states.${r.alert?.state ?? 'resolved'}`) });
  }
}

/** Handles a card action: performs it, answers the presser, refreshes the card, tells the young person about a handoff. */
export async function handleAlertAction(ctx: TurnContext, action: AlertActionData, deps: CardActionDeps): Promise<void> {
  const { esc, words } = deps;
  const actor = actorOf(ctx, deps.config);
  const result = await esc.act(action.action, action.alertId, actor, action.note);
  let card: object | undefined;
  let message: string;
  if (result.ok) {
    message = words.t(DONE_KEY[action.action]);
    const view = await esc.view(result.alert.id);
    const statusLine = words.t(DONE_LINE[action.action], { name: ctx.activity.from?.name ?? words.t('staff:card.status.someone'), time: hhmm(deps.now()) });
    if (view) {
      card = buildAlertCard(view, {
        statusLine,
        words,
        round: view.alert.round,
        actionType: ctx.activity.type === ActivityTypes.Invoke ? 'Action.Execute' : 'Action.Submit',
      });
    }
    await afterAction(ctx, action.action, result, deps);
    // Every other copy of the card (re-escalations) shows the same status, so nobody acts on a stale one.
    if (view) refreshOtherCards(deps, view, statusLine, ctx.activity.replyToId);
  } else {
    message = refusalText(words, result, actor.id);
  }

  if (ctx.activity.type === ActivityTypes.Invoke) {
    const body = card
      ? { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card }
      : { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: message };
    await ctx.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } });
    if (result.ok && action.action === 'take_over') await ctx.sendActivity(message);
    return;
  }
  // Action.Submit: answer in the thread, and refresh the card the button was on.
  await ctx.sendActivity(message);
  if (card && ctx.activity.replyToId) {
    try {
      await ctx.updateActivity({ id: ctx.activity.replyToId, type: ActivityTypes.Message, attachments: [CardFactory.adaptiveCard(card)] });
    } catch (err) {
      deps.log.warn({ alertId: action.alertId, err: { message: (err as Error).message } }, 'alert card could not be refreshed');
    }
  }
}

async function afterAction(ctx: TurnContext, action: AlertAction, result: Extract<ActionResult, { ok: true }>, deps: CardActionDeps) {
  const band = result.alert.ageBand;
  if (action === 'take_over' && result.handoff) {
    // The thread the worker pressed in is where the conversation is relayed.
    const root = threadRootId(ctx.activity.conversation?.id);
    if (root) {
      const ref = TurnContext.getConversationReference(ctx.activity) as AlertThread['threadRef'];
      delete (ref as Record<string, unknown>).activityId;
      const thread: AlertThread = { round: result.alert.round, activityId: root, threadRef: ref, at: deps.now().toISOString() };
      await deps.store.listPush(K.alertThreads(result.alert.id), thread);
      await deps.store.setJson(K.threadAlert(hashId(ref.conversation!.id)), result.alert.id);
    }
    // Not awaited: Teams wants the card's answer within seconds, and a young person's conversation that cannot
    // be reached can take longer than that to fail. If they cannot be told, the worker is, in the thread.
    tellInBackground(deps, result.handoff.conversationRef, deps.words.t('escalation:handoff.started', { band }), result.alert.id, 'escalation:staff.startNotDelivered');
  }
  if (action === 'resolve') {
    try {
      const a = result.alert;
      const stillOpen = (await deps.esc.openAlertsIn(a.uid, a.conversationKey)).length;
      const workerId = a.history.at(-1)?.by ?? 'duty-worker';
      if (await clearFlagAfterResolve(deps.store, { convKey: a.conversationKey, workerId, stillOpen, now: deps.now() })) {
        deps.log.info({ alertId: a.id }, 'safety flag cleared by the resolving duty worker');
      }
    } catch (err) {
      // the flag staying up is the safe side: log and carry on
      deps.log.warn({ alertId: result.alert.id, err: { message: (err as Error).message } }, 'safety flag could not be cleared');
    }
  }
  if (action === 'resolve' && result.handoff?.endedAt) {
    // Not awaited, as for Take over: the card answers at once; the worker hears if the young person was not told.
    tellInBackground(deps, result.handoff.conversationRef, deps.words.t('escalation:handoff.ended', { band }), result.alert.id, 'escalation:staff.endNotDelivered');
  }
}

/** Tells the young person without holding up the turn; if they cannot be reached, says so in the alert's thread. */
function tellInBackground(deps: CardActionDeps, ref: Parameters<SendToConversation>[0], text: string, alertId: string, notToldKey: string): void {
  void tellYoungPerson(deps, ref, text, alertId).then(async (told) => {
    if (told) return;
    try {
      await deps.duty.postInAlertThread(alertId, deps.words.t(notToldKey));
    } catch (err) {
      deps.log.error({ alertId, err: { message: (err as Error).message } }, 'handoff: could not tell the worker that the young person was not reached');
    }
  });
}

/** Refreshes the alert's other cards in the background (the pressed card's answer must not wait for them). */
export function refreshOtherCards(
  deps: Pick<CardActionDeps, 'duty' | 'log' | 'words'>,
  view: Parameters<typeof buildAlertCard>[0],
  statusLine: string,
  except?: string,
): void {
  const card = buildAlertCard(view, { statusLine, words: deps.words, round: view.alert.round, actionType: 'Action.Execute' });
  void deps.duty.refreshCards(view.alert.id, card, except).then(
    (r) => r.failed && deps.log.warn({ alertId: view.alert.id, failed: r.failed }, 'some copies of the alert card could not be refreshed'),
    (err) => deps.log.warn({ alertId: view.alert.id, err: { message: (err as Error).message } }, 'alert cards could not be refreshed'),
  );
}

export { hhmm };

export async function tellYoungPerson(
  deps: Pick<CardActionDeps, 'sendToYoungPerson' | 'log'>,
  ref: Parameters<SendToConversation>[0],
  text: string,
  alertId: string,
): Promise<boolean> {
  try {
    await deps.sendToYoungPerson(ref, text);
    return true;
  } catch (err) {
    deps.log.error({ alertId, err: { message: (err as Error).message } }, 'could not send to the young person');
    return false;
  }
}
