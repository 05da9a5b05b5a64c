/**
 * Redis Store on ioredis. Every key is under a prefix. Bot state items are kept as JSON strings whose
 * eTag is checked and replaced inside one Lua script, so two Starling instances writing the same
 * conversation cannot overwrite each other: the stale one is rejected (botbuilder then retries the turn's
 * state on the next turn). Conversation state expires after the configured time-to-live.
 *
 * ioredis reconnects by itself after a Redis restart; commands issued meanwhile wait in its offline
 * queue (bounded by maxRetriesPerRequest) rather than being lost.
 */
import Redis, { RedisOptions } from 'ioredis';
import { ETagConflictError, jsonToWrite, Store, StoreItems, withStoredJson } from './types';

// State items are hashes {e: eTag, d: JSON}, so the script never decodes the JSON (cjson would turn [] into {}).
// KEYS[1] item, KEYS[2] eTag sequence; ARGV[1] expected eTag ('' = unconditional), ARGV[2] JSON, ARGV[3] ttl seconds ('0' none).
// Returns the new eTag, or false on conflict.
const WRITE_WITH_ETAG = `
if ARGV[1] ~= '' then
  local cur = redis.call('HGET', KEYS[1], 'e')
  if cur and cur ~= ARGV[1] then return false end
end
local tag = tostring(redis.call('INCR', KEYS[2]))
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'e', tag, 'd', ARGV[2])
if tonumber(ARGV[3]) > 0 then redis.call('EXPIRE', KEYS[1], tonumber(ARGV[3])) end
return tag
`;

export interface RedisStoreOptions {
  url: string;
  prefix?: string;
  stateTtlSeconds?: number;
  redisOptions?: RedisOptions;
}

export class RedisStore implements Store {
  readonly kind = 'redis' as const;
  readonly client: Redis;
  private readonly prefix: string;

  constructor(private readonly opts: RedisStoreOptions) {
    this.prefix = opts.prefix ?? 'starling:';
    this.client = new Redis(opts.url, {
      maxRetriesPerRequest: 20,
      enableOfflineQueue: true,
      // Commands issued in the same tick (by one turn, or by many conversations at once) go out in one write:
      // one syscall instead of one per command, which was the largest single cost of a turn on Redis.
      enableAutoPipelining: true,
      retryStrategy: (times) => Math.min(50 * 2 ** Math.min(times, 6), 2000),
      ...opts.redisOptions,
    });
    this.client.defineCommand('starlingWrite', { numberOfKeys: 2, lua: WRITE_WITH_ETAG });
    // Connection errors are reported by readiness and by the commands that fail; an unhandled 'error'
    // event would otherwise crash the process.
    this.client.on('error', () => undefined);
  }

  private k(key: string): string {
    return this.prefix + key;
  }

  async read(keys: string[]): Promise<StoreItems> {
    // One HMGET per key; auto-pipelining sends them (and other turns' commands) together, without the
    // weight of an explicit pipeline for what is nearly always a single key.
    const res = await Promise.all(keys.map((k) => this.client.hmget(this.k(k), 'e', 'd')));
    const out: StoreItems = {};
    keys.forEach((k, i) => {
      const [e, d] = res[i];
      if (d != null) out[k] = withStoredJson(d, e ?? undefined);
    });
    return out;
  }

  async write(changes: StoreItems): Promise<void> {
    for (const [key, item] of Object.entries(changes)) {
      const eTag = (item as { eTag?: string } | undefined)?.eTag;
      const expected = eTag && eTag !== '*' ? eTag : '';
      const ttl = key.includes('/conversations/') ? (this.opts.stateTtlSeconds ?? 0) : 0;
      const res = await (this.client as any).starlingWrite(
        this.k(key),
        this.k('_etag_seq'),
        expected,
        jsonToWrite(item),
        String(ttl),
      );
      if (res === null) throw new ETagConflictError(key);
    }
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length) await this.client.del(...keys.map((k) => this.k(k)));
  }

  async getJson<T>(key: string): Promise<T | undefined> {
    const v = await this.client.get(this.k(key));
    return v == null ? undefined : (JSON.parse(v) as T);
  }

  async getJsonMany(keys: string[]): Promise<unknown[]> {
    if (keys.length === 0) return [];
    const vals = await this.client.mget(...keys.map((k) => this.k(k)));
    return vals.map((v) => (v == null ? undefined : JSON.parse(v)));
  }

  async setJson(key: string, value: unknown, ttlSeconds?: number): Promise<void> {
    const s = JSON.stringify(value);
    if (ttlSeconds) await this.client.set(this.k(key), s, 'EX', ttlSeconds);
    else await this.client.set(this.k(key), s);
  }

  async setJsonIfAbsent(key: string, value: unknown, ttlSeconds?: number): Promise<boolean> {
    const s = JSON.stringify(value);
    const res = ttlSeconds
      ? await this.client.set(this.k(key), s, 'EX', ttlSeconds, 'NX')
      : await this.client.set(this.k(key), s, 'NX');
    return res === 'OK';
  }

  async remove(keys: string[]): Promise<void> {
    if (keys.length) await this.client.del(...keys.map((k) => this.k(k)));
  }

  async listPush(key: string, value: unknown): Promise<void> {
    await this.client.rpush(this.k(key), JSON.stringify(value));
  }

  async listRange<T>(key: string, start = 0, end = -1): Promise<T[]> {
    const vals = await this.client.lrange(this.k(key), start, end);
    return vals.map((v) => JSON.parse(v) as T);
  }

  async setAdd(key: string, member: string): Promise<void> {
    await this.client.sadd(this.k(key), member);
  }

  async setRemove(key: string, member: string): Promise<void> {
    await this.client.srem(this.k(key), member);
  }

  async setMembers(key: string): Promise<string[]> {
    return this.client.smembers(this.k(key));
  }

  /** Readiness: Redis must answer within timeoutMs (a connection in progress gets that long). */
  async ping(timeoutMs = 1000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.client.ping(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`redis did not answer within ${timeoutMs} ms (${this.client.status})`)), timeoutMs);
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    if (this.client.status !== 'ready') {
      // Not connected: QUIT would wait in the offline queue for a server that may never come back.
      this.client.disconnect();
      return;
    }
    try {
      await this.client.quit();
    } catch {
      this.client.disconnect();
    }
  }
}
