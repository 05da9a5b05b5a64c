/**
 * Escalation on Redis with BullMQ: alerts survive a worker dying mid-delivery, several instances share the
 * work without double-sending, re-escalation uses delayed jobs, and nothing in Redis holds message text.
 */
import Redis from 'ioredis';
import { createEscalation, Escalation, EscalationTuning } from '../../core/escalation';
import { RedisStore } from '../../core/storage';
import { benchAlerts } from '../../scripts/bench-alerts';
import { SinkResponder, startWebhookSink, WebhookSink } from '../../scripts/support/webhookSink';
import { startRedis, TestRedis } from '../support/redis';
import { CONTEXT_LINE, DUTY_WORKER, dumpRedis, eventually, log, makeConfig, redisEscalation, sampleInput, SECRET, TRIGGER } from './helpers';

let redis: TestRedis;
const cleanup: (() => Promise<void>)[] = [];

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis.stop();
});
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function sinkFor(respond?: SinkResponder): Promise<WebhookSink> {
  const s = await startWebhookSink({ secret: SECRET, respond });
  cleanup.push(() => s.close());
  return s;
}

function instance(prefix: string, sink: WebhookSink, opts: { env?: Record<string, string>; tuning?: EscalationTuning } = {}): Escalation {
  const { esc, store } = redisEscalation({
    redisUrl: redis.url,
    prefix,
    sinkUrl: sink.url,
    env: opts.env,
    tuning: { lockDurationMs: 1000, stalledIntervalMs: 300, ...opts.tuning },
  });
  let closed = false;
  const close = esc.close.bind(esc);
  esc.close = async (o) => {
    if (closed) return;
    closed = true;
    await close(o);
    await store.close();
  };
  cleanup.push(() => esc.close());
  return esc;
}

const newPrefix = () => `t${Math.random().toString(36).slice(2, 8)}:`;

