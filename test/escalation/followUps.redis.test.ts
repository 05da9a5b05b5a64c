/**
 * Follow-up notices on Redis: the BullMQ queue sends the first update at once and the one at the end of the window
 * as a delayed job, once however many messages ask for it; nothing in Redis holds the words in plain.
 */
import Redis from 'ioredis';
import { startWebhookSink } from '../../scripts/support/webhookSink';
import { startRedis, TestRedis } from '../support/redis';
import { dumpRedis, eventually, redisEscalation, sampleInput, SECRET } from './helpers';

let redis: TestRedis;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis.stop();
});

it('one update at once, one delayed to the end of the window with all of them, nothing in plain in Redis', async () => {
  const sink = await startWebhookSink({ secret: SECRET });
  const prefix = `fu${Math.random().toString(36).slice(2, 8)}:`;
  const { esc, store } = redisEscalation({
    redisUrl: redis.url,
    prefix,
    sinkUrl: sink.url,
    env: { ALERT_WEBHOOK_TIMEOUT_MS: '1000' },
    tuning: { followUpNoticeEveryMs: 800, queueName: `fu-${prefix.slice(0, -1)}` },
  });
  const raw = new Redis(redis.url);
  try {
    await esc.start();
    const { alert } = await esc.raise(sampleInput(), { waitForDeliveryMs: 5000 });
    const base = { uid: alert.uid, conversationKey: alert.conversationKey, level: 'none', category: null, reasons: [] };
    const updates = () => sink.requests.filter((r) => r.json?.type === 'starling.alert.update');
    await esc.addFollowUp({ ...base, text: 'first thing said since' });
    await eventually(() => expect(updates()).toHaveLength(1));
    for (let i = 2; i <= 6; i++) await esc.addFollowUp({ ...base, text: `thing number ${i}` });
    await eventually(() => expect(updates()).toHaveLength(2), 5000);
    expect(updates()[1].json.followUpCount).toBe(6);
    expect(updates()[1].json.followUps.map((f: { text: string }) => f.text)).toEqual(['first thing said since', 'thing number 2', 'thing number 3', 'thing number 4', 'thing number 5', 'thing number 6']);
    await new Promise((r) => setTimeout(r, 1200));
    expect(updates()).toHaveLength(2);

    expect((await dumpRedis(raw, prefix)).dump).not.toContain('thing number');
  } finally {
    raw.disconnect();
    await esc.close();
    await store.close();
    await sink.close();
  }
});
