/**
 * Alert latency bench: time from raise() to the webhook receiver holding the alert, through the real
 * queue (BullMQ when a Redis URL is given, in-memory otherwise) and a real local HTTP receiver.
 *
 *   npm run build && node dist/scripts/bench-alerts.js [redis://127.0.0.1:PORT] [count] [concurrency]
 *
 * Use only a Redis you started for the bench: keys go under a fresh "benchXXXX:" prefix and are removed after.
 * The lead's end-to-end bench (message in -> webhook out) can reuse startWebhookSink and its `requests[].at`.
 */
import Redis from 'ioredis';
import { parseConfig } from '../core/config';
import { createEscalation } from '../core/escalation';
import { createLogger } from '../core/logging';
import { MemoryStore, RedisStore, Store } from '../core/storage';
import { startWebhookSink } from './support/webhookSink';

export interface AlertBenchResult {
  queue: 'memory' | 'bullmq';
  count: number;
  concurrency: number;
  delivered: number;
  /** raise() call to the receiver having the request, in ms */
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** raise() call to raise() returning (record written, jobs queued), in ms */
  raiseP50: number;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? Math.round(s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] * 10) / 10 : NaN;
};

export async function benchAlerts(redisUrl?: string, opts: { count?: number; concurrency?: number } = {}): Promise<AlertBenchResult> {
  const count = opts.count ?? 200;
  const concurrency = opts.concurrency ?? 10;
  const secret = 'bench-secret-0123456789abcdef';
  const sink = await startWebhookSink({ secret });
  const prefix = `bench${Math.random().toString(36).slice(2, 8)}:`;
  const config = parseConfig({
    NODE_ENV: 'development',
    LOG_LEVEL: 'silent',
    REDIS_URL: redisUrl,
    REDIS_KEY_PREFIX: prefix,
    ALERT_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
    ALERT_ROUTES: 'webhook',
    ALERT_WEBHOOK_URL: sink.url,
    ALERT_WEBHOOK_SECRET: secret,
  });
  const store: Store = redisUrl ? new RedisStore({ url: redisUrl, prefix }) : new MemoryStore();
  const esc = createEscalation({ store, config, log: createLogger({ level: 'silent' }) });
  await esc.start();
  const sentAt = new Map<string, number>();
  const raiseMs: number[] = [];
  let next = 0;
  const one = async () => {
    while (next < count) {
      const i = next++;
      const t0 = performance.now() + performance.timeOrigin;
      const { alert } = await esc.raise({
        level: 'crisis',
        category: 'suicide',
        reasons: ['bench'],
        uid: `bench_${i}`,
        ageBand: '16-25',
        channel: 'bench',
        conversationRef: { channelId: 'bench', conversation: { id: `bench-${i}` } },
        trigger: { from: 'young_person', text: `bench message ${i}` },
      });
      raiseMs.push(performance.now() + performance.timeOrigin - t0);
      sentAt.set(`${alert.id}:webhook`, t0);
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, one));
    await sink.waitFor((s) => s.accepted.size >= count, 60000).catch(() => undefined);
    const lat: number[] = [];
    for (const [key, req] of sink.accepted) {
      const t0 = sentAt.get(key);
      if (t0 !== undefined) lat.push(req.at - t0);
    }
    return {
      queue: esc.queueKind,
      count,
      concurrency,
      delivered: sink.accepted.size,
      p50: pct(lat, 50),
      p95: pct(lat, 95),
      p99: pct(lat, 99),
      max: pct(lat, 100),
      raiseP50: pct(raiseMs, 50),
    };
  } finally {
    await esc.close();
    await sink.close();
    if (redisUrl) {
      const raw = new Redis(redisUrl);
      const keys = await raw.keys(`${prefix}*`);
      if (keys.length) await raw.del(...keys);
      await raw.quit();
    }
    await store.close();
  }
}

if (require.main === module) {
  const [url, count, conc] = process.argv.slice(2);
  const redisUrl = url && /^rediss?:\/\//.test(url) ? url : undefined;
  benchAlerts(redisUrl, { count: count ? Number(count) : undefined, concurrency: conc ? Number(conc) : undefined }).then(
    (r) => process.stdout.write(JSON.stringify(r, null, 2) + '\n'),
    (err) => {
      process.stderr.write(`bench-alerts failed: ${(err as Error).message}\n`);
      process.exit(1);
    },
  );
}
