/**
 * Escalation: alert a human duty worker within seconds, track the alert, let them take over.
 * Plain core: no botbuilder here. The bot side (bot/escalation/) supplies the Teams send and relays.
 *
 *   const esc = createEscalation({ store, config, log, routes?, clock?, tuning? });
 *   await esc.start();                       // this instance delivers (BullMQ worker with Redis, timers in memory)
 *   const { alert, delivered } = await esc.raise(input, { waitForDeliveryMs: 1500 });
 *   const state = esc.replyState(alert);     // 'delivered_on_duty' | 'delivered_off_duty' | 'trying'
 *   await esc.acknowledge(alertId, actor) / esc.takeOver(alertId, actor) / esc.resolve(alertId, actor, note)
 *   await esc.act(action, alertId, actor, note?)   // what a card button calls (see card.ts parseAlertAction)
 *   await esc.activeHandoff(conversationKeyOf(channelId, conversationId))   // is this conversation with a person?
 *   await esc.endHandoff(conversationKey, actor); await esc.audit({ alertId }); await esc.close();
 *
 * - createEscalation({ store, config, log, routes, clock, tuning })
 *     store:  the Store (Redis store => BullMQ queue on its own ioredis connection; memory => in-process timers)
 *     config: Config (ALERT_*, REESCALATE_*, DUTY_*); misconfiguration throws EscalationSetupError with one clear line
 *     routes: { sendToDutyChannel(card, { alertId, level, round }) } needed when a route list names teams; { primary, backup } replace the
 *             configured routes (tests, bench); webhookTls for a private CA
 *     clock:  Clock ({ now, setTimer }); createManualClock() moves time in tests (re-escalation, retries)
 * - raise(input, { waitForDeliveryMs }) -> { alert, delivered }: writes the record (text encrypted, expiring after
 *   ALERT_RETENTION_DAYS), queues one delivery per route and a re-escalation check, then waits at most
 *   waitForDeliveryMs for the first route to accept. `delivered` is true only once a route accepted it: never tell a
 *   young person a person has been told unless it is true.
 * - Deliveries retry forever with capped exponential backoff. Each has an Idempotency-Key that is the same on every
 *   retry ("<alertId>:<route>", ":r<round>" for re-escalations).
 * - Not acknowledged within REESCALATE_CRISIS_MINUTES / REESCALATE_SAFEGUARDING_MINUTES: re-escalated to
 *   ALERT_BACKUP_ROUTES (or the same routes again), and again every such interval until acknowledged.
 * - acknowledge / takeOver / resolve: only DUTY_WORKER_IDS (Entra ID object ids) may act; anyone else, an unknown
 *   alert id or a repeated action changes nothing and is audited. Results: { ok: true, alert, handoff? } or
 *   { ok: false, reason: 'not_duty_worker' | 'unknown_alert' | 'invalid_state' | 'note_required' }.
 * - takeOver starts a handoff (conversation -> worker) unless the conversation is already with someone; resolve ends it.
 * - audit({ alertId?, limit? }): the append-only log of state changes and duty-worker actions (no message text).
 * - dutyStatus(now?) / replyState(alert, now?): see dutyHours.ts (Europe/London, bank holidays, DUTY_CLOSED_DATES).
 * - addFollowUp({ uid, conversationKey, text, level, category, reasons }): a message typed after an alert that raised
 *   none itself is kept (encrypted, with the alert's text, the last FOLLOW_UPS_KEPT) on the newest open alert in the
 *   conversation, unless a worker has taken it over (relayed then). Routes with followUps() are told: the Teams route
 *   refreshes the cards and posts "written more (N messages)" in the thread, the webhook sends starling.alert.update;
 *   at most once per followUpNoticeEveryMs per alert, with one more at the end of a window if more came in it.
 * - purgeExpired(): removes whole alert records older than ALERT_RETENTION_DAYS (text expires by itself before);
 *   start() also runs it every 6 hours.
 */
export { createEscalation, conversationKeyOf, raiseAlert, FOLLOW_UPS_KEPT, FOLLOW_UP_MAX_CHARS } from './service';
export type { Escalation, EscalationDeps, EscalationTuning, ActionResult, ActionFailure, RaiseResult, FollowUpResult } from './service';
export { EscalationSetupError, buildRoutes } from './setup';
export type { RouteOptions } from './setup';
export { dutyStatus, alertReplyState, describeWhen, bankHolidays, londonParts, londonToDate } from './dutyHours';
export type { DutyStatus, DutyConfig, AlertReplyState } from './dutyHours';
export { buildAlertCard, createTeamsRoute, followUpNotice, parseAlertAction, ALERT_ACTIONS, ACTION_VERB_PREFIX } from './card';
export type { AlertAction, AlertActionData, CardOptions, DutyCardInfo, SendToDutyChannel, TeamsFollowUpSend } from './card';
export { createWebhookRoute, buildWebhookPayload, buildWebhookUpdate, signBody, WEBHOOK_PAYLOAD_VERSION } from './webhook';
export type { DeliveryRoute, DeliveryAttempt } from './routes';
export { idempotencyKey, backoffMs } from './routes';
export { createCipher } from './crypto';
export { createManualClock, realClock } from './clock';
export type { Clock, ManualClock } from './clock';
export * from './types';
