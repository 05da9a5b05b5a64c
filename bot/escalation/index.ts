/**
 * Escalation on the Bot Framework side (the core is core/escalation, which never imports botbuilder).
 *
 *   const esc = await createEscalationIntegration({ adapter, store, config, log, words, now });
 *   adapter.use(safetyMiddleware({ ..., alerts: esc.alerts, isDutyConversation: esc.isDutyConversation }));
 *   for (const m of esc.middleware) adapter.use(m);      // after the safety middleware
 *   ... on shutdown: await esc.close();
 *
 * - alerts: the AlertRaiser for the safety middleware (honest outcome: delivered on/off duty, trying, no_route), and
 *   followUp(): what the young person types after an alert goes onto the open alert's card (core addFollowUp).
 * - middleware (one Middleware):
 *     Teams team channels (staff space): installing Starling in a team (by a duty worker) or "@Starling alerts here"
 *     sets the duty channel; card buttons (Action.Execute invoke or Action.Submit) acknowledge / take over / resolve;
 *     in a taken-over alert's thread, the worker's messages go to the young person ("end handoff" finishes).
 *     None of this reaches the dialogs.
 *     Young people: while their conversation is handed over, their messages go to the worker's thread and the
 *     dialogs stay quiet (the safety check still runs first).
 * - isDutyConversation(ctx): true for a Teams team channel (staff), so the safety middleware does not raise alerts
 *   about staff talking among themselves.
 * - The Teams route sends cards proactively to the stored duty channel (continueConversationAsync); until a channel
 *   is set, Teams deliveries fail and are retried (the webhook route, if configured, is unaffected).
 * - Card posts and handoff replies to the young person use adapter.continueConversationAsync(appId, reference).
 *   Pass `sendToYoungPerson` when a channel needs another way (e.g. the built-in Web Chat's own delivery).
 */
import { ActivityTypes, CloudAdapter, Middleware, TurnContext } from 'botbuilder';
import type { Config } from '../../core/config';
import { createEscalation, Escalation, EscalationTuning, realClock } from '../../core/escalation';
import type { Words } from '../../core/i18n';
import type { Logger } from '../../core/logging';
import type { Store } from '../../core/storage';
import type { AlertRaiser } from '../middleware/safety';
import { createAlertRaiser } from './alertRaiser';
import { alertActionOf, handleAlertAction } from './cardActions';
import { createIntentMatcher, type IntentMatcher } from '../../core/intents';
import { createDutyChannel, DutyChannelService } from './dutyChannel';
import { relayFromYoungPerson } from './relay';
import { onInstall, onStaffMessage, StaffDeps } from './staffChannel';
import { isTeamChannel } from './teams';
import { proactiveSender, SendToConversation } from './youngPerson';

export interface EscalationIntegrationDeps {
  adapter: CloudAdapter;
  store: Store;
  config: Config;
  log: Logger;
  words: Words;
  now: () => Date;
  /** how to reach a young person's conversation (default: proactive send through the adapter) */
  sendToYoungPerson?: SendToConversation;
  /** the service's intent matcher (recognises "stop" / "my data" during a take-over); default: a new one */
  intents?: IntentMatcher;
  /** bounded wait for first delivery before the young person is answered (default 1500 ms) */
  waitForDeliveryMs?: number;
  tuning?: EscalationTuning;
}

export interface EscalationIntegration {
  alerts: AlertRaiser;
  isDutyConversation(ctx: TurnContext): Promise<boolean>;
  middleware: Middleware[];
  /** the core service (staff tools, tests) */
  escalation: Escalation;
  duty: DutyChannelService;
  close(): Promise<void>;
}

export async function createEscalationIntegration(deps: EscalationIntegrationDeps): Promise<EscalationIntegration> {
  const { adapter, store, config, log, words, now } = deps;
  const appId = config.MicrosoftAppId;
  const duty = createDutyChannel({ adapter, store, appId, now, words });
  const esc = createEscalation({
    store,
    config,
    log,
    clock: { now, setTimer: realClock.setTimer },
    routes: {
      sendToDutyChannel: (card, info) => duty.sendCard(card, info),
      followUps: { postInAlertThread: (id, text) => duty.postInAlertThread(id, text), refreshCards: (id, card) => duty.refreshCards(id, card) },
      card: { words },
    },
    tuning: deps.tuning,
  });
  await esc.start();
  if (esc.routes.primary.includes('teams') && !(await duty.get())) {
    log.warn(
      { component: 'escalation' },
      'no duty channel yet: Teams alerts wait (and retry) until a duty worker installs Starling in the duty team or types "@Starling alerts here" there',
    );
  }
  const sendToYoungPerson = deps.sendToYoungPerson ?? proactiveSender(adapter, appId);
  const staff: StaffDeps = { esc, store, words, log, config, duty, sendToYoungPerson, now };
  const intents = deps.intents ?? createIntentMatcher();

  const middleware: Middleware = {
    async onTurn(ctx: TurnContext, next: () => Promise<void>): Promise<void> {
      const type = ctx.activity.type;
      if (isTeamChannel(ctx)) {
        if (type === ActivityTypes.Message) return onStaffMessage(ctx, staff);
        if (type === ActivityTypes.InstallationUpdate || type === ActivityTypes.ConversationUpdate) return onInstall(ctx, staff);
      }
      if (type === ActivityTypes.Invoke) {
        const action = alertActionOf(ctx);
        if (action) return handleAlertAction(ctx, action, staff);
        return next();
      }
      if (type === ActivityTypes.Message && (await relayFromYoungPerson(ctx, { esc, duty, words, log, intents }))) return;
      return next();
    },
  };

  return {
    alerts: createAlertRaiser({ esc, duty, log, words, now, waitForDeliveryMs: deps.waitForDeliveryMs }),
    isDutyConversation: async (ctx) => isTeamChannel(ctx),
    middleware: [middleware],
    escalation: esc,
    duty,
    close: () => esc.close(),
  };
}
