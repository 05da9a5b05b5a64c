/**
 * What the young person is told matches what happened: "trying" until a person has been reached, the truth
 * about duty hours, and an alert that could not reach anyone yet arrives once the duty channel exists.
 */
import { visibleText } from '../../support/replySink';
import { eventually } from '../helpers';
import { DUTY_CONV, Harness, startHarness } from './harness';

describe('honest replies about the alert', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('with no duty channel yet it says it is trying, then the alert arrives once a duty worker sets the channel', async () => {
    // (the queue keeps retrying the Teams delivery with backoff; the wait below allows for it)
    h = await startHarness({ now: () => new Date('2026-01-05T10:00:00Z') });
    await h.t.join('yp-a');
    const text = visibleText(await h.t.say('yp-a', 'my mum’s boyfriend hits me and i am scared to go home'));
    expect(text).toMatch(/trying to reach someone/);
    expect(text).not.toMatch(/I've let|I've told/);
    expect(h.sentTo(DUTY_CONV)).toEqual([]);
    await h.teams({ type: 'installationUpdate', action: 'add' });
    await eventually(() => expect(h!.sentTo(DUTY_CONV).filter((a) => a.attachments?.length)).toHaveLength(1), 20000);
    // The install message is said once, even though Teams also sends a conversationUpdate.
    await h.teams({ type: 'conversationUpdate', membersAdded: [{ id: '28:starling' }] });
    expect(visibleText(h.sentTo(DUTY_CONV)).match(/Alerts will come to this channel/g)).toHaveLength(1);
  });

  it('out of hours it says nobody is working now and when they will see it', async () => {
    h = await startHarness({ now: () => new Date('2026-01-10T22:00:00Z') }); // Saturday night
    await h.teams({ type: 'message', text: '<at>Starling</at> alerts here' });
    await h.t.join('yp-b');
    const text = visibleText(await h.t.say('yp-b', 'i have been cutting myself again and i cant stop'));
    expect(text).toMatch(/nobody is working right now/);
    expect(text).toMatch(/Monday/);
  });

  it('with no alert route at all it says it cannot reach a person and gives the routes', async () => {
    h = await startHarness({ env: { ALERT_ROUTES: '' } });
    await h.t.join('yp-c');
    const text = visibleText(await h.t.say('yp-c', 'i want to end my life'));
    expect(text).toMatch(/can't reach a person from here/);
    expect(text).toContain('999');
  });

  it('during a handoff, a new crisis message is shown to the worker in the thread too; "end handoff" hands back to Starling', async () => {
    h = await startHarness({ now: () => new Date('2026-01-05T10:00:00Z') });
    await h.teams({ type: 'message', text: '<at>Starling</at> alerts here' });
    await h.t.join('yp-d');
    await h.t.say('yp-d', 'i want to kill myself');
    const alert = (await h.integ.escalation.audit()).find((e) => e.event === 'alert.raised')!;
    const threads = await h.t.app.store.listRange<{ threadRef: { conversation: { id: string } } }>(`alert:${alert.alertId}:threads`);
    const thread = threads[0].threadRef.conversation.id;
    await h.teams({
      type: 'invoke',
      name: 'adaptiveCard/action',
      conversation: { id: thread, conversationType: 'channel' },
      value: { action: { type: 'Action.Execute', verb: 'starling.alert.take_over', data: { starling: 'alert', action: 'take_over', alertId: alert.alertId } } },
    });
    const replies = await h.t.say('yp-d', 'i have taken the tablets already');
    expect(visibleText(replies)).toContain('999'); // the safety reply still comes at once
    await eventually(() => expect(visibleText(h!.sentTo(thread))).toMatch(/New crisis alert .* on this message from the young person: i have taken the tablets already/s));

    await h.teams({ type: 'message', text: '<at>Starling</at> end handoff', conversation: { id: thread, conversationType: 'channel' } });
    await eventually(() => expect(visibleText(h!.t.sink.forConversation('yp-d'))).toMatch(/talking to Starling, the chatbot, again/));
    expect(visibleText(h.sentTo(thread))).toMatch(/Handoff ended/);
    const rec = await h.integ.escalation.get(alert.alertId!);
    expect(await h.integ.escalation.activeHandoff(rec!.conversationKey)).toBeUndefined();
  });
});
