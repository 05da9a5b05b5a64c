import { MemoryStore, RedisStore } from '../../core/storage';
import { startRedis, TestRedis } from '../support/redis';
import { buttonTitles, startReplySink, visibleText } from '../support/replySink';
import { startTestApp, TestApp } from '../support/testApp';

describe('Starling over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('says who it is, that it is not an emergency service, what to do in one, and offers a menu', async () => {
    const replies = await t.join('welcome-1');
    const text = visibleText(replies);
    expect(text).toMatch(/chatbot, not a (real )?person/i);
    expect(text).toMatch(/not an emergency service|not for emergencies/i);
    expect(text).toContain('999');
    expect(text).toMatch(/111[^\n]*mental health option/i);
    expect(buttonTitles(replies).length).toBeGreaterThanOrEqual(2);
    expect(buttonTitles(replies)).toContain('Get help now');
  });

  it('answers input it does not understand with what it can do, never a dead end', async () => {
    await t.join('confused-1');
    const replies = await t.say('confused-1', 'purple monkey dishwasher');
    expect(visibleText(replies)).toMatch(/didn.t (quite )?get that/i);
    expect(buttonTitles(replies).length).toBeGreaterThanOrEqual(2);
  });

  it('gives the help routes when asked for help, typed or pressed', async () => {
    await t.join('help-1');
    const typed = visibleText(await t.say('help-1', 'help'));
    expect(typed).toContain('999');
    const pressed = visibleText(await t.press('help-1', { kind: 'nav', intent: 'help' }));
    expect(pressed).toContain('999');
  });

  it('explains who sees what when asked "who can see this"', async () => {
    await t.join('about-1');
    const text = visibleText(await t.say('about-1', 'who can see this?'));
    expect(text).toMatch(/chatbot/i);
    expect(text).toMatch(/delete/i);
  });

  it('rejects malformed, non-JSON and oversized bodies with a short reason, and keeps running', async () => {
    const notJson = await t.post('{"type": "message", ', 'application/json');
    expect(notJson.status).toBe(400);
    const plain = await t.post('hello', 'text/plain');
    expect(plain.status).toBe(400);
    expect(plain.body).toMatch(/JSON object/);
    const missing = await t.post({ type: 'message', text: 'hi' });
    expect(missing.status).toBe(400);
    expect(JSON.parse(missing.body).error).toBe('activity field "channelId" is missing or not valid');
    const array = await t.post([1, 2, 3]);
    expect(array.status).toBe(400);
    const huge = await t.post({ type: 'message', text: 'x'.repeat(300 * 1024) });
    expect(huge.status).toBe(413);
    const health = await fetch(`${t.url}/healthz`);
    expect(health.status).toBe(200);
  });

  it('answers a very long message kindly, having read it all', async () => {
    await t.join('long-1');
    const replies = await t.say('long-1', 'blah '.repeat(2000));
    expect(visibleText(replies)).toMatch(/long message/i);
  });

  it('reports liveness and readiness', async () => {
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${t.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', storage: 'memory' });
  });
});

describe('when a turn fails', () => {
  it('tells the young person kindly, with help routes, and keeps serving', async () => {
    class FlakyStore extends MemoryStore {
      failNext = false;
      override async read(keys: string[]) {
        if (this.failNext) {
          this.failNext = false;
          throw new Error('storage exploded');
        }
        return super.read(keys);
      }
    }
    const store = new FlakyStore();
    const t = await startTestApp({ store });
    try {
      await t.join('fail-1');
      store.failNext = true;
      const replies = await t.say('fail-1', 'hello');
      const text = visibleText(replies);
      expect(text).toMatch(/something went wrong on my side/i);
      expect(text).toContain('999');
      expect(t.logs.join('')).toMatch(/turn failed/);
      const after = await t.say('fail-1', 'help');
      expect(visibleText(after)).toContain('999');
    } finally {
      await t.close();
    }
  });
});

describe('logs', () => {
  it('never contain what a young person wrote, even at trace level', async () => {
    const t = await startTestApp({ logLevel: 'trace' });
    const marker = 'ZEBRAMARKER' + Date.now();
    try {
      await t.join('privacy-1');
      await t.say('privacy-1', `my name is ${marker} and I feel ok`);
      await t.press('privacy-1', { kind: 'mystar.comment', comment: `${marker} again`, nickname: marker });
      await t.say('privacy-1', `I want to kill myself ${marker}`);
      await t.say('privacy-1', 'x'.repeat(5000) + marker);
      const all = t.logs.join('');
      expect(t.logs.length).toBeGreaterThan(5);
      expect(all).not.toContain(marker);
      expect(all).not.toContain('privacy-1'); // conversation ids are hashed too
    } finally {
      await t.close();
    }
  });
});

describe('two Starling instances on one Redis', () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis.stop();
  });

  it('serve one conversation alternately without losing where it was', async () => {
    const sink = await startReplySink();
    const env = { REDIS_URL: redis.url };
    const a = await startTestApp({ env, sink });
    const b = await startTestApp({ env, sink });
    try {
      await a.join('shared-1');
      // b picks up the menu a left open: "about" is answered and the menu comes back
      const fromB = await b.say('shared-1', 'about');
      expect(visibleText(fromB)).toMatch(/chatbot/i);
      const fromA = await a.say('shared-1', 'purple monkey dishwasher');
      expect(visibleText(fromA)).toMatch(/didn.t (quite )?get that/i);
      expect(a.app.store).toBeInstanceOf(RedisStore);
    } finally {
      await a.close();
      await b.close();
      await sink.close();
    }
  });

  it('is not ready while Redis is unreachable', async () => {
    const t = await startTestApp({ env: { REDIS_URL: 'redis://127.0.0.1:1' } });
    try {
      const ready = await fetch(`${t.url}/readyz`);
      expect(ready.status).toBe(503);
    } finally {
      await t.close();
    }
  });
});
