/**
 * Where a Starling turn's time goes. Starts Starling (memory storage, or Redis with PROFILE_REDIS=1) and the
 * bare echo bot in THIS process, and drives them from a child process (load generator + reply sink), so this
 * process's CPU is the bot's alone. Prints, for each, turns/s and the bot process's CPU time per turn
 * (process.cpuUsage: much steadier than wall-clock on a shared machine).
 *
 *   npm run build && node --cpu-prof --cpu-prof-dir=test-output/prof dist/scripts/profile-turns.js
 *   node dist/scripts/profile-summary.js test-output/prof/<file>.cpuprofile
 *
 * PROFILE_CONVERSATIONS (50), PROFILE_TURNS (40), PROFILE_ONLY=starling|echo, PROFILE_REDIS=1, PROFILE_ROUNDS (1),
 * PROFILE_INPROCESS=1 (load generator and sink in this process, as npm run bench has them),
 * PROFILE_OUT=file.cpuprofile: CPU profiles of the last round's measured runs only
 * (Starling's there, the echo bot's next to it as file.echo.cpuprofile; no start-up, no warm-up);
 * with PROFILE_HEAP=1 also sampled allocations (file.heapprofile, Chrome DevTools' Memory tab reads it).
 */
import { fork, ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { Writable } from 'node:stream';
import { parseConfig } from '../core/config';
import { createLogger } from '../core/logging';
import { createApp } from '../bot/server';
import { startEchoBot } from './lib/echoBot';
import { LoadResult, runLoad } from './lib/load';
import { startReplySink } from './lib/replySink';
import { startRedis } from './lib/redisServer';

const CONVERSATIONS = Number(process.env.PROFILE_CONVERSATIONS ?? 50);
const TURNS = Number(process.env.PROFILE_TURNS ?? 40);
const TEXTS = ['hello', 'about', 'i had a good day at school', 'what can you do', 'purple monkey dishwasher', 'menu', 'my football match was great', 'who can see this'];

interface LoadRequest {
  baseUrl: string;
  name: string;
  conversations: number;
  turns: number;
}

/** One load request, its replies caught by the sink at serviceUrl. */
function load(m: LoadRequest, serviceUrl: string): Promise<LoadResult> {
  return runLoad({
    name: m.name,
    baseUrl: m.baseUrl,
    serviceUrl,
    conversations: m.conversations,
    turnsPerConversation: m.turns,
    text: (c, i) => TEXTS[(c + i) % TEXTS.length],
  });
}

/** The child: a reply sink and the load generator, answering each request with its LoadResult. */
async function child(): Promise<void> {
  const sink = await startReplySink({ keep: false });
  process.on('message', async (m: LoadRequest | 'exit') => {
    if (m === 'exit') {
      await sink.close();
      process.exit(0);
    }
    process.send!(await load(m, sink.url));
  });
  process.send!('ready');
}

function ask(proc: ChildProcess, req: LoadRequest): Promise<LoadResult> {
  return new Promise((resolve) => {
    proc.once('message', (r) => resolve(r as LoadResult));
    proc.send(req);
  });
}

async function measure(proc: ChildProcess, name: string, baseUrl: string, profileTo?: string): Promise<{ r: LoadResult; cpuUsPerTurn: number; sysUsPerTurn: number }> {
  await ask(proc, { baseUrl, name: `${name}-warmup`, conversations: 10, turns: 10 });
  const session = profileTo ? new Session() : undefined;
  if (session) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
    if (process.env.PROFILE_HEAP) await session.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  }
  const before = process.cpuUsage();
  const r = await ask(proc, { baseUrl, name, conversations: CONVERSATIONS, turns: TURNS });
  const used = process.cpuUsage(before);
  if (session) {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(profileTo!, JSON.stringify(profile));
    if (process.env.PROFILE_HEAP) {
      const { profile: heap } = await session.post('HeapProfiler.stopSampling');
      writeFileSync(profileTo!.replace(/\.cpuprofile$/, '') + '.heapprofile', JSON.stringify(heap));
    }
    session.disconnect();
  }
  // the join (conversationUpdate) of each conversation is a turn too
  const cpuUsPerTurn = (used.user + used.system) / (r.turns + CONVERSATIONS);
  const sysUsPerTurn = used.system / (r.turns + CONVERSATIONS);
  return { r, cpuUsPerTurn, sysUsPerTurn };
}

