/** What a young person types after an alert reaches the duty worker, on Redis with the BullMQ queue (see followUps.suite.ts). */
import { RedisStore } from '../../../core/storage';
import { startRedis } from '../../support/redis';
import { followUpSuite } from './followUps.suite';

followUpSuite({
  setup: async () => {
    const redis = await startRedis();
    const prefix = `f${Math.random().toString(36).slice(2, 8)}:`;
    return {
      env: { REDIS_URL: redis.url, REDIS_KEY_PREFIX: prefix },
      store: new RedisStore({ url: redis.url, prefix }),
      teardown: () => redis.stop(),
    };
  },
});
