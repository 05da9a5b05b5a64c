import { MemoryStore, RedisStore, Store, ETagConflictError, WRITE_JSON } from '../../core/storage';
import { startRedis, TestRedis } from '../support/redis';

let redis: TestRedis;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis.stop();
});

const backings: [string, () => Store][] = [
  ['memory', () => new MemoryStore({ stateTtlSeconds: 60 })],
  ['redis', () => new RedisStore({ url: redis.url, prefix: `t${Math.random().toString(36).slice(2)}:`, stateTtlSeconds: 60 })],
];

describe.each(backings)('%s store', (_name, make) => {
  let store: Store;
  beforeEach(() => {
    store = make();
  });
  afterEach(async () => {
    await store.close();
  });

  it('keeps bot state, including empty arrays and nested objects', async () => {
    await store.write({ 'web/conversations/c1/': { dialogStack: [], profile: { band: '12-15', areas: [1, 2] } } });
    const got = await store.read(['web/conversations/c1/', 'missing']);
    expect(got['web/conversations/c1/'].dialogStack).toEqual([]);
    expect(got['web/conversations/c1/'].profile).toEqual({ band: '12-15', areas: [1, 2] });
    expect(typeof got['web/conversations/c1/'].eTag).toBe('string');
    expect(got.missing).toBeUndefined();
  });

  it('rejects a stale write instead of overwriting a newer one', async () => {
    await store.write({ k: { n: 1 } });
    const first = (await store.read(['k'])).k;
    const second = (await store.read(['k'])).k;
    await store.write({ k: { ...first, n: 2 } });
    await expect(store.write({ k: { ...second, n: 3 } })).rejects.toBeInstanceOf(ETagConflictError);
    expect((await store.read(['k'])).k.n).toBe(2);
  });

  it('accepts "*" and missing eTags as unconditional writes', async () => {
    await store.write({ k: { n: 1 } });
    await store.write({ k: { n: 2, eTag: '*' } });
    await store.write({ k: { n: 3 } });
    expect((await store.read(['k'])).k.n).toBe(3);
  });

  it('writes a state changed after it was read as it is now, never the text it was read from', async () => {
    await store.write({ k: { n: 1, list: ['a'] } });
    const item = (await store.read(['k'])).k;
    item.n = 2;
    item.list.push('b');
    await store.write({ k: item });
    const got = (await store.read(['k'])).k;
    expect(got.n).toBe(2);
    expect(got.list).toEqual(['a', 'b']);
  });

  it("stores the writer's own fresh text of the state when it hands one over (no second serialisation), and keeps no trace of it", async () => {
    // the text wins over the object: the writer (StarlingConversationState) computes it from this very state just before
    const item: Record<string, unknown> = { n: 5, eTag: '*' };
    Object.defineProperty(item, WRITE_JSON, { value: JSON.stringify({ n: 6 }), configurable: true, enumerable: false });
    await store.write({ k: item });
    const got = (await store.read(['k'])).k;
    expect(got.n).toBe(6);
    expect(Object.getOwnPropertySymbols(got)).not.toContain(WRITE_JSON);
  });

  it('deletes state', async () => {
    await store.write({ a: { n: 1 } });
    await store.delete(['a']);
    expect(await store.read(['a'])).toEqual({});
  });

  it('keeps documents, lists and sets, and removes them', async () => {
    await store.setJson('doc', { a: [1, { b: 2 }] });
    expect(await store.getJson('doc')).toEqual({ a: [1, { b: 2 }] });
    expect(await store.setJsonIfAbsent('doc', { x: 1 })).toBe(false);
    expect(await store.setJsonIfAbsent('doc2', { x: 1 })).toBe(true);
    await store.listPush('l', { i: 1 });
    await store.listPush('l', { i: 2 });
    await store.listPush('l', { i: 3 });
    expect(await store.listRange('l')).toEqual([{ i: 1 }, { i: 2 }, { i: 3 }]);
    expect(await store.listRange('l', -2)).toEqual([{ i: 2 }, { i: 3 }]);
    await store.setAdd('s', 'x');
    await store.setAdd('s', 'y');
    await store.setAdd('s', 'x');
    expect((await store.setMembers('s')).sort()).toEqual(['x', 'y']);
    await store.setRemove('s', 'x');
    expect(await store.setMembers('s')).toEqual(['y']);
    await store.remove(['doc', 'l', 's']);
    expect(await store.getJson('doc')).toBeUndefined();
    expect(await store.listRange('l')).toEqual([]);
    expect(await store.setMembers('s')).toEqual([]);
  });

  it('reads several documents in one go, in order, with undefined where there is none', async () => {
    await store.setJson('d1', { a: 1 });
    await store.setJson('d3', ['x', 'y']);
    expect(await store.getJsonMany(['d1', 'd2', 'd3'])).toEqual([{ a: 1 }, undefined, ['x', 'y']]);
    expect(await store.getJsonMany([])).toEqual([]);
  });

  it('gives every reader its own copy: changing what was read changes nothing stored', async () => {
    await store.setJson('doc', { a: [1] });
    (((await store.getJson('doc')) as { a: number[] }).a).push(2);
    ((await store.getJsonMany(['doc']))[0] as { a: number[] }).a.push(3);
    expect(await store.getJson('doc')).toEqual({ a: [1] });
    await store.write({ st: { list: [1] } });
    (await store.read(['st'])).st.list.push(2);
    expect((await store.read(['st'])).st.list).toEqual([1]);
    await store.listPush('l', { i: 1 });
    (await store.listRange<{ i: number }>('l'))[0].i = 9;
    expect(await store.listRange('l')).toEqual([{ i: 1 }]);
  });

  it('answers readiness', async () => {
    await expect(store.ping()).resolves.toBeUndefined();
  });
});

describe('redis store', () => {
  it('gives conversation state a time-to-live and keeps user state', async () => {
    const store = new RedisStore({ url: redis.url, prefix: 'ttl:', stateTtlSeconds: 123 });
    await store.write({ 'web/conversations/c/': { a: 1 }, 'web/users/u/': { b: 1 } });
    const ttlConv = await store.client.ttl('ttl:web/conversations/c/');
    const ttlUser = await store.client.ttl('ttl:web/users/u/');
    expect(ttlConv).toBeGreaterThan(100);
    expect(ttlUser).toBe(-1);
    await store.close();
  });

  it('lets two instances serve one conversation alternately without losing state', async () => {
    const a = new RedisStore({ url: redis.url, prefix: 'shared:' });
    const b = new RedisStore({ url: redis.url, prefix: 'shared:' });
    const key = 'web/conversations/alt/';
    for (let turn = 0; turn < 6; turn++) {
      const s = turn % 2 ? a : b;
      const cur = (await s.read([key]))[key] ?? { turns: [] };
      await s.write({ [key]: { ...cur, turns: [...cur.turns, turn] } });
    }
    expect((await a.read([key]))[key].turns).toEqual([0, 1, 2, 3, 4, 5]);
    await a.close();
    await b.close();
  });

  it('carries on after Redis restarts, without losing a write made after it', async () => {
    const store = new RedisStore({ url: redis.url, prefix: 'restart:' });
    await store.setJson('before', 1);
    await redis.restart();
    await store.setJson('after', 2); // queued by ioredis until the server is back
    expect(await store.getJson('after')).toBe(2);
    await store.close();
  });
});
