/**
 * Whether a duty worker has taken a conversation over is read with the safety check's first reads (one MGET on
 * Redis), not in a round trip of its own on every turn; a take-over still takes effect on the very next message.
 */
import type { Store } from '../../../core/storage';
import { MemoryStore } from '../../../core/storage';
import { escalationKeys } from '../../../core/escalation/types';
import { hashId } from '../../../core/logging';
import { startHarness, Harness } from './harness';

/** A store that notes which keys single-key reads ask for. */
function watchingStore(): { store: Store; singleReads: string[] } {
  const inner = new MemoryStore();
  const singleReads: string[] = [];
  const store = new Proxy(inner, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver);
      if (typeof v !== 'function') return v;
      return (...args: unknown[]) => {
        if (prop === 'getJson') singleReads.push(String(args[0]));
        return (v as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  }) as Store;
  return { store, singleReads };
}

const watched = watchingStore();
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ store: watched.store });
});
afterAll(() => h.close());

it('an ordinary message does not read the take-over record on its own', async () => {
  const conv = `read-${Date.now()}`;
  await h.t.say(conv, 'hello');
  watched.singleReads.length = 0;
  const replies = await h.t.say(conv, 'what can you do');
  expect(replies.length).toBeGreaterThan(0);
  expect(watched.singleReads.filter((k) => k.startsWith('handoff:'))).toEqual([]);
});

it('a take-over written between two messages is seen by the next one: its words go to the worker, not the dialogs', async () => {
  const conv = `taken-${Date.now()}`;
  await h.t.say(conv, 'hello');
  const convKey = hashId(`test:${conv}`);
  // the record "take over" writes (here for an alert the duty channel cannot find, so passing it on fails)
  await watched.store.setJson(escalationKeys.handoff(convKey), {
    conversationKey: convKey,
    alertId: 'no-such-alert',
    workerId: 'w',
    startedAt: new Date().toISOString(),
    conversationRef: {},
  });
  const replies = await h.t.say(conv, 'what can you do');
  expect(replies.map((r) => r.text)).toEqual([h.t.app.words.t('escalation:handoff.relayFailed')]);
});