/** PROFILE_INPROCESS=1: the load generator and sink in this same process, as in npm run bench. */
async function inProcessDriver(): Promise<ChildProcess> {
  const sink = await startReplySink({ keep: false });
  const listeners: ((m: unknown) => void)[] = [];
  const fake = {
    once: (_e: string, f: (m: unknown) => void) => listeners.push(f),
    send: (m: LoadRequest | 'exit') => {
      if (m === 'exit') return void sink.close();
      void load(m, sink.url).then((r) => listeners.splice(0).forEach((f) => f(r)));
    },
  };
  return fake as unknown as ChildProcess;
}

async function main(): Promise<void> {
  let proc: ChildProcess;
  if (process.env.PROFILE_INPROCESS === '1') proc = await inProcessDriver();
  else {
    proc = fork(__filename, ['child'], { execArgv: [] });
    await new Promise((r) => proc.once('message', r));
  }
  const only = process.env.PROFILE_ONLY;
  const rows: string[] = [];
  const line = (name: string, m: { r: LoadResult; cpuUsPerTurn: number; sysUsPerTurn: number }) =>
    `${name.padEnd(10)} ${m.r.turnsPerSecond.toFixed(0).padStart(5)} turns/s  p50 ${m.r.p50.toFixed(1)} ms  p99 ${m.r.p99.toFixed(1)} ms  cpu ${m.cpuUsPerTurn.toFixed(0)} µs/turn (system ${m.sysUsPerTurn.toFixed(0)})  errors ${m.r.errors}`;
  const rounds = Number(process.env.PROFILE_ROUNDS ?? 1);
  const echo = only !== 'starling' ? await startEchoBot() : undefined;
  const redis = only !== 'echo' && process.env.PROFILE_REDIS === '1' ? await startRedis() : undefined;
  // PROFILE_LOG_LEVEL=info: log as production does (into a sink that drops the lines); silent by default, as in the bench
  const quiet = createLogger({ level: process.env.PROFILE_LOG_LEVEL ?? 'silent', destination: new Writable({ write: (_c, _e, cb) => cb() }) });
  const env: Record<string, string> = { ID_HASH_SECRET: 'bench', ...(redis ? { REDIS_URL: redis.url } : {}) };
  const app = only !== 'echo' ? await createApp({ config: parseConfig(env), log: quiet, reminders: false }) : undefined;
  const url = app ? await app.listen(0, '127.0.0.1') : undefined;
  const name = redis ? 'redis' : 'memory';
  const ratios: { wall: number; cpu: number }[] = [];
  for (let round = 0; round < rounds; round++) {
    const last = round === rounds - 1 && process.env.PROFILE_OUT;
    const e = echo ? await measure(proc, 'echo', echo.url, last ? last.replace(/(\.cpuprofile)?$/, '.echo.cpuprofile') : undefined) : undefined;
    if (e) rows.push(line('echo', e));
    // the profile, if asked for, is of the last round's Starling run
    const m = url ? await measure(proc, name, url, last || undefined) : undefined;
    if (m) rows.push(line(name, m) + (e ? `  (${((100 * m.r.turnsPerSecond) / e.r.turnsPerSecond).toFixed(0)}% of echo's turns/s, ${(m.cpuUsPerTurn / e.cpuUsPerTurn).toFixed(2)}x its cpu)` : ''));
    if (e && m) ratios.push({ wall: m.r.turnsPerSecond / e.r.turnsPerSecond, cpu: m.cpuUsPerTurn / e.cpuUsPerTurn });
  }
  if (ratios.length > 1) {
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    rows.push(
      `median of ${ratios.length} rounds: ${name} at ${(100 * med(ratios.map((r) => r.wall))).toFixed(0)}% of echo's turns/s, ${med(ratios.map((r) => r.cpu)).toFixed(2)}x its cpu per turn`,
    );
  }
  await echo?.close();
  await app?.close();
  await redis?.stop();
  proc.send('exit');
  console.log(rows.join('\n'));
}

if (process.argv[2] === 'child') {
  void child();
} else {
  main().then(
    () => process.exit(0),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
