/** The bot side on Redis: the card goes out through the BullMQ worker, and a handoff relays as in memory. */
import { RedisStore } from '../../../core/storage';
import { visibleText } from '../../support/replySink';
import { startRedis, TestRedis } from '../../support/redis';
import { eventually } from '../helpers';
import { DUTY_CONV, Harness, startHarness } from './harness';

let redis: TestRedis;
let h: Harness;

beforeAll(async () => {
  redis = await startRedis();
  const prefix = `b${Math.random().toString(36).slice(2, 8)}:`;
  h = await startHarness({
    now: () => new Date('2026-01-05T10:00:00Z'),
    env: { REDIS_URL: redis.url, REDIS_KEY_PREFIX: prefix },
    store: new RedisStore({ url: redis.url, prefix }),
  });
});
afterAll(async () => {
  await h.close();
  await redis.stop();
});

it('a crisis message reaches the duty channel through the Redis queue, and take over relays both ways', async () => {
  expect(h.integ.escalation.queueKind).toBe('bullmq');
  await h.teams({ type: 'installationUpdate', action: 'add' });
  await h.t.join('yp-r');
  const text = visibleText(await h.t.say('yp-r', "i'm going to end it all tonight"));
  expect(text).toMatch(/let someone from our duty team know/);
  const card = h.sentTo(DUTY_CONV).find((a) => a.attachments?.length)!;
  const alertId = card.attachments![0].content.actions[0].data.alertId as string;
  const threads = await h.t.app.store.listRange<{ threadRef: { conversation: { id: string } } }>(`alert:${alertId}:threads`);
  const thread = threads[0].threadRef.conversation.id;

  await h.teams({
    type: 'message',
    replyToId: 'x',
    conversation: { id: thread, conversationType: 'channel' },
    value: { starling: 'alert', action: 'take_over', alertId },
  });
  await eventually(() => expect(visibleText(h.t.sink.forConversation('yp-r'))).toMatch(/Someone from our duty team is here now/));
  expect(await h.t.say('yp-r', 'ok')).toEqual([]);
  await eventually(() => expect(visibleText(h.sentTo(thread))).toMatch(/Young person \(age not known\): ok/));
  await h.teams({ type: 'message', text: '<at>Starling</at> Thanks for waiting.', conversation: { id: thread, conversationType: 'channel' } });
  await eventually(() => expect(visibleText(h.t.sink.forConversation('yp-r'))).toContain('Thanks for waiting.'));
});
