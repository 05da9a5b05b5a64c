/**
 * In-memory Store: for trying Starling out and for tests. Everything is lost on restart.
 * Values are kept as JSON text, as Redis keeps them: a reader always gets its own copy, with the same
 * JSON semantics as on Redis (a Date comes back as its ISO string), and a JSON round trip costs less than
 * structuredClone on every read and write.
 */
import { ETagConflictError, jsonToWrite, Store, StoreItems, withStoredJson } from './types';

interface Entry {
  /** JSON text (undefined for a stored undefined) */
  json: string | undefined;
  /** bot state items (written by write()): their eTag, kept beside the JSON of the rest, as Redis keeps them */
  eTag?: string;
  expiresAt?: number;
}

const toJson = (v: unknown): string | undefined => (v === undefined ? undefined : JSON.stringify(v));
const fromJson = <T>(json: string | undefined): T => (json === undefined ? undefined : JSON.parse(json)) as T;

export class MemoryStore implements Store {
  readonly kind = 'memory' as const;
  private docs = new Map<string, Entry>();
  private lists = new Map<string, string[]>();
  private sets = new Map<string, Set<string>>();
  private etag = 0;

  constructor(private readonly opts: { stateTtlSeconds?: number; now?: () => number } = {}) {}

  private now(): number {
    return this.opts.now ? this.opts.now() : Date.now();
  }

  private live(key: string): Entry | undefined {
    const e = this.docs.get(key);
    if (e && e.expiresAt !== undefined && e.expiresAt <= this.now()) {
      this.docs.delete(key);
      return undefined;
    }
    return e;
  }

  async read(keys: string[]): Promise<StoreItems> {
    const out: StoreItems = {};
    for (const k of keys) {
      const e = this.live(k);
      if (e) out[k] = e.eTag !== undefined && e.json !== undefined ? withStoredJson(e.json, e.eTag) : fromJson(e.json);
    }
    return out;
  }

  async write(changes: StoreItems): Promise<void> {
    // Check every eTag first so a batch is all-or-nothing.
    for (const [k, item] of Object.entries(changes)) {
      const old = this.live(k);
      const tag = item?.eTag;
      if (old && tag && tag !== '*' && old.eTag !== tag) throw new ETagConflictError(k);
    }
    for (const [k, item] of Object.entries(changes)) {
      const ttl = k.includes('/conversations/') ? this.opts.stateTtlSeconds : undefined;
      const eTag = String(++this.etag);
      this.docs.set(k, {
        json: jsonToWrite(item),
        eTag,
        expiresAt: ttl ? this.now() + ttl * 1000 : undefined,
      });
    }
  }

  async delete(keys: string[]): Promise<void> {
    for (const k of keys) this.docs.delete(k);
  }

  async getJson<T>(key: string): Promise<T | undefined> {
    return fromJson<T | undefined>(this.live(key)?.json);
  }

  async getJsonMany(keys: string[]): Promise<unknown[]> {
    return keys.map((k) => fromJson(this.live(k)?.json));
  }

  async setJson(key: string, value: unknown, ttlSeconds?: number): Promise<void> {
    this.docs.set(key, { json: toJson(value), expiresAt: ttlSeconds ? this.now() + ttlSeconds * 1000 : undefined });
  }

  async setJsonIfAbsent(key: string, value: unknown, ttlSeconds?: number): Promise<boolean> {
    if (this.live(key)) return false;
    await this.setJson(key, value, ttlSeconds);
    return true;
  }

  async remove(keys: string[]): Promise<void> {
    for (const k of keys) {
      this.docs.delete(k);
      this.lists.delete(k);
      this.sets.delete(k);
    }
  }

  async listPush(key: string, value: unknown): Promise<void> {
    const l = this.lists.get(key) ?? [];
    // undefined is not JSON: an item pushed as undefined reads back as null
    l.push(toJson(value) ?? 'null');
    this.lists.set(key, l);
  }

  async listRange<T>(key: string, start = 0, end = -1): Promise<T[]> {
    const l = this.lists.get(key) ?? [];
    const n = l.length;
    const s = start < 0 ? Math.max(0, n + start) : start;
    const e = end < 0 ? n + end : Math.min(end, n - 1);
    return l.slice(s, e + 1).map((j) => JSON.parse(j) as T);
  }

  async setAdd(key: string, member: string): Promise<void> {
    const s = this.sets.get(key) ?? new Set<string>();
    s.add(member);
    this.sets.set(key, s);
  }

  async setRemove(key: string, member: string): Promise<void> {
    this.sets.get(key)?.delete(member);
  }

  async setMembers(key: string): Promise<string[]> {
    return [...(this.sets.get(key) ?? [])];
  }

  async ping(): Promise<void> {}
  async close(): Promise<void> {}
}
