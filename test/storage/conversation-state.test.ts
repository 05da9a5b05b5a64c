/**
 * Starling's conversation state (bot/starlingBot.ts): botbuilder's rules, kept. State is read once per turn
 * (or read ahead as the turn arrives), saved only when something changed, and survives to the next turn.
 */
import { TestAdapter, TurnContext } from 'botbuilder';
import { MemoryStore, RedisStore, Store, StoreItems } from '../../core/storage';
import { StarlingConversationState } from '../../bot/starlingBot';
import { startRedis, TestRedis } from '../support/redis';

let redis: TestRedis;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis.stop();
});

const stores: Store[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

const backings: [string, () => Store][] = [
  ['memory', () => new MemoryStore()],
  ['redis', () => new RedisStore({ url: redis.url, prefix: `cs${Math.random().toString(36).slice(2)}:` })],
];

function counting(make: () => Store = () => new MemoryStore()) {
  const store = make();
  stores.push(store);
  const calls = { read: 0, write: 0 };
  const read = store.read.bind(store);
  const write = store.write.bind(store);
  store.read = async (keys: string[]) => {
    calls.read++;
    return read(keys);
  };
  store.write = async (changes: StoreItems) => {
    calls.write++;
    return write(changes);
  };
  return { store, calls };
}

const turn = () =>
  new TurnContext(new TestAdapter(), {
    type: 'message',
    channelId: 'test',
    conversation: { id: 'conv-1' } as any,
    from: { id: 'user-1' } as any,
    recipient: { id: 'bot' } as any,
    text: 'hi',
  });

describe.each(backings)('conversation state on %s', (_name, make) => {
  it('keeps what a turn changed for the next turn, and writes nothing when a turn changed nothing', async () => {
    const { store, calls } = counting(make);
    const state = new StarlingConversationState(store);
    const step = state.createProperty<number>('step');

    const t1 = turn();
    await step.set(t1, 1);
    await state.saveChanges(t1);
    expect(calls.write).toBe(1);

    const t2 = turn();
    expect(await step.get(t2)).toBe(1);
    await state.saveChanges(t2);
    expect(calls.write).toBe(1); // read, nothing changed: no write

    const t3 = turn();
    await step.set(t3, 2);
    await state.saveChanges(t3);
    expect(calls.write).toBe(2);
    expect(await step.get(turn())).toBe(2);

    const t4 = turn();
    await step.get(t4);
    await state.saveChanges(t4, true); // forced: written even though unchanged
    expect(calls.write).toBe(3);
  });

  it('notices a change deep inside the state, and nothing when a turn only reads it', async () => {
    const { store, calls } = counting(make);
    const state = new StarlingConversationState(store);
    const deep = state.createProperty<{ stack: { id: string; n: number[] }[] }>('deep');
    const t1 = turn();
    await deep.set(t1, { stack: [{ id: 'a', n: [1, 2] }] });
    await state.saveChanges(t1);
    const t2 = turn();
    expect((await deep.get(t2))?.stack[0].n).toEqual([1, 2]);
    await state.saveChanges(t2);
    expect(calls.write).toBe(1);
    const t3 = turn();
    (await deep.get(t3))!.stack[0].n.push(3);
    await state.saveChanges(t3);
    expect(calls.write).toBe(2);
    expect((await deep.get(turn()))?.stack[0].n).toEqual([1, 2, 3]);
  });
});

describe('conversation state, read ahead', () => {

  it('uses the state read ahead as the turn arrived, reading it once', async () => {
    const { store, calls } = counting();
    const state = new StarlingConversationState(store);
    const step = state.createProperty<number>('step');
    const t1 = turn();
    await step.set(t1, 7);
    await state.saveChanges(t1);

    const t2 = turn();
    const before = calls.read;
    state.readAhead(t2);
    state.readAhead(t2);
    const [a, b] = await Promise.all([step.get(t2), step.get(t2)]);
    expect([a, b]).toEqual([7, 7]);
    expect(calls.read - before).toBe(1);
  });

  it('drops a read-ahead when the turn clears or deletes its state first', async () => {
    const { store } = counting();
    const state = new StarlingConversationState(store);
    const step = state.createProperty<number>('step');
    const t1 = turn();
    await step.set(t1, 5);
    await state.saveChanges(t1);

    const t2 = turn();
    state.readAhead(t2);
    await state.clear(t2);
    expect(await step.get(t2)).toBeUndefined();

    const t3 = turn();
    state.readAhead(t3);
    await state.delete(t3);
    expect(await step.get(t3)).toBeUndefined();
    expect(await step.get(turn())).toBeUndefined();
  });

  it('a stale read-ahead is never written back over a newer state', async () => {
    const { store } = counting();
    const state = new StarlingConversationState(store);
    const step = state.createProperty<number>('step');
    const t1 = turn();
    await step.set(t1, 1);
    await state.saveChanges(t1);

    // the turn reads ahead, then forces a fresh read: it sees the newer state another turn saved meanwhile
    const t2 = turn();
    state.readAhead(t2);
    const other = turn();
    await step.set(other, 2);
    await state.saveChanges(other);
    await state.load(t2, true);
    expect(await step.get(t2)).toBe(2);
  });
});
