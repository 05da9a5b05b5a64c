/**
 * The AlertRaiser the safety middleware calls (bot/middleware/safety.ts): raises the alert through core,
 * waits a short, bounded time for the first delivery, and reports only what is true:
 * delivered_on_duty / delivered_off_duty (with when) / trying / no_route.
 *
 * If the alert cannot even be recorded (storage down), it keeps trying in the background with capped
 * backoff and says "trying". If the conversation is handed over, the worker also sees the message in
 * the handoff thread (the safety middleware answers crisis messages itself, so the relay would not).
 */
import type { AlertInput, AlertOutcome, AlertRaiser, FollowUpMessage } from '../middleware/safety';
import type { ConversationRef, Escalation, RaiseInput } from '../../core/escalation';
import type { Words } from '../../core/i18n';
import type { Logger } from '../../core/logging';
import type { DutyChannelService } from './dutyChannel';

export interface AlertRaiserDeps {
  esc: Escalation;
  duty: DutyChannelService;
  log: Logger;
  words: Words;
  now: () => Date;
  /** how long to wait for the first delivery before answering (default 1500 ms) */
  waitForDeliveryMs?: number;
}

export function toRaiseInput(input: AlertInput): RaiseInput {
  return {
    level: input.level,
    category: input.category ?? 'unspecified',
    reasons: input.reasons,
    uid: input.uid,
    ageBand: input.ageBand,
    channel: input.channel,
    area: input.area,
    conversationRef: input.conversationRef as ConversationRef,
    conversationKey: input.conversationKey,
    trigger: { from: 'young_person', text: input.text, at: new Date().toISOString() },
    context: input.recent.map((text) => ({ from: 'young_person' as const, text })),
    background: input.background,
  };
}

export function createAlertRaiser(deps: AlertRaiserDeps): AlertRaiser {
  const wait = deps.waitForDeliveryMs ?? 1500;

  const keepTrying = (input: RaiseInput, tries = 1) => {
    const delay = Math.min(60_000, 1000 * 2 ** Math.min(tries, 6));
    const t = setTimeout(() => {
      deps.esc.raise(input).then(
        ({ alert }) => deps.log.warn({ alertId: alert.id, tries }, 'alert recorded after earlier failures'),
        (err) => {
          deps.log.error({ tries, err: { message: (err as Error).message } }, 'alert still cannot be recorded; trying again');
          keepTrying(input, tries + 1);
        },
      );
    }, delay);
    t.unref?.();
  };

  return {
    async followUp(msg: FollowUpMessage): Promise<void> {
      await deps.esc.addFollowUp({
        uid: msg.uid,
        conversationKey: msg.conversationKey,
        text: msg.text,
        at: deps.now().toISOString(),
        level: msg.level,
        category: msg.category,
        reasons: msg.reasons,
      });
    },
    async raise(input: AlertInput): Promise<AlertOutcome> {
      const raiseInput = toRaiseInput(input);
      let timer: NodeJS.Timeout | undefined;
      // With no route nobody can be reached: record the alert, do not make the young person wait.
      const attempt = deps.esc.raise(raiseInput, { waitForDeliveryMs: deps.esc.routes.primary.length ? wait : 0 });
      const res = await Promise.race([
        attempt.then((r) => ({ r }), (err: Error) => ({ err })),
        new Promise<{ timeout: true }>((resolve) => (timer = setTimeout(() => resolve({ timeout: true }), wait + 2500))),
      ]);
      clearTimeout(timer);
      if ('timeout' in res) {
        // Storage is slow: the raise carries on; if it fails after all, keep trying.
        attempt.catch(() => keepTrying(raiseInput));
        return { state: 'trying' };
      }
      if ('err' in res) {
        deps.log.error({ err: { message: res.err.message } }, 'alert could not be recorded; will keep trying');
        keepTrying(raiseInput);
        return { state: 'trying' };
      }
      const { alert } = res.r;
      // Someone is already talking with them: say so, rather than "someone will get back to you".
      if (await passToHandoff(deps, input, alert.id)) return { state: 'with_person' };
      if (deps.esc.routes.primary.length === 0) return { state: 'no_route' };
      const now = deps.now();
      const state = deps.esc.replyState(alert, now);
      if (state === 'delivered_off_duty') return { state, nextOnDuty: deps.esc.dutyStatus(now).nextOnDuty };
      return { state };
    },
  };
}

/** Puts the message in front of the worker who has taken over, if one has; true when it got there. */
async function passToHandoff(deps: AlertRaiserDeps, input: AlertInput, alertId: string): Promise<boolean> {
  try {
    const h = await deps.esc.activeHandoff(input.conversationKey);
    if (!h) return false;
    const line = deps.words.t('escalation:staff.newAlertInHandoff', { level: input.level, alertId });
    await deps.duty.postInAlertThread(h.alertId, `${line} ${input.text.slice(0, 4000)}`);
    return true;
  } catch (err) {
    deps.log.error({ alertId, err: { message: (err as Error).message } }, 'handoff: could not pass the alert message to the duty worker');
    return false;
  }
}
