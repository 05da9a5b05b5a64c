/**
 * npm run bench: Starling's speed on this machine, everything on loopback.
 *  - turns per second and p50/p99 latency through POST /api/messages at 50 concurrent conversations,
 *    for a bare echo bot (the baseline, same adapter, measured in the same run), Starling on memory
 *    and Starling on Redis (a private redis-server on a free port);
 *  - the safety detector's average time per message;
 *  - alerts end to end: message in -> duty team's webhook out, on Redis, 50 conversations, 10% alerting.
 * Targets: Starling on Redis >= 60% of the echo bot's throughput, p99 < 150 ms (issue "Foundation");
 * detector < 0.2 ms per message ("Safety"); alert p99 < 1 s, every alert exactly once ("Escalation").
 */
import { Writable } from 'node:stream';
import { parseConfig } from '../core/config';
import { createLogger } from '../core/logging';
import { createApp } from '../bot/server';
import { startEchoBot } from './lib/echoBot';
import { LoadResult, runLoad } from './lib/load';
import { startRedis } from './lib/redisServer';
import { startReplySink } from './lib/replySink';
import { benchSafety } from './bench-safety';
import { benchE2eAlerts } from './bench-e2e-alerts';

const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 50);
const TURNS = Number(process.env.BENCH_TURNS ?? 20);

/** What young people type in the bench: menu words, free text, everyday chat (no crisis words here). */
const TEXTS = ['hello', 'about', 'i had a good day at school', 'what can you do', 'purple monkey dishwasher', 'menu', 'my football match was great', 'who can see this'];

const quiet = createLogger({ level: 'silent', destination: new Writable({ write: (_c, _e, cb) => cb() }) });

async function measureStarling(name: string, env: Record<string, string>, serviceUrl: string): Promise<LoadResult> {
  const app = await createApp({ config: parseConfig({ ID_HASH_SECRET: 'bench', ...env }), log: quiet });
  const url = await app.listen(0, '127.0.0.1');
  try {
    await runLoad({ name: `${name}-warmup`, baseUrl: url, serviceUrl, conversations: 10, turnsPerConversation: 5, text: (c, i) => TEXTS[(c + i) % TEXTS.length] });
    return await runLoad({ name, baseUrl: url, serviceUrl, conversations: CONVERSATIONS, turnsPerConversation: TURNS, text: (c, i) => TEXTS[(c + i) % TEXTS.length] });
  } finally {
    await app.close();
  }
}

function row(r: LoadResult, baseline?: LoadResult): string {
  const pct = baseline ? ` (${((100 * r.turnsPerSecond) / baseline.turnsPerSecond).toFixed(0)}% of echo)` : '';
  return `${r.name.padEnd(18)} ${r.turns} turns in ${r.seconds.toFixed(2)} s  ${r.turnsPerSecond.toFixed(0).padStart(5)} turns/s${pct}  p50 ${r.p50.toFixed(1)} ms  p99 ${r.p99.toFixed(1)} ms  errors ${r.errors}`;
}

async function main(): Promise<void> {
  const sink = await startReplySink({ keep: false });
  const redis = await startRedis();
  const results: Record<string, unknown> = { when: new Date().toISOString(), conversations: CONVERSATIONS, turnsPerConversation: TURNS };
  try {
    const echo = await startEchoBot();
    await runLoad({ name: 'echo-warmup', baseUrl: echo.url, serviceUrl: sink.url, conversations: 10, turnsPerConversation: 5, text: () => 'hi' });
    const echoResult = await runLoad({ name: 'echo bot', baseUrl: echo.url, serviceUrl: sink.url, conversations: CONVERSATIONS, turnsPerConversation: TURNS, text: (c, i) => TEXTS[(c + i) % TEXTS.length] });
    await echo.close();
    const memory = await measureStarling('starling memory', {}, sink.url);
    const onRedis = await measureStarling('starling redis', { REDIS_URL: redis.url }, sink.url);
    console.log(`\nThroughput and latency, ${CONVERSATIONS} concurrent conversations x ${TURNS} turns, loopback:`);
    for (const r of [echoResult, memory, onRedis]) console.log('  ' + row(r, r === echoResult ? undefined : echoResult));
    const ratio = onRedis.turnsPerSecond / echoResult.turnsPerSecond;
    console.log(`  target: redis >= 60% of echo throughput: ${(ratio * 100).toFixed(0)}% ${ratio >= 0.6 ? 'MET' : 'NOT MET'}; p99 < 150 ms: ${onRedis.p99.toFixed(1)} ms ${onRedis.p99 < 150 ? 'MET' : 'NOT MET'}`);
    results.load = { echo: echoResult, memory, redis: onRedis };

    const safety = await benchSafety();
    console.log(`\nSafety detector: ${safety.messages} messages, average ${(safety.avgMs * 1000).toFixed(1)} µs per message (target < 200 µs: ${safety.avgMs < 0.2 ? 'MET' : 'NOT MET'})`);
    results.safety = safety;

    const alerts = await benchE2eAlerts(redis.url);
    console.log(
      `\nAlerts end to end (message in -> webhook out), Redis + BullMQ, ${alerts.conversations} concurrent conversations, 10% alerting, ${alerts.rounds} rounds:`,
    );
    console.log(
      `  ${alerts.alertsAccepted}/${alerts.alertsExpected} alerts delivered, duplicates ${alerts.duplicateDeliveries}, unexpected ${alerts.unexpected}, bad signatures ${alerts.badSignatures}`,
    );
    console.log(`  p50 ${alerts.p50} ms  p95 ${alerts.p95} ms  p99 ${alerts.p99} ms  max ${alerts.max} ms`);
    console.log(
      `  target: p99 < 1000 ms: ${alerts.p99 < 1000 ? 'MET' : 'NOT MET'}; every alert exactly once: ${alerts.exactlyOnce ? 'MET' : 'NOT MET'}`,
    );
    results.alerts = alerts;
  } finally {
    await redis.stop();
    await sink.close();
  }
  const { mkdirSync, writeFileSync } = await import('node:fs');
  mkdirSync('test-output', { recursive: true });
  writeFileSync('test-output/bench.json', JSON.stringify(results, null, 2));
  console.log('\n(figures also in test-output/bench.json)');
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
