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
const TURNS = Number(process.env.BENCH_TURNS ?? 40);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

/** The run with the median throughput (its own p50/p99 go with it). */
function median(rs: LoadResult[]): LoadResult {
  return [...rs].sort((a, b) => a.turnsPerSecond - b.turnsPerSecond)[Math.floor(rs.length / 2)];
}

/** What young people type in the bench: menu words, free text, everyday chat (no crisis words here). */
const TEXTS = ['hello', 'about', 'i had a good day at school', 'what can you do', 'purple monkey dishwasher', 'menu', 'my football match was great', 'who can see this'];

const quiet = createLogger({ level: 'silent', destination: new Writable({ write: (_c, _e, cb) => cb() }) });

async function measureStarling(name: string, env: Record<string, string>, serviceUrl: string, thinkMs = 0): Promise<LoadResult> {
  const app = await createApp({ config: parseConfig({ ID_HASH_SECRET: 'bench', ...env }), log: quiet, reminders: false });
  const url = await app.listen(0, '127.0.0.1');
  try {
    await runLoad({ name: `${name}-warmup`, baseUrl: url, serviceUrl, conversations: 10, turnsPerConversation: 5, text: (c, i) => TEXTS[(c + i) % TEXTS.length] });
    return await runLoad({ name, baseUrl: url, serviceUrl, conversations: CONVERSATIONS, turnsPerConversation: TURNS, thinkMs, text: (c, i) => TEXTS[(c + i) % TEXTS.length] });
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
    // Five rounds of 40 turns per conversation, interleaved (echo, memory, redis, echo, ...), and the median of each:
    // one short run on a shared 2-core machine can be 20% off, which would decide the throughput target by luck.
    const runs: Record<'echo' | 'memory' | 'redis', LoadResult[]> = { echo: [], memory: [], redis: [] };
    for (let round = 0; round < ROUNDS; round++) {
      const echo = await startEchoBot();
      await runLoad({ name: 'echo-warmup', baseUrl: echo.url, serviceUrl: sink.url, conversations: 10, turnsPerConversation: 5, text: () => 'hi' });
      runs.echo.push(await runLoad({ name: 'echo bot', baseUrl: echo.url, serviceUrl: sink.url, conversations: CONVERSATIONS, turnsPerConversation: TURNS, text: (c, i) => TEXTS[(c + i) % TEXTS.length] }));
      await echo.close();
      runs.memory.push(await measureStarling('starling memory', {}, sink.url));
      runs.redis.push(await measureStarling('starling redis', { REDIS_URL: redis.url }, sink.url));
    }
    const [echoResult, memory, onRedis] = [median(runs.echo), median(runs.memory), median(runs.redis)];
    console.log(`\nThroughput and latency, ${CONVERSATIONS} concurrent conversations x ${TURNS} turns, loopback, median of ${ROUNDS} rounds:`);
    for (const r of [echoResult, memory, onRedis]) console.log('  ' + row(r, r === echoResult ? undefined : echoResult));
    const ratio = onRedis.turnsPerSecond / echoResult.turnsPerSecond;
    console.log(`  target: redis >= 60% of echo throughput: ${(ratio * 100).toFixed(0)}% ${ratio >= 0.6 ? 'MET' : 'NOT MET'}; p99 < 150 ms: ${onRedis.p99.toFixed(1)} ms ${onRedis.p99 < 150 ? 'MET' : 'NOT MET'} (no pause between turns: mostly queueing)`);
    console.log(`  each round's redis/echo: ${runs.redis.map((r, i) => `${((100 * r.turnsPerSecond) / runs.echo[i].turnsPerSecond).toFixed(0)}%`).join(', ')}`);
    results.load = { echo: echoResult, memory, redis: onRedis, rounds: runs };

    // The same 50 conversations on Redis, each pausing about a second (0.5-1.5 s) between a reply and its next
    // message, as a quick reader and typist would: the latency a young person sees with 50 others chatting.
    const paced = await measureStarling('starling redis paced', { REDIS_URL: redis.url }, sink.url, 1000);
    console.log(`\nLatency with ${CONVERSATIONS} conversations pausing ~1 s between turns (Redis):`);
    console.log('  ' + row(paced));
    console.log(`  target: p99 < 150 ms: ${paced.p99.toFixed(1)} ms ${paced.p99 < 150 ? 'MET' : 'NOT MET'}`);
    results.paced = paced;

    const safety = await benchSafety();
    console.log(`\nSafety detector: ${safety.messages} messages, average ${(safety.avgMs * 1000).toFixed(1)} µs per message (target < 200 µs: ${safety.avgMs < 0.2 ? 'MET' : 'NOT MET'})`);
    results.safety = safety;

    const alerts = await benchE2eAlerts(redis.url);
    console.log(
      `\nAlerts end to end (message in -> webhook out), Redis + BullMQ, ${alerts.conversations} concurrent conversations, 10% alerting, ${alerts.rounds} rounds:`,
    );
    console.log(
      `  ${alerts.alertsAccepted}/${alerts.alertsExpected} alerts delivered, duplicates ${alerts.duplicateDeliveries}, unexpected ${alerts.unexpected}, bad signatures ${alerts.badSignatures}; ${alerts.updates} update events (typed after an alert)`,
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
