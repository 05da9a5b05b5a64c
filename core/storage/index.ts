import { MemoryStore } from './memory';
import { RedisStore } from './redis';
import type { Store } from './types';

export * from './types';
export { MemoryStore, RedisStore };

/** Picks the backing from configuration: Redis when REDIS_URL is set, memory otherwise. */
export function createStore(cfg: { REDIS_URL?: string; REDIS_KEY_PREFIX: string; CONVERSATION_TTL_DAYS: number }): Store {
  const stateTtlSeconds = cfg.CONVERSATION_TTL_DAYS * 86400;
  return cfg.REDIS_URL
    ? new RedisStore({ url: cfg.REDIS_URL, prefix: cfg.REDIS_KEY_PREFIX, stateTtlSeconds })
    : new MemoryStore({ stateTtlSeconds });
}
