/** The webhook route against a local HTTP receiver: signature, idempotency key, retries on every kind of failure. */
import { createEscalation, Escalation } from '../../core/escalation';
import { MemoryStore } from '../../core/storage';
import { benchAlerts } from '../../scripts/bench-alerts';
import { SinkResponder, startWebhookSink, WebhookSink } from '../../scripts/support/webhookSink';
import { log, makeConfig, sampleInput, SECRET, TRIGGER } from './helpers';

let sink: WebhookSink;
let esc: Escalation;
let store: MemoryStore;

async function start(respond?: SinkResponder, env: Record<string, string> = {}) {
  sink = await startWebhookSink({ secret: SECRET, respond });
  store = new MemoryStore();
  esc = createEscalation({
    store,
    config: makeConfig({
      ALERT_ROUTES: 'webhook',
      ALERT_WEBHOOK_URL: sink.url,
      ALERT_WEBHOOK_SECRET: SECRET,
      ALERT_WEBHOOK_TIMEOUT_MS: '300',
      ...env,
    }),
    log,
    tuning: { retry: { baseMs: 20, capMs: 100 } },
  });
  await esc.start();
}

afterEach(async () => {
  await esc?.close();
  await sink?.close();
});

describe('webhook delivery', () => {
  it('posts a signed JSON alert with the excerpt, an idempotency key and no name', async () => {
    await start();
    const { alert, delivered } = await esc.raise(sampleInput(), { waitForDeliveryMs: 1500 });
    expect(delivered).toBe(true);
    expect(sink.requests).toHaveLength(1);
    const req = sink.requests[0];
    expect(req.signatureValid).toBe(true);
    expect(req.headers['x-starling-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(req.idempotencyKey).toBe(`${alert.id}:webhook`);
    expect(req.json).toMatchObject({
      type: 'starling.alert',
      version: 1,
      alertId: alert.id,
      level: 'crisis',
      category: 'suicide',
      reasons: ['plan', 'means'],
      youngPerson: { pseudonymousId: 'u_abc123', ageBand: '12-15', area: 'coventry' },
      conversationId: alert.conversationKey,
      excerpt: { trigger: { text: TRIGGER } },
    });
    expect(req.json.excerpt.context.map((m: { from: string }) => m.from)).toEqual(['young_person', 'starling']);
    expect(req.raw).not.toContain('Jamie');
    expect(req.raw).not.toContain('a:conv-1');
    expect(req.raw).not.toContain('29:young-person');
    expect(req.raw).not.toMatch(/https?:\/\//);
  });

  it('carries the background lines for the worker, kept encrypted at rest like the message text', async () => {
    await start();
    const background = ['Earlier (1 Jul, 13:00): concern, self harm. mentions feeling hopeless', 'Latest check-in (30 Jun, 16:00): suggested level 3.'];
    const { alert } = await esc.raise(sampleInput({ background }), { waitForDeliveryMs: 1500 });
    expect(sink.requests[0].json.background).toEqual(background);
    const view = await esc.view(alert.id);
    expect(view?.texts?.background).toEqual(background);
    const atRest = JSON.stringify([await store.getJson(`alert:${alert.id}`), await store.getJson(`alert:${alert.id}:text`)]);
    expect(atRest).toContain('"enc"');
    expect(atRest).not.toContain('feeling hopeless');
  });

  it('an alert with no background sends an empty list; a follow-up names the alert still open before it', async () => {
    await start();
    const first = (await esc.raise(sampleInput(), { waitForDeliveryMs: 1500 })).alert;
    expect(sink.requests[0].json.background).toEqual([]);
    expect(sink.requests[0].json.earlierOpenAlertIds).toEqual([]);
    await esc.raise(sampleInput(), { waitForDeliveryMs: 1500 });
    expect(sink.requests[1].json.earlierOpenAlertIds).toEqual([first.id]);
  });

  it('a receiver that fails five times then succeeds gets the alert under one key, and nothing after success', async () => {
    let n = 0;
    await start(() => (++n <= 5 ? 500 : 200));
    const { alert, delivered } = await esc.raise(sampleInput(), { waitForDeliveryMs: 50 });
    expect(delivered).toBe(false);
    expect(await esc.waitForDelivery(alert.id, 10000)).toBe(true);
    expect(sink.requests.map((r) => r.answered)).toEqual([500, 500, 500, 500, 500, 200]);
    expect(new Set(sink.requests.map((r) => r.idempotencyKey))).toEqual(new Set([`${alert.id}:webhook`]));
    expect(sink.accepted.size).toBe(1);
    // Time for several more retries, had the queue not stopped.
    await new Promise((r) => setTimeout(r, 400));
    expect(sink.requests).toHaveLength(6);
    const rec = await esc.get(alert.id);
    expect(rec?.history.filter((s) => s.state === 'delivered')).toEqual([expect.objectContaining({ by: 'webhook', attempts: 6 })]);
  });

  it('retries a receiver that hangs (time-out) and then answers', async () => {
    let n = 0;
    await start(() => (++n === 1 ? 'hang' : 200));
    const { alert } = await esc.raise(sampleInput());
    expect(await esc.waitForDelivery(alert.id, 10000)).toBe(true);
    expect(sink.requests.map((r) => r.answered)).toEqual(['hang', 200]);
    expect(sink.requests[0].idempotencyKey).toBe(sink.requests[1].idempotencyKey);
  });

  it('retries a dropped connection', async () => {
    let n = 0;
    await start(() => (++n === 1 ? 'destroy' : 200));
    const { alert } = await esc.raise(sampleInput());
    expect(await esc.waitForDelivery(alert.id, 10000)).toBe(true);
    expect(sink.requests.map((r) => r.answered)).toEqual(['destroy', 200]);
  });

  it('a receiver that rejects the signature (wrong secret) never counts as delivered', async () => {
    await start(undefined, { ALERT_WEBHOOK_SECRET: 'a-different-secret-0123456789' });
    const { alert, delivered } = await esc.raise(sampleInput(), { waitForDeliveryMs: 300 });
    expect(delivered).toBe(false);
    await sink.waitFor((s) => s.requests.length >= 3);
    expect(sink.requests.every((r) => r.answered === 401)).toBe(true);
    expect((await esc.get(alert.id))?.state).toBe('raised');
  });

  it('keeps retrying when TLS fails (https to a plain-http port)', async () => {
    await start(() => 200, {});
    await esc.close();
    esc = createEscalation({
      store: new MemoryStore(),
      config: makeConfig({
        ALERT_ROUTES: 'webhook',
        ALERT_WEBHOOK_URL: `https://127.0.0.1:${sink.port}/alerts`,
        ALERT_WEBHOOK_SECRET: SECRET,
        ALERT_WEBHOOK_TIMEOUT_MS: '300',
      }),
      log,
      tuning: { retry: { baseMs: 20, capMs: 50 } },
    });
    await esc.start();
    const { alert, delivered } = await esc.raise(sampleInput(), { waitForDeliveryMs: 100 });
    expect(delivered).toBe(false);
    // Each try opens a connection whose handshake fails; the queue keeps trying.
    await sink.waitFor((s) => s.connections() >= 3);
    expect(esc.replyState(alert)).toBe('trying');
    const audit = await esc.audit({ alertId: alert.id });
    expect(audit.map((e) => e.event)).toEqual(['alert.raised']);
    expect(sink.accepted.size).toBe(0);
  });

  it('the alert bench delivers every alert in memory', async () => {
    const r = await benchAlerts(undefined, { count: 25, concurrency: 5 });
    expect(r).toMatchObject({ queue: 'memory', count: 25, delivered: 25 });
  });
});
