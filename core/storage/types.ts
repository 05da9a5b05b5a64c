/**
 * One storage interface, two backings (memory and Redis).
 *
 * The first three methods have the shape of botbuilder's `Storage`, so conversation and user state
 * use a Store directly, with the same eTag rule: a write whose eTag is set and not "*" succeeds only
 * when it matches the stored item's eTag; a stale write is rejected, never silently overwrites.
 *
 * The rest serve Starling's own records (check-ins, alerts, audit): JSON documents, append-only lists
 * and sets used as indexes. This file imports nothing from botbuilder.
 */

export interface StoreItem {
  eTag?: string;
  [key: string]: unknown;
}
export type StoreItems = Record<string, any>;

/**
 * Bot state items read from a Store carry, under this (non-enumerable) key, the JSON text of their content
 * without the eTag, exactly as stored: a change check can compare against it instead of serialising the
 * item again. Nothing else sees it (JSON, spreads and Object.keys skip non-enumerable symbol keys).
 */
export const STORED_JSON = Symbol.for('starling.storage.storedJson');

/** Marks a freshly parsed bot state item with the JSON text it came from (see STORED_JSON). */
export function withStoredJson(json: string, eTag: string | undefined): Record<string, unknown> {
  const parsed = JSON.parse(json);
  const item = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : { ...parsed };
  if (eTag !== undefined) item.eTag = eTag;
  Object.defineProperty(item, STORED_JSON, { value: json, enumerable: false });
  return item;
}

/**
 * A bot state item about to be written may carry, under this (non-enumerable) key, its JSON text without the eTag,
 * just computed by the writer for its own change check (bot/starlingBot.ts): the store writes that text instead of
 * serialising the item a second time. Only the writer that computed it, right before the write, may set it.
 */
export const WRITE_JSON = Symbol.for('starling.storage.writeJson');

/** The JSON text a store keeps for a bot state item: the writer's fresh text when given, else the item without its eTag. */
export function jsonToWrite(item: Record<string, unknown> | undefined): string {
  const given = item ? (item as { [WRITE_JSON]?: unknown })[WRITE_JSON] : undefined;
  if (typeof given === 'string') return given;
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { eTag, ...rest } = (item ?? {}) as { eTag?: string };
  return JSON.stringify(rest);
}

export class ETagConflictError extends Error {
  constructor(public readonly key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
    this.name = 'ETagConflictError';
  }
}

export interface Store {
  readonly kind: 'memory' | 'redis';

  // --- botbuilder Storage shape ---
  read(keys: string[]): Promise<StoreItems>;
  write(changes: StoreItems): Promise<void>;
  delete(keys: string[]): Promise<void>;

  // --- documents ---
  getJson<T>(key: string): Promise<T | undefined>;
  /** Several documents in one go (one MGET on Redis), in the order of keys; undefined where there is none. */
  getJsonMany(keys: string[]): Promise<unknown[]>;
  /** Writes a document; with ttlSeconds it expires by itself. */
  setJson(key: string, value: unknown, ttlSeconds?: number): Promise<void>;
  /** Writes only if no document is at key yet. Returns true when it wrote. */
  setJsonIfAbsent(key: string, value: unknown, ttlSeconds?: number): Promise<boolean>;
  /** Removes documents, lists and sets alike. */
  remove(keys: string[]): Promise<void>;

  // --- append-only lists ---
  listPush(key: string, value: unknown): Promise<void>;
  /** Items from start to end inclusive (negative counts from the end, as in Redis LRANGE). */
  listRange<T>(key: string, start?: number, end?: number): Promise<T[]>;

  // --- sets (indexes) ---
  setAdd(key: string, member: string): Promise<void>;
  setRemove(key: string, member: string): Promise<void>;
  setMembers(key: string): Promise<string[]>;

  /** Resolves when the backing answers; rejects when it does not (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
