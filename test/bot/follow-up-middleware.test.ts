/**
 * The safety middleware's side of follow-ups: only a flagged conversation passes later typed messages to the alert
 * route; the young person's reply never waits for it or fails with it; and what they wrote never reaches the logs.
 */
import type { FollowUpMessage } from '../../bot/middleware/safety';
import type { Store } from '../../core/storage';
import { MemoryStore } from '../../core/storage';
import { recordingAlerts } from '../support/alerts';
import { visibleText } from '../support/replySink';
import { startTestApp, TestApp } from '../support/testApp';

/** A store that counts every call a turn makes to it. */
function countingStore(): { store: Store; calls: () => number } {
  const inner = new MemoryStore();
  let n = 0;
  const store = new Proxy(inner, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver);
      if (typeof v !== 'function') return v;
      return (...args: unknown[]) => {
        n++;
        return (v as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  }) as Store;
  return { store, calls: () => n };
}

const alerts = recordingAlerts();
const followed: FollowUpMessage[] = [];
let behaviour: 'record' | 'hang' | 'throw' | 'reject' = 'record';
alerts.followUp = async (m) => {
  if (behaviour === 'hang') return new Promise<void>(() => undefined);
  if (behaviour === 'throw') throw new Error('storage is down');
  if (behaviour === 'reject') return Promise.reject(new Error('storage is down'));
  followed.push(m);
};

const counted = countingStore();
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ alerts, store: counted.store, logLevel: 'debug' });
});
afterAll(() => t.close());
beforeEach(() => {
  alerts.reset();
  followed.length = 0;
  behaviour = 'record';
});

it('in a conversation with no alert, later messages go nowhere, and cost the same store calls as with no follow-up route', async () => {
  await t.join('calm-1');
  await t.say('calm-1', 'hello');
  const before = counted.calls();
  await t.say('calm-1', 'i like football');
  const withRoute = counted.calls() - before;
  expect(followed).toEqual([]);

  const saved = alerts.followUp;
  alerts.followUp = undefined;
  try {
    await t.join('calm-2');
    await t.say('calm-2', 'hello');
    const before2 = counted.calls();
    await t.say('calm-2', 'i like football');
    expect(counted.calls() - before2).toBe(withRoute);
  } finally {
    alerts.followUp = saved;
  }
});

it('after an alert, each typed message that raises none goes to the route with what the check made of it', async () => {
  await t.join('flagged-1');
  await t.say('flagged-1', 'my uncle touches me');
  expect(alerts.raised).toHaveLength(1);
  await t.say('flagged-1', 'he does it when mum is at work');
  await t.say('flagged-1', 'i feel worthless');
  // a button press is not something they wrote
  await t.say('flagged-1', '', { kind: 'nav', intent: 'menu' });
  await new Promise((r) => setTimeout(r, 50));
  expect(followed.map((f) => [f.text, f.level])).toEqual([
    ['he does it when mum is at work', 'none'],
    ['i feel worthless', 'concern'],
  ]);
  expect(followed[1].reasons.join(' ')).toMatch(/worthless or numb/);
  expect(new Set(followed.map((f) => f.conversationKey)).size).toBe(1);
  // a message that raises an alert of its own is that alert's, not a follow-up
  await t.say('flagged-1', 'he hits me sometimes');
  expect(alerts.raised).toHaveLength(2);
  expect(followed).toHaveLength(2);
});

it.each(['hang', 'throw', 'reject'] as const)('a follow-up route that %ss never holds up or stops the reply, and the log has no words', async (how) => {
  await t.join(`flagged-${how}`);
  await t.say(`flagged-${how}`, 'my uncle touches me');
  behaviour = how;
  const started = Date.now();
  const reply = visibleText(await t.say(`flagged-${how}`, 'what can i do about it'));
  expect(Date.now() - started).toBeLessThan(2000);
  expect(reply.length).toBeGreaterThan(0);
  await new Promise((r) => setTimeout(r, 50));
  const logs = t.logs.join('');
  if (how !== 'hang') expect(logs).toMatch(/follow-up could not be added to the open alert/);
  expect(logs).not.toContain('what can i do about it');
  expect(logs).not.toContain('uncle');
});
