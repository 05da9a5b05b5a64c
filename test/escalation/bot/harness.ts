/** The real Starling app with the escalation integration wired the way dialogs/README.md says. */
import { randomUUID } from 'node:crypto';
import { createEscalationIntegration, EscalationIntegration } from '../../../bot/escalation';
import type { SentActivity } from '../../support/replySink';
import { startTestApp, TestApp } from '../../support/testApp';
import type { Store } from '../../../core/storage';
import { DUTY_WORKER, KEY } from '../helpers';

export const TENANT = '0f0f0f0f-1111-2222-3333-444444444444';
export const DUTY_CONV = '19:duty-team@thread.tacv2';
export const SECOND_WORKER = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';

export interface Harness {
  t: TestApp;
  integ: EscalationIntegration;
  /** posts a Teams activity from the duty team's channel (or a thread in it); resolves with the HTTP answer */
  teams(fields: Record<string, unknown>, who?: { aad?: string; name?: string; tenant?: string }): Promise<{ status: number; body: string }>;
  /** activities the bot sent into a conversation id (exact) */
  sentTo(conversationId: string): SentActivity[];
  close(): Promise<void>;
}

export async function startHarness(opts: { now?: () => Date; env?: Record<string, string>; store?: Store; logLevel?: string } = {}): Promise<Harness> {
  let integ: EscalationIntegration | undefined;
  const t = await startTestApp({
    now: opts.now,
    store: opts.store,
    logLevel: opts.logLevel ?? 'silent',
    env: {
      ALERT_ENCRYPTION_KEY: KEY,
      ALERT_ROUTES: 'teams',
      DUTY_WORKER_IDS: `${DUTY_WORKER},${SECOND_WORKER}`,
      MicrosoftAppTenantId: TENANT,
      ...opts.env,
    },
    alerts: { raise: (input) => integ!.alerts.raise(input), followUp: (msg) => integ!.alerts.followUp!(msg) },
  });
  // bot/server.ts builds the integration itself (after the safety middleware); use that one when it does.
  const built = (t.app as unknown as { escalation?: EscalationIntegration }).escalation;
  let own = false;
  if (built) integ = built;
  else {
    own = true;
    integ = await createEscalationIntegration({
      adapter: t.app.adapter,
      store: t.app.store,
      config: t.app.config,
      log: t.app.log,
      words: t.app.words,
      now: opts.now ?? (() => new Date()),
      tuning: { retry: { baseMs: 50, capMs: 200 } },
    });
    for (const m of integ.middleware) t.app.adapter.use(m);
  }

  return {
    t,
    integ,
    teams(fields, who = {}) {
      return t.post({
        id: randomUUID(),
        channelId: 'msteams',
        serviceUrl: t.sink.url,
        conversation: { id: DUTY_CONV, conversationType: 'channel', tenantId: who.tenant ?? TENANT },
        channelData: { team: { id: '19:team-id@thread.tacv2' }, channel: { id: DUTY_CONV }, tenant: { id: who.tenant ?? TENANT } },
        from: { id: `29:${who.aad ?? DUTY_WORKER}`, aadObjectId: who.aad ?? DUTY_WORKER, name: who.name ?? 'Sam Duty' },
        recipient: { id: '28:starling', name: 'Starling' },
        timestamp: new Date().toISOString(),
        ...fields,
      });
    },
    sentTo: (id) => t.sink.received.filter((r) => r.conversationId === id).map((r) => r.activity),
    async close() {
      if (own) await integ!.close();
      await t.close();
    },
  };
}

/** A card button pressed in Teams (Action.Execute), on an alert, in the duty channel or one of its threads. */
export const invoke = (alertId: string, action: string, extra: Record<string, unknown> = {}, thread = DUTY_CONV) => ({
  type: 'invoke',
  name: 'adaptiveCard/action',
  conversation: { id: thread, conversationType: 'channel' },
  value: { action: { type: 'Action.Execute', verb: `starling.alert.${action}`, data: { starling: 'alert', action, alertId, ...extra } }, trigger: 'manual' },
});
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const invokeBody = (res: { body: string }) => JSON.parse(res.body) as { statusCode: number; type: string; value: any };
