/** Shared bits for the escalation tests. */
import { Config, parseConfig } from '../../core/config';
import type { DeliveryAttempt, DeliveryRoute } from '../../core/escalation';
import type { AlertView, RaiseInput, RouteName } from '../../core/escalation/types';
import { createLogger } from '../../core/logging';

export const DUTY_WORKER = '11111111-2222-3333-4444-555555555555';
export const OTHER_USER = '99999999-8888-7777-6666-555555555555';
export const KEY = Buffer.alloc(32, 7).toString('base64');
export const SECRET = 'test-webhook-secret-0123456789';

export const log = createLogger({ level: 'silent' });

export function makeConfig(env: Record<string, string> = {}): Config {
  return parseConfig({
    NODE_ENV: 'test',
    ALERT_ENCRYPTION_KEY: KEY,
    DUTY_WORKER_IDS: DUTY_WORKER,
    ...env,
  });
}

export const TRIGGER = 'I have been saving my tablets and I will not be here after friday';
export const CONTEXT_LINE = 'nobody at home listens to me';

export function sampleInput(over: Partial<RaiseInput> = {}): RaiseInput {
  return {
    level: 'crisis',
    category: 'suicide',
    reasons: ['plan', 'means'],
    uid: 'u_abc123',
    ageBand: '12-15',
    channel: 'msteams',
    area: 'coventry',
    conversationRef: {
      channelId: 'msteams',
      serviceUrl: 'https://smba.example/',
      conversation: { id: 'a:conv-1' },
      user: { id: '29:young-person', name: 'Jamie Example' },
      bot: { id: '28:bot' },
    },
    trigger: { from: 'young_person', text: TRIGGER, at: '2026-01-05T10:00:00Z' },
    context: [
      { from: 'young_person', text: CONTEXT_LINE },
      { from: 'starling', text: 'Thank you for telling me.' },
    ],
    ...over,
  };
}

/** A route that records what it was given and fails the first `failures` times. */
export function recordingRoute(name: RouteName, failures = 0) {
  const calls: { view: AlertView; attempt: DeliveryAttempt }[] = [];
  let failed = 0;
  const route: DeliveryRoute & { calls: typeof calls; delivered: typeof calls } = {
    name,
    calls,
    delivered: [],
    async deliver(view, attempt) {
      calls.push({ view, attempt });
      if (failed < failures) {
        failed++;
        throw new Error('receiver down');
      }
      route.delivered.push({ view, attempt });
    },
  };
  return route;
}

export const tick = () => new Promise((r) => setImmediate(r));

/** Polls until fn stops throwing (the receiver can see a delivery a moment before the record shows it). */
export async function eventually(fn: () => Promise<void> | void, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      await fn();
      return;
    } catch (err) {
      if (Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, 25));
    }
  }
}
