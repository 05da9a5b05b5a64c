// Tests start their own redis-server on a free loopback port; see scripts/lib/redisServer.ts.
export { startRedis, freePort } from '../../scripts/lib/redisServer';
export type { TestRedis } from '../../scripts/lib/redisServer';
