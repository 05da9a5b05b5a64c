/**
 * Everything that arrives from a Teams team channel (staff space): installing Starling, "alerts here",
 * card actions sent as messages, and a duty worker's replies in a handoff thread. None of it reaches the
 * young people's dialogs.
 */
import { ActivityTypes, TurnContext } from 'botbuilder';
import type { Config } from '../../core/config';
import { appendAudit } from '../../core/escalation/audit';
import type { Escalation, Handoff } from '../../core/escalation';
import type { Words } from '../../core/i18n';
import type { Logger } from '../../core/logging';
import type { Store } from '../../core/storage';
import { alertActionOf, CardActionDeps, handleAlertAction, hhmm, refreshOtherCards, tellYoungPerson } from './cardActions';
import type { DutyChannelService } from './dutyChannel';
import { aadObjectId, baseConversationId, channelData, textWithoutMention } from './teams';

export interface StaffDeps extends CardActionDeps {
  esc: Escalation;
  store: Store;
  words: Words;
  log: Logger;
  config: Config;
  duty: DutyChannelService;
}

const ALERTS_HERE = /^alerts?\s+here[.!]?$/i;
/** "end", "end handoff", "End hand off.", "end the handover", "end take-over": never relayed to the young person. */
const END_HANDOFF = /^end(\s+(the\s+)?(hand\s*-?\s*(off|over)|take\s*-?\s*over|chat|conversation))?\s*[.!]*$/i;

function tenantOk(ctx: TurnContext, config: Config): boolean {
  return !config.MicrosoftAppTenantId || channelData(ctx).tenant?.id === config.MicrosoftAppTenantId;
}

/** A duty worker (right tenant, on the list). */
function dutyActor(ctx: TurnContext, deps: StaffDeps): string | undefined {
  const id = aadObjectId(ctx);
  return id && tenantOk(ctx, deps.config) && deps.esc.isDutyWorker(id) ? id : undefined;
}

/** installationUpdate / conversationUpdate that adds Starling to a team. */
export async function onInstall(ctx: TurnContext, deps: StaffDeps): Promise<void> {
  const a = ctx.activity;
  if (a.type === ActivityTypes.InstallationUpdate && /^remove/.test(String(a.action ?? ''))) {
    const current = await deps.duty.get();
    if (current && baseConversationId(current.ref.conversation?.id) === baseConversationId(a.conversation?.id)) {
      // Cards can no longer be posted there: Teams deliveries will fail and keep retrying until a new channel is set.
      deps.log.error({ component: 'escalation' }, 'Starling was removed from the duty team: alerts cannot reach Teams until a duty worker sets a channel again');
      await appendAudit(deps.store, { at: deps.now().toISOString(), event: 'duty.channel_removed', actor: aadObjectId(ctx) ?? 'unknown', outcome: 'ok' });
    }
    return;
  }
  const added =
    (a.type === ActivityTypes.InstallationUpdate && /^add/.test(String(a.action ?? ''))) ||
    (a.type === ActivityTypes.ConversationUpdate && (a.membersAdded ?? []).some((m) => m.id === a.recipient?.id));
  if (!added) return;
  const who = dutyActor(ctx, deps);
  const current = await deps.duty.get();
  const same = current && baseConversationId(current.ref.conversation?.id) === baseConversationId(a.conversation?.id);
  if (same) return;
  if (!who) {
    // Installed by someone not on the duty list: never moves alerts; say how to set the channel (once, on installationUpdate).
    if (a.type === ActivityTypes.InstallationUpdate) await ctx.sendActivity(deps.words.t('escalation:staff.installAskDuty'));
    return;
  }
  await setChannel(ctx, who, deps);
}

async function setChannel(ctx: TurnContext, who: string, deps: StaffDeps): Promise<void> {
  const at = deps.now().toISOString();
  await deps.duty.setFromTurn(ctx, who, at);
  await appendAudit(deps.store, { at, event: 'duty.channel_set', actor: who, outcome: 'ok' });
  deps.log.info({ component: 'escalation' }, 'duty channel set');
  await ctx.sendActivity(deps.words.t('escalation:staff.channelSet'));
}

/** The handoff this thread carries, if any. */
async function handoffForThread(ctx: TurnContext, deps: StaffDeps): Promise<Handoff | undefined> {
  const alertId = await deps.duty.alertForThread(ctx.activity.conversation?.id ?? '');
  if (!alertId) return undefined;
  const alert = await deps.esc.get(alertId);
  if (!alert) return undefined;
  const h = await deps.esc.activeHandoff(alert.conversationKey);
  return h && h.alertId === alertId ? h : undefined;
}

