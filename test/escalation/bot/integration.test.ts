/**
 * Escalation through /api/messages: the duty channel is set on install, a young person's crisis message puts
 * a card in it, only listed duty workers can act, take over relays both ways, resolve ends it.
 */
import { eventually, DUTY_WORKER, OTHER_USER } from '../helpers';
import { visibleText } from '../../support/replySink';
import { DUTY_CONV, Harness, SECOND_WORKER, startHarness, invoke, invokeBody } from './harness';

// Monday 5 January 2026, 10:00 London: on duty.
const now = () => new Date('2026-01-05T10:00:00Z');
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ now });
});
afterAll(async () => {
  await h.close();
});


describe('escalation in the bot', () => {
  let alertId: string;
  let thread: string;

  it('installation by someone not on the duty list does not set the duty channel, and says how to', async () => {
    await h.teams({ type: 'installationUpdate', action: 'add' }, { aad: OTHER_USER });
    expect(await h.integ.duty.get()).toBeUndefined();
    expect(visibleText(h.sentTo(DUTY_CONV))).toMatch(/types "@Starling alerts here"/);
  });

  it('"alerts here" from a duty worker sets the channel; from anyone else it is refused and audited', async () => {
    await h.teams({ type: 'message', text: '<at>Starling</at> alerts here' }, { aad: OTHER_USER });
    expect(await h.integ.duty.get()).toBeUndefined();
    expect(visibleText(h.sentTo(DUTY_CONV))).toMatch(/only people on the duty list/i);
    await h.teams({ type: 'message', text: '<at>Starling</at> alerts here' });
    expect((await h.integ.duty.get())?.ref.conversation?.id).toBe(DUTY_CONV);
    const audit = await h.integ.escalation.audit();
    expect(audit.filter((e) => e.event === 'duty.channel_set').map((e) => e.outcome)).toEqual(['not_duty_worker', 'ok']);
  });

  it("a young person's crisis message puts an alert card in the duty channel, and they are told truthfully", async () => {
    h.t.sink.clear();
    await h.t.join('yp-1');
    const replies = await h.t.say('yp-1', 'i want to kill myself tonight, i have the pills ready');
    expect(visibleText(replies)).toMatch(/let someone from our duty team know/);
    const cards = h.sentTo(DUTY_CONV).filter((a) => a.attachments?.length);
    expect(cards).toHaveLength(1);
    const card = cards[0].attachments![0].content;
    expect(card.actions.map((a: any) => a.title)).toEqual(['Acknowledge', 'Take over', 'Resolve']);
    expect(JSON.stringify(card)).toContain('pills ready');
    alertId = card.actions[0].data.alertId;
    const rec = await h.integ.escalation.get(alertId);
    expect(rec?.history.map((s) => s.state)).toEqual(['raised', 'delivered']);
    expect(rec?.history[1].by).toBe('teams');
    // The card's own thread (where the team replies to it) is remembered for the alert.
    const threads = await h.t.app.store.listRange<{ threadRef: { conversation: { id: string } } }>(`alert:${alertId}:threads`);
    expect(threads).toHaveLength(1);
    thread = threads[0].threadRef.conversation.id;
    expect(thread.startsWith(`${DUTY_CONV};messageid=`)).toBe(true);
  });

  it('someone not on the duty list pressing Acknowledge is refused politely; nothing changes; it is audited', async () => {
    const before = await h.integ.escalation.get(alertId);
    const res = await h.teams(invoke(alertId, 'acknowledge'), { aad: OTHER_USER });
    expect(res.status).toBe(200);
    const body = invokeBody(res);
    expect(body.type).toBe('application/vnd.microsoft.activity.message');
    expect(body.value).toMatch(/only people on the duty list can act on alerts/i);
    expect(await h.integ.escalation.get(alertId)).toEqual(before);
    const audit = await h.integ.escalation.audit({ alertId });
    expect(audit.at(-1)).toMatchObject({ event: 'action.acknowledge', actor: OTHER_USER, outcome: 'not_duty_worker' });
  });

  it('a listed worker from another tenant is refused too', async () => {
    const res = await h.teams(invoke(alertId, 'acknowledge'), { tenant: 'ffffffff-0000-0000-0000-000000000000' });
    expect(invokeBody(res).value).toMatch(/only people on the duty list/i);
    expect((await h.integ.escalation.get(alertId))?.state).toBe('delivered');
  });

  it('a forged action (unknown alert id) changes nothing', async () => {
    const res = await h.teams(invoke('00000000-dead-beef-0000-000000000000', 'acknowledge'));
    expect(invokeBody(res).value).toMatch(/could not be found/);
  });

  it('a duty worker acknowledges: the card is refreshed; pressing again changes nothing', async () => {
    const res = await h.teams(invoke(alertId, 'acknowledge'));
    const body = invokeBody(res);
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(body.value)).toMatch(/Acknowledged by Sam Duty at 10:00/);
    const again = invokeBody(await h.teams(invoke(alertId, 'acknowledge')));
    expect(again.value).toMatch(/Nothing changed: this alert is already acknowledged/);
    expect((await h.integ.escalation.get(alertId))?.history.filter((s) => s.state === 'acknowledged')).toHaveLength(1);
  });

  it('take over: the young person is told a person is here, and their messages go to the card thread, not the dialogs', async () => {
    const res = await h.teams(invoke(alertId, 'take_over', {}, thread));
    expect(JSON.stringify(invokeBody(res).value)).toMatch(/Taken over by Sam Duty/);
    await eventually(() => expect(visibleText(h.t.sink.forConversation('yp-1'))).toMatch(/Someone from our duty team is here now/));
    expect(await h.integ.escalation.activeHandoff((await h.integ.escalation.get(alertId))!.conversationKey)).toMatchObject({ workerId: DUTY_WORKER });

    const replies = await h.t.say('yp-1', 'is anyone actually there');
    expect(replies).toEqual([]);
    // A navigation button is not relayed: the menu still answers.
    const menu = await h.t.press('yp-1', { kind: 'nav', intent: 'menu' });
    expect(menu.length).toBeGreaterThan(0);
    await eventually(() => expect(visibleText(h.sentTo(thread))).toMatch(/Young person \(age not known\):/));
    expect(visibleText(h.sentTo(thread))).toContain('is anyone actually there');
    expect(visibleText(h.sentTo(thread))).not.toMatch(/\bnav\b/);
  });

  it("the worker's replies in the thread go to the young person; another worker's do not", async () => {
    await h.teams({ type: 'message', text: "<at>Starling</at> Hi, I'm Sam from the duty team. I'm here.", conversation: { id: thread, conversationType: 'channel' } });
    await eventually(() => expect(visibleText(h.t.sink.forConversation('yp-1'))).toContain("Hi, I'm Sam from the duty team. I'm here."));
    const before = h.t.sink.forConversation('yp-1').length;
    await h.teams({ type: 'message', text: '<at>Starling</at> me too', conversation: { id: thread, conversationType: 'channel' } }, { aad: SECOND_WORKER });
    expect(h.t.sink.forConversation('yp-1')).toHaveLength(before);
    expect(visibleText(h.sentTo(thread))).toMatch(/taken over by another duty worker/);
    const relayed = (await h.integ.escalation.audit({ alertId })).filter((e) => e.event === 'handoff.relay_to_young_person');
    expect(relayed.map((e) => [e.actor, e.outcome])).toEqual([
      [DUTY_WORKER, 'ok'],
      [SECOND_WORKER, 'invalid_state'],
    ]);
    expect(JSON.stringify(relayed)).not.toContain('Sam from the duty team');
  });

  it('a crisis message during the take-over: they hear the person with them can see it (not "someone will get back to you"), with the routes', async () => {
    const before = h.sentTo(thread).length;
    const reply = visibleText(await h.t.say('yp-1', 'i am going to kill myself tonight'));
    expect(reply).toMatch(/talking with you can see this too/);
    expect(reply).not.toMatch(/will get back to you/);
    expect(reply).toMatch(/Childline/);
    await eventually(() => expect(visibleText(h.sentTo(thread).slice(before))).toContain('i am going to kill myself tonight'));
  });

  it('"no I\'m fine" during the take-over goes to the worker; Starling does not talk over them', async () => {
    const replies = await h.t.say('yp-1', "no i'm fine honestly");
    expect(visibleText(replies)).not.toMatch(/keep these here/);
    expect(replies).toEqual([]);
    await eventually(() => expect(visibleText(h.sentTo(thread))).toContain("no i'm fine honestly"));
  });

  it('resolve (Action.Submit) needs a note; with one it ends the handoff and the young person is back with Starling', async () => {
    const submit = (note?: string) =>
      h.teams({ type: 'message', replyToId: 'sent-1', conversation: { id: thread, conversationType: 'channel' }, value: { starling: 'alert', action: 'resolve', alertId, ...(note ? { note } : {}) } });
    await submit();
    expect(visibleText(h.sentTo(thread))).toMatch(/write a short note/);
    expect((await h.integ.escalation.get(alertId))?.state).toBe('taken_over');
    await submit('Talked it through; agreed a plan with the young person and their carer.');
    await eventually(() => expect(visibleText(h.t.sink.forConversation('yp-1'))).toMatch(/talking to Starling, the chatbot, again/));
    const rec = await h.integ.escalation.get(alertId);
    expect(rec?.state).toBe('resolved');
    expect(await h.integ.escalation.activeHandoff(rec!.conversationKey)).toBeUndefined();
    const replies = await h.t.say('yp-1', 'hello');
    expect(replies.length).toBeGreaterThan(0); // the dialogs answer again
    const replay = invokeBody(await h.teams(invoke(alertId, 'take_over')));
    expect(replay.value).toMatch(/Nothing changed: this alert is already resolved/);
  });

  it('isDutyConversation is true for the team channel, false for a young person', async () => {
    const fake = (a: Record<string, unknown>) => ({ activity: a }) as any;
    expect(await h.integ.isDutyConversation(fake({ channelId: 'msteams', conversation: { id: DUTY_CONV, conversationType: 'channel' } }))).toBe(true);
    expect(await h.integ.isDutyConversation(fake({ channelId: 'msteams', conversation: { id: 'a:1', conversationType: 'personal' } }))).toBe(false);
    expect(await h.integ.isDutyConversation(fake({ channelId: 'webchat', conversation: { id: 'x' } }))).toBe(false);
  });
});

