/**
 * The duty team's Teams channel: where alert cards go, and where each card's thread carries a handoff.
 *
 * It is remembered when Starling is installed in a team by a duty worker (installationUpdate, or the
 * conversationUpdate that adds the bot to a team), or when a duty worker @mentions Starling with
 * "alerts here" in a channel. Someone not on DUTY_WORKER_IDS installing Starling elsewhere never moves it.
 */
import { CardFactory, CloudAdapter, TurnContext } from 'botbuilder';
import { AlertThread, ConversationRef, DutyCardInfo, DutyChannel, escalationKeys as K } from '../../core/escalation';
import { hashId } from '../../core/logging';
import type { Store } from '../../core/storage';
import type { Words } from '../../core/i18n';
import { channelData, channelRef, threadRef } from './teams';
import { continueOrThrow, sendOrThrow } from './youngPerson';

export class NoDutyChannelError extends Error {
  constructor() {
    super('no duty channel yet: install Starling in the duty team, or have a duty worker type "@Starling alerts here" in the channel');
    this.name = 'NoDutyChannelError';
  }
}

export interface DutyChannelService {
  get(): Promise<DutyChannel | undefined>;
  /** Remembers the channel this turn is in. */
  setFromTurn(ctx: TurnContext, setBy: string, at: string): Promise<DutyChannel>;
  /** Posts an alert card as a new message in the channel and remembers its thread. */
  sendCard(card: object, info: DutyCardInfo): Promise<void>;
  /** Posts text in the thread of the alert's latest card (or in the channel if there is none). */
  postInAlertThread(alertId: string, text: string): Promise<void>;
  /** The alert whose card started this thread, if any. */
  alertForThread(conversationId: string): Promise<string | undefined>;
  /**
   * Replaces every card posted for the alert (the first one and each re-escalation) with this one, except the
   * card with id `except` (already refreshed by the action's own answer). Failures are reported, never thrown.
   */
  refreshCards(alertId: string, card: object, except?: string): Promise<{ updated: number; failed: number }>;
}

/** The line Teams shows in its notification for a card, e.g. "Crisis alert". */
const summaryOf = (words: Words, level: string) =>
  level === 'crisis' || level === 'safeguarding' ? words.t(`staff:card.summary.${level}`) : words.t('staff:card.summary.other');

export function createDutyChannel(deps: { adapter: CloudAdapter; store: Store; appId: string; now: () => Date; words: Words }): DutyChannelService {
  const { adapter, store, appId, words } = deps;

  const get = () => store.getJson<DutyChannel>(K.dutyChannel());

  // A card Teams did not accept must fail the delivery (so it is retried, and nobody is told a person knows).
  const send = (ref: ConversationRef, activity: Record<string, unknown>) => sendOrThrow(adapter, appId, ref, activity);

  return {
    get,
    async setFromTurn(ctx, setBy, at) {
      const cd = channelData(ctx);
      const dc: DutyChannel = {
        ref: channelRef(TurnContext.getConversationReference(ctx.activity)),
        teamId: cd.team?.id,
        tenantId: cd.tenant?.id,
        setBy,
        setAt: at,
      };
      await store.setJson(K.dutyChannel(), dc);
      return dc;
    },
    async sendCard(card, info) {
      const dc = await get();
      if (!dc) throw new NoDutyChannelError();
      const id = await send(dc.ref, {
        type: 'message',
        summary: summaryOf(words, info.level),
        attachments: [CardFactory.adaptiveCard(card)],
      });
      if (!id) return;
      const thread: AlertThread = { round: info.round, activityId: id, threadRef: threadRef(dc.ref, id), at: deps.now().toISOString() };
      await store.listPush(K.alertThreads(info.alertId), thread);
      await store.setJson(K.threadAlert(hashId(thread.threadRef.conversation!.id)), info.alertId);
    },
    async postInAlertThread(alertId, text) {
      const threads = await store.listRange<AlertThread>(K.alertThreads(alertId));
      const latest = threads[threads.length - 1];
      const ref = latest?.threadRef ?? (await get())?.ref;
      if (!ref) throw new NoDutyChannelError();
      await send(ref, { type: 'message', text, textFormat: 'plain' });
    },
    async refreshCards(alertId, card, except) {
      const dc = await get();
      if (!dc) return { updated: 0, failed: 0 };
      const ids = new Set((await store.listRange<AlertThread>(K.alertThreads(alertId))).map((t) => t.activityId));
      if (except) ids.delete(except);
      let updated = 0;
      let failed = 0;
      for (const id of ids) {
        try {
          await continueOrThrow(adapter, appId, channelRef(dc.ref), (ctx) =>
            ctx.updateActivity({ id, type: 'message', attachments: [CardFactory.adaptiveCard(card)] }),
          );
          updated++;
        } catch {
          failed++;
        }
      }
      return { updated, failed };
    },
    async alertForThread(conversationId) {
      return store.getJson<string>(K.threadAlert(hashId(conversationId)));
    },
  };
}
