/**
 * The service as `npm start` runs it (dist/, built by `npm test`'s tsc step): starts with nothing else
 * running, serves, and stops cleanly on SIGTERM. And in-process: a turn in flight when the stop comes
 * still gets its reply.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { MemoryStore } from '../../core/storage';
import { freePort } from '../support/redis';
import { visibleText } from '../support/replySink';
import { startTestApp } from '../support/testApp';

const ROOT = path.join(__dirname, '../..');
const ENTRY = path.join(ROOT, 'dist/bot/index.js');

async function waitFor(url: string, ms = 15000): Promise<Response> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      return await fetch(url);
    } catch (e) {
      if (Date.now() > until) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

const built = existsSync(ENTRY);
(built ? describe : describe.skip)('the built service (npm start)', () => {
  it('starts on memory with nothing else running, serves, and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['--disable-warning=DEP0111', ENTRY], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, PORT: String(port), LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    try {
      const health = await waitFor(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);
      expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
      expect(out).toMatch(/authentication is OFF/);
      expect(out).toMatch(/in memory/);
      const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('refuses to start in production on memory storage, with one clear line', async () => {
    const child = spawn(process.execPath, [ENTRY], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, NODE_ENV: 'production', PORT: String(await freePort()) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    const code = await new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
    expect(code).toBe(2);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(/REDIS_URL must be set when NODE_ENV=production/);
  });

  it('stops with a one-line error for a bad setting', async () => {
    const child = spawn(process.execPath, [ENTRY], { cwd: ROOT, env: { PATH: process.env.PATH, PORT: 'abc' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    expect(await new Promise((r) => child.once('exit', r))).toBe(2);
    expect(err.trim()).toBe('Starling cannot start: PORT must be a whole number from 1 to 65535, got "abc"');
  });
});

describe('graceful stop', () => {
  it('finishes a turn in flight before closing', async () => {
    class SlowStore extends MemoryStore {
      slow = false;
      override async read(keys: string[]) {
        if (this.slow) await new Promise((r) => setTimeout(r, 400));
        return super.read(keys);
      }
    }
    const store = new SlowStore();
    const t = await startTestApp({ store });
    await t.join('stop-1');
    store.slow = true;
    const inFlight = t.say('stop-1', 'about');
    await new Promise((r) => setTimeout(r, 50));
    const closing = t.app.close();
    const replies = await inFlight;
    await closing;
    expect(visibleText(replies)).toMatch(/chatbot/i);
    await t.sink.close();
  });
});