describe('after an alert: background on the card, and the safety net', () => {
  const cardsFor = (from: number) => h.sentTo(DUTY_CONV).slice(from).filter((a) => a.attachments?.length);
  const resolve = (alertId: string) =>
    h.teams({ type: 'message', conversation: { id: DUTY_CONV, conversationType: 'channel' }, value: { starling: 'alert', action: 'resolve', alertId, note: 'Spoke with school; plan agreed.' } });

  it('an earlier concern shows on the card as background, without the words that raised it', async () => {
    await h.t.join('yp-bg');
    await h.t.say('yp-bg', 'i feel so hopeless lately, quokka');
    const before = h.sentTo(DUTY_CONV).length;
    await h.t.say('yp-bg', 'i am going to kill myself tonight');
    const cards = cardsFor(before);
    expect(cards).toHaveLength(1);
    const body = cards[0].attachments![0].content.body as any[];
    const box = body.find((b) => b.type === 'Container' && b.items?.[0]?.text === 'Background');
    expect(box).toBeDefined();
    expect(JSON.stringify(box)).toMatch(/Earlier .*concern/);
    expect(JSON.stringify(box)).not.toContain('quokka');
  });

  it('"no I\'m fine" does not lower the net; only a duty worker resolving every open alert does', async () => {
    await h.t.join('yp-net');
    const before = h.sentTo(DUTY_CONV).length;
    await h.t.say('yp-net', 'i want to kill myself');
    await h.t.say('yp-net', 'i have pills saved up and i am going to take them all tonight');
    const ids = cardsFor(before).map((c) => c.attachments![0].content.actions[0].data.alertId as string);
    expect(new Set(ids).size).toBe(2);
    expect(JSON.stringify(cardsFor(before)[1].attachments![0].content)).toContain(`follows an alert still open (${ids[0]})`);

    const denial = async () => visibleText(await h.t.say('yp-net', "no i'm fine"));
    expect(await denial()).toMatch(/keep these here/);

    await resolve(ids[0]);
    expect((await h.integ.escalation.get(ids[0]))?.state).toBe('resolved');
    expect(await denial()).toMatch(/keep these here/); // one alert is still open

    await resolve(ids[1]);
    expect((await h.integ.escalation.get(ids[1]))?.state).toBe('resolved');
    expect(await denial()).not.toMatch(/keep these here/);
  });
});
