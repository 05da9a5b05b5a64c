/** Shared bits for the escalation tests. */
import { Config, parseConfig } from '../../core/config';
import type Redis from 'ioredis';
import { createEscalation, type DeliveryAttempt, type DeliveryRoute, type Escalation, type EscalationTuning } from '../../core/escalation';
import { RedisStore } from '../../core/storage';
import type { AlertView, RaiseInput, RouteName } from '../../core/escalation/types';
import { createLogger } from '../../core/logging';

export const DUTY_WORKER = '11111111-2222-3333-4444-555555555555';
export const OTHER_USER = '99999999-8888-7777-6666-555555555555';
export const KEY = Buffer.alloc(32, 7).toString('base64');
export const SECRET = 'test-webhook-secret-0123456789';

export const log = createLogger({ level: 'silent' });

/** Escalation as the Redis tests run it: a RedisStore and BullMQ under `prefix`, one webhook route to `sinkUrl`. */
export function redisEscalation(o: {
  redisUrl: string;
  prefix: string;
  sinkUrl: string;
  env?: Record<string, string>;
  tuning?: EscalationTuning;
}): { esc: Escalation; store: RedisStore } {
  const store = new RedisStore({ url: o.redisUrl, prefix: o.prefix });
  const esc = createEscalation({
    store,
    config: makeConfig({
      REDIS_URL: o.redisUrl,
      REDIS_KEY_PREFIX: o.prefix,
      ALERT_ROUTES: 'webhook',
      ALERT_WEBHOOK_URL: o.sinkUrl,
      ALERT_WEBHOOK_SECRET: SECRET,
      ALERT_WEBHOOK_TIMEOUT_MS: '5000',
      ...o.env,
    }),
    log,
    tuning: { retry: { baseMs: 50, capMs: 200 }, ...o.tuning },
  });
  return { esc, store };
}

/** Everything kept under a key prefix, as one text: for checking that no message text sits in Redis in plain. */
export async function dumpRedis(raw: Redis, prefix: string): Promise<{ keys: string[]; dump: string }> {
  const keys = await raw.keys(`${prefix}*`);
  let dump = '';
  for (const k of keys) {
    const type = await raw.type(k);
    if (type === 'string') dump += await raw.get(k);
    else if (type === 'hash') dump += JSON.stringify(await raw.hgetall(k));
    else if (type === 'list') dump += JSON.stringify(await raw.lrange(k, 0, -1));
    else if (type === 'set') dump += JSON.stringify(await raw.smembers(k));
    else if (type === 'zset') dump += JSON.stringify(await raw.zrange(k, 0, -1));
    else if (type === 'stream') dump += JSON.stringify(await raw.xrange(k, '-', '+'));
  }
  return { keys, dump };
}

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