describe('escalation on Redis (BullMQ)', () => {
  it('delivers through the queue and keeps the record in Redis', async () => {
    const sink = await sinkFor();
    const esc = instance(newPrefix(), sink);
    expect(esc.queueKind).toBe('bullmq');
    await esc.start();
    const { alert, delivered } = await esc.raise(sampleInput(), { waitForDeliveryMs: 3000 });
    expect(delivered).toBe(true);
    expect(sink.accepted.get(`${alert.id}:webhook`)?.json.excerpt.trigger.text).toBe(TRIGGER);
    expect((await esc.get(alert.id))?.state).toBe('delivered');
  });

  it('an alert whose worker died mid-delivery still arrives once another instance runs', async () => {
    let n = 0;
    const sink = await sinkFor(() => (++n === 1 ? 'hang' : 200));
    const prefix = newPrefix();
    const a = instance(prefix, sink);
    await a.start();
    const { alert, delivered } = await a.raise(sampleInput(), { waitForDeliveryMs: 200 });
    expect(delivered).toBe(false);
    await sink.waitFor((s) => s.requests.length === 1);
    await a.close({ force: true }); // the process dies with the request in flight

    const b = instance(prefix, sink);
    await b.start();
    expect(await b.waitForDelivery(alert.id, 15000)).toBe(true);
    expect(sink.requests).toHaveLength(2);
    expect(sink.requests[1].idempotencyKey).toBe(sink.requests[0].idempotencyKey);
    expect(sink.accepted.size).toBe(1);
    expect((await b.get(alert.id))?.history.map((s) => s.state)).toEqual(['raised', 'delivered']);
  });

  it('BullMQ retries a receiver that fails five times, under one key, and stops after it succeeds', async () => {
    let n = 0;
    const sink = await sinkFor(() => (++n <= 5 ? 503 : 200));
    const esc = instance(newPrefix(), sink);
    await esc.start();
    const { alert } = await esc.raise(sampleInput());
    expect(await esc.waitForDelivery(alert.id, 15000)).toBe(true);
    await new Promise((r) => setTimeout(r, 500));
    expect(sink.requests.map((r) => r.answered)).toEqual([503, 503, 503, 503, 503, 200]);
    expect(new Set(sink.requests.map((r) => r.idempotencyKey))).toEqual(new Set([`${alert.id}:webhook`]));
    expect(sink.requests.map((r) => r.headers['x-starling-attempt'])).toEqual(['1', '2', '3', '4', '5', '6']);
    expect((await esc.get(alert.id))?.history.filter((s) => s.state === 'delivered')).toHaveLength(1);
  });

  it('an alert raised while no worker runs is delivered when one starts (restart)', async () => {
    const sink = await sinkFor();
    const prefix = newPrefix();
    const a = instance(prefix, sink);
    const { alert } = await a.raise(sampleInput(), { waitForDeliveryMs: 100 });
    await a.close();
    expect(sink.requests).toHaveLength(0);
    const b = instance(prefix, sink);
    await b.start();
    expect(await b.waitForDelivery(alert.id, 5000)).toBe(true);
    expect(sink.accepted.has(`${alert.id}:webhook`)).toBe(true);
  });

  it('several instances share the work: every alert arrives exactly once', async () => {
    const sink = await sinkFor();
    const prefix = newPrefix();
    const workers = [instance(prefix, sink), instance(prefix, sink)];
    for (const w of workers) await w.start();
    const front = instance(prefix, sink); // raises only, delivers nothing itself
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => front.raise(sampleInput({ uid: `u_${i}` }), { waitForDeliveryMs: 5000 })),
    );
    expect(results.every((r) => r.delivered)).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    expect(sink.requests).toHaveLength(12);
    expect(sink.accepted.size).toBe(12);
  });

  it('re-escalates an unacknowledged alert to the backup webhook with a delayed job', async () => {
    const sink = await sinkFor();
    const backup = await sinkFor();
    const esc = instance(newPrefix(), sink, {
      env: { ALERT_BACKUP_ROUTES: 'webhook', ALERT_BACKUP_WEBHOOK_URL: backup.url },
      tuning: { reescalateAfterMs: () => 400 },
    });
    await esc.start();
    const { alert } = await esc.raise(sampleInput(), { waitForDeliveryMs: 3000 });
    const acked = await esc.raise(sampleInput({ uid: 'u_other' }), { waitForDeliveryMs: 3000 });
    expect((await esc.acknowledge(acked.alert.id, { id: DUTY_WORKER })).ok).toBe(true);
    await backup.waitFor((s) => s.accepted.has(`${alert.id}:backup-webhook:r1`), 10000);
    const req = backup.accepted.get(`${alert.id}:backup-webhook:r1`)!;
    expect(req.json.reescalation).toEqual({ round: 1, routeSet: 'backup' });
    await eventually(async () => {
      const rec = await esc.get(alert.id);
      expect(rec?.history.map((s) => `${s.state}:${s.by}`).slice(0, 4)).toEqual([
        'raised:starling',
        'delivered:webhook',
        'reescalated:starling',
        'delivered:backup:webhook',
      ]);
    });
    await new Promise((r) => setTimeout(r, 600));
    expect([...backup.accepted.keys()].some((k) => k.startsWith(acked.alert.id))).toBe(false);
  });

  it('keeps no message text in Redis in plain form (records, queue jobs, audit, handoff)', async () => {
    const sink = await sinkFor();
    const prefix = newPrefix();
    const esc = instance(prefix, sink);
    await esc.start();
    const { alert } = await esc.raise(sampleInput(), { waitForDeliveryMs: 3000 });
    await esc.takeOver(alert.id, { id: DUTY_WORKER });
    await esc.resolve(alert.id, { id: DUTY_WORKER }, 'Spoke to the young person; plan agreed with their carer.');
    expect((await esc.view(alert.id))?.texts?.trigger.text).toBe(TRIGGER);

    const raw = new Redis(redis.url);
    cleanup.push(async () => void (await raw.quit()));
    const { keys, dump } = await dumpRedis(raw, prefix);
    expect(keys.some((k) => k.includes(':bull:'))).toBe(true);
    expect(keys).toContain(`${prefix}alert:${alert.id}:text`);
    expect(dump).toContain(alert.id);
    for (const secret of ['saving my tablets', CONTEXT_LINE, 'plan agreed', 'Jamie']) expect(dump).not.toContain(secret);
    const ttl = await raw.ttl(`${prefix}alert:${alert.id}:text`);
    expect(ttl).toBeGreaterThan(89 * 86400);
    expect(ttl).toBeLessThanOrEqual(90 * 86400);
  });

  it('the alert bench delivers every alert through BullMQ and cleans up its keys', async () => {
    const r = await benchAlerts(redis.url, { count: 30, concurrency: 5 });
    expect(r).toMatchObject({ queue: 'bullmq', count: 30, delivered: 30 });
    expect(r.p50).toBeGreaterThan(0);
    const raw = new Redis(redis.url);
    cleanup.push(async () => void (await raw.quit()));
    expect(await raw.keys('bench*')).toEqual([]);
  });
});

describe('when Redis is unreachable', () => {
  // Fails by the test's time limit if start-up or shutdown waits for Redis.
  it('starts and stops without waiting for Redis (readiness reports it; alerts wait in the queue client)', async () => {
    const store = new RedisStore({ url: 'redis://127.0.0.1:1', prefix: 'x:' });
    const esc = createEscalation({ store, config: makeConfig({ REDIS_URL: 'redis://127.0.0.1:1' }), log });
    await esc.start();
    await esc.close();
    await store.close();
    expect(esc.queueKind).toBe('bullmq');
  }, 20000);
});