/** A message in a team channel. */
export async function onStaffMessage(ctx: TurnContext, deps: StaffDeps): Promise<void> {
  const action = alertActionOf(ctx);
  if (action) return handleAlertAction(ctx, action, deps);
  const text = textWithoutMention(ctx);
  if (!text) return;

  if (ALERTS_HERE.test(text)) {
    const who = dutyActor(ctx, deps);
    if (who) return setChannel(ctx, who, deps);
    await appendAudit(deps.store, { at: deps.now().toISOString(), event: 'duty.channel_set', actor: aadObjectId(ctx) ?? 'unknown', outcome: 'not_duty_worker' });
    await ctx.sendActivity(deps.words.t('escalation:staff.notDutyWorker'));
    return;
  }

  const h = await handoffForThread(ctx, deps);
  const who = dutyActor(ctx, deps);
  const refused = (alertId: string | undefined, outcome: 'not_duty_worker' | 'invalid_state') =>
    appendAudit(
      deps.store,
      { at: deps.now().toISOString(), event: 'handoff.relay_to_young_person', alertId, actor: aadObjectId(ctx)?.slice(0, 64) ?? 'unknown', outcome },
      !!alertId,
    );
  if (!h) return notInAHandoff(ctx, deps, who, refused);
  if (!who || who.toLowerCase() !== h.workerId.toLowerCase()) {
    await refused(h.alertId, who ? 'invalid_state' : 'not_duty_worker');
    await ctx.sendActivity(deps.words.t('escalation:staff.notYourHandoff'));
    return;
  }
  const alert = await deps.esc.get(h.alertId);
  const band = alert?.ageBand;
  if (END_HANDOFF.test(text)) {
    const r = await deps.esc.endHandoff(h.conversationKey, { id: who });
    if (r.ok) {
      const told = await tellYoungPerson(deps, h.conversationRef, deps.words.t('escalation:handoff.ended', { band }), h.alertId);
      await ctx.sendActivity(deps.words.t(told ? 'escalation:staff.handoffEnded' : 'escalation:staff.handoffEndedNotTold'));
      const view = await deps.esc.view(h.alertId);
      const name = ctx.activity.from?.name ?? deps.words.t('staff:card.status.someone');
      if (view) refreshOtherCards(deps, view, deps.words.t('staff:card.status.handedBack', { name, time: hhmm(deps.now()) }));
    }
    return;
  }
  // Marked as the person's, so the young person can tell them from the chatbot (whose safety net may also speak).
  const label = deps.words.t('escalation:handoff.workerLabel', { band });
  const sent = await tellYoungPerson(deps, h.conversationRef, `${label} ${text}`, h.alertId);
  if (!sent) {
    await appendAudit(
      deps.store,
      { at: deps.now().toISOString(), event: 'handoff.relay_to_young_person', alertId: h.alertId, actor: who, outcome: 'not_delivered' },
      true,
    );
    await ctx.sendActivity(deps.words.t('escalation:staff.relayFailed'));
    return;
  }
  await appendAudit(
    deps.store,
    { at: deps.now().toISOString(), event: 'handoff.relay_to_young_person', alertId: h.alertId, actor: who, outcome: 'ok' },
    true,
  );
}

/**
 * A message to Starling that is not in the thread of a conversation someone has taken over. Said plainly, so a
 * worker never believes a young person got words that went nowhere: in an alert's thread with no take-over, or
 * anywhere else from a worker who has a take-over going (the channel itself, another alert's thread).
 * Anything else (staff talking among themselves) gets no answer.
 */
async function notInAHandoff(
  ctx: TurnContext,
  deps: StaffDeps,
  who: string | undefined,
  refused: (alertId: string | undefined, outcome: 'not_duty_worker' | 'invalid_state') => Promise<void>,
): Promise<void> {
  const threadAlert = await deps.duty.alertForThread(ctx.activity.conversation?.id ?? '');
  const mine = who ? await deps.esc.activeHandoffs(who) : [];
  const elsewhere = mine.length ? deps.words.t('escalation:staff.replyInThread', { alertIds: mine.map((m) => m.alertId).join(', ') }) : '';
  if (threadAlert) {
    await refused(threadAlert, who ? 'invalid_state' : 'not_duty_worker');
    // A worker with a take-over going has most likely written in the wrong thread: say where theirs is.
    await ctx.sendActivity([deps.words.t('escalation:staff.noHandoffHere'), elsewhere].filter(Boolean).join(' '));
    return;
  }
  if (!elsewhere) return;
  await refused(undefined, 'invalid_state');
  await ctx.sendActivity(elsewhere);
}
