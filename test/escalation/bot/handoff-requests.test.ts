/**
 * During a take-over, a young person's "stop" or "delete my data" is something they asked Starling to do, not
 * only words for the worker. Both still reach the worker (who is reading everything they type); the young
 * person is told plainly what they can do now, and the worker sees what Starling told them.
 */
import { visibleText } from '../../support/replySink';
import { eventually } from '../helpers';
import { Harness, invoke, startHarness } from './harness';

let h: Harness;
let thread: string;
let alertId: string;

beforeAll(async () => {
  h = await startHarness({ now: () => new Date('2026-01-05T10:00:00Z') });
  await h.teams({ type: 'message', text: '<at>Starling</at> alerts here' });
  await h.t.join('yp-req');
  await h.t.say('yp-req', 'i want to kill myself');
  alertId = (await h.integ.escalation.audit()).find((e) => e.event === 'alert.raised')!.alertId!;
  const threads = await h.t.app.store.listRange<{ threadRef: { conversation: { id: string } } }>(`alert:${alertId}:threads`);
  thread = threads[0].threadRef.conversation.id;
  await h.teams(invoke(alertId, 'take_over', {}, thread));
  await eventually(() => expect(visibleText(h.t.sink.forConversation('yp-req'))).toMatch(/duty team is here now/));
});
afterAll(async () => {
  await h.close();
});

it('"delete my data" is not silently passed on: they are told they can see or delete it when the person has finished, and nothing is deleted', async () => {
  const before = h.sentTo(thread).length;
  const reply = visibleText(await h.t.say('yp-req', 'delete my data'));
  expect(reply).toMatch(/passed this on/i);
  expect(reply).toMatch(/when they have finished/i);
  expect(reply).toMatch(/"my data"/);
  expect(reply).not.toMatch(/deleted/i);
  await eventually(() => expect(visibleText(h.sentTo(thread).slice(before))).toMatch(/delete my data[\s\S]*Starling told them/));
  expect(visibleText(h.sentTo(thread).slice(before))).toMatch(/end handoff/);
  const rec = await h.integ.escalation.get(alertId);
  expect(await h.integ.escalation.activeHandoff(rec!.conversationKey)).toMatchObject({ alertId });
});

it('"stop" still reaches the worker, and the young person is told how to leave', async () => {
  const before = h.sentTo(thread).length;
  const reply = visibleText(await h.t.say('yp-req', 'stop'));
  expect(reply).toMatch(/passed this on/i);
  expect(reply).toMatch(/close this chat/i);
  await eventually(() => expect(visibleText(h.sentTo(thread).slice(before))).toMatch(/: stop[\s\S]*Starling told them/));
  const rec = await h.integ.escalation.get(alertId);
  expect(await h.integ.escalation.activeHandoff(rec!.conversationKey)).toMatchObject({ alertId });
});

it('the "stop" button pressed during a take-over is answered like "stop" typed, and the worker is told it was pressed', async () => {
  const before = h.sentTo(thread).length;
  const reply = visibleText(await h.t.press('yp-req', { kind: 'nav', intent: 'stop' }));
  expect(reply).toMatch(/passed this on/i);
  expect(reply).toMatch(/close this chat/i);
  await eventually(() => expect(visibleText(h.sentTo(thread).slice(before))).toMatch(/pressed the "stop" button[\s\S]*Starling told them/));
  const rec = await h.integ.escalation.get(alertId);
  expect(await h.integ.escalation.activeHandoff(rec!.conversationKey)).toMatchObject({ alertId });
});

it('anything else they type still goes only to the worker, with no answer from Starling', async () => {
  expect(await h.t.say('yp-req', 'can you stop them shouting at me')).toEqual([]);
  expect(await h.t.say('yp-req', 'is my data safe')).toEqual([]);
});
