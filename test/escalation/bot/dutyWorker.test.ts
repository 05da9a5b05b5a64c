/**
 * A duty worker's awkward moments, through /api/messages: two workers pressing at once, a second alert during a
 * take-over, "end handoff" typed loosely, a reply in the wrong place, a colleague talking into someone else's
 * take-over. What the worker and the young person see, and what the audit keeps.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eventually, DUTY_WORKER } from '../helpers';
import { visibleText } from '../../support/replySink';
import { DUTY_CONV, Harness, SECOND_WORKER, startHarness, invoke, invokeBody } from './harness';

// Monday 5 January 2026, 10:00 London: on duty.
const now = () => new Date('2026-01-05T10:00:00Z');
let h: Harness;

beforeAll(async () => {
  // Logs on (debug), so the last test can look for what the young person wrote in them.
  h = await startHarness({ now, logLevel: 'debug' });
  await h.teams({ type: 'message', text: '<at>Starling</at> alerts here' });
});
afterAll(async () => {
  await h.close();
});

const inThread = (thread: string, text: string) => ({ type: 'message', text, conversation: { id: thread, conversationType: 'channel' } });

/** A young person says something that raises a crisis alert; returns its id and the card's thread. */
async function crisis(conv: string, text = 'i am going to kill myself tonight'): Promise<{ alertId: string; thread: string }> {
  const before = h.sentTo(DUTY_CONV).length;
  await h.t.say(conv, text);
  const cards = h.sentTo(DUTY_CONV).slice(before).filter((a) => a.attachments?.length);
  const alertId = cards.at(-1)!.attachments![0].content.actions[0].data.alertId as string;
  const threads = await h.t.app.store.listRange<{ threadRef: { conversation: { id: string } } }>(`alert:${alertId}:threads`);
  return { alertId, thread: threads.at(-1)!.threadRef.conversation.id };
}

describe('two workers press Take over at the same moment', () => {
  it('one has the conversation; the other is told a colleague has it (not that the alert is "waiting")', async () => {
    await h.t.join('yp-race');
    const { alertId, thread } = await crisis('yp-race');
    const [a, b] = await Promise.all([
      h.teams(invoke(alertId, 'take_over', {}, thread)),
      h.teams(invoke(alertId, 'take_over', {}, thread), { aad: SECOND_WORKER, name: 'Alex Duty' }),
    ]);
    const bodies = [invokeBody(a), invokeBody(b)];
    const won = bodies.filter((x) => x.type === 'application/vnd.microsoft.card.adaptive');
    const lost = bodies.filter((x) => x.type === 'application/vnd.microsoft.activity.message');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0].value).toMatch(/another duty worker has already taken over/i);
    expect(lost[0].value).not.toMatch(/waiting to be acknowledged/);
    const takeOvers = (await h.integ.escalation.audit({ alertId })).filter((e) => e.event === 'action.take_over');
    expect(takeOvers.map((e) => e.outcome).sort()).toEqual(['invalid_state', 'ok']);
  });
});

describe('a second alert from the same young person while a worker has them', () => {
  let first: { alertId: string; thread: string };
  let second: { alertId: string; thread: string };

  it('the new alert is posted in the take-over thread too', async () => {
    await h.t.join('yp-two');
    first = await crisis('yp-two');
    await h.teams(invoke(first.alertId, 'take_over', {}, first.thread));
    second = await crisis('yp-two', 'i have the pills here now');
    expect(second.alertId).not.toBe(first.alertId);
    await eventually(() => expect(visibleText(h.sentTo(first.thread))).toMatch(/New crisis alert/));
  });

  it('pressing Take over on the new card tells the same worker they already have this young person, not "another duty worker"', async () => {
    const res = invokeBody(await h.teams(invoke(second.alertId, 'take_over', {}, second.thread)));
    expect(res.value).not.toMatch(/another duty worker/);
    expect(res.value).toMatch(/you are already talking with this young person/i);
    expect(res.value).toContain(first.alertId);
    expect(res.value).toMatch(/Press Acknowledge on this card so it is not re-sent/);
  });

  it("the worker's reply reaches the young person marked as the duty team's, so it is not mistaken for the chatbot", async () => {
    await h.teams(inThread(first.thread, '<at>Starling</at> I can see that. Are you somewhere safe right now?'));
    await eventually(() =>
      expect(visibleText(h.t.sink.forConversation('yp-two'))).toContain('Duty team: I can see that. Are you somewhere safe right now?'),
    );
  });

  it('a colleague pressing it is told someone else has the conversation', async () => {
    const res = invokeBody(await h.teams(invoke(second.alertId, 'take_over', {}, second.thread), { aad: SECOND_WORKER }));
    expect(res.value).toMatch(/another duty worker/);
  });
});

describe('ending a take-over by typing', () => {
  for (const typed of ['<at>Starling</at> End hand off', '<at>Starling</at>&nbsp;end handoff', '<at>Starling</at>  END  HANDOFF.', '<at>Starling</at> end handover']) {
    it(`"${typed}" hands back, and none of it reaches the young person`, async () => {
      const conv = `yp-end-${Buffer.from(typed).toString('hex').slice(-12)}`;
      await h.t.join(conv);
      const { alertId, thread } = await crisis(conv);
      await h.teams(invoke(alertId, 'take_over', {}, thread));
      await h.teams(inThread(thread, typed));
      const rec = await h.integ.escalation.get(alertId);
      expect(await h.integ.escalation.activeHandoff(rec!.conversationKey)).toBeUndefined();
      await eventually(() => expect(visibleText(h.t.sink.forConversation(conv))).toMatch(/talking to Starling, the chatbot, again/));
      expect(visibleText(h.t.sink.forConversation(conv))).not.toMatch(/hand ?(off|over)/i);
      expect(visibleText(h.sentTo(thread))).toMatch(/Handoff ended/);
    });
  }
});

describe('a worker writing in the wrong place', () => {
  let alertId: string;
  let thread: string;

  beforeAll(async () => {
    await h.t.join('yp-wrong');
    ({ alertId, thread } = await crisis('yp-wrong'));
    await h.teams(invoke(alertId, 'take_over', {}, thread));
  });

  it('a reply to Starling in the channel itself is not lost silently: the worker is told to reply in the thread', async () => {
    const before = h.t.sink.forConversation('yp-wrong').length;
    const rootBefore = h.sentTo(DUTY_CONV).length;
    await h.teams({ type: 'message', text: '<at>Starling</at> Hi, I am Sam, I am here for you' });
    expect(h.t.sink.forConversation('yp-wrong')).toHaveLength(before);
    expect(visibleText(h.sentTo(DUTY_CONV).slice(rootBefore))).toMatch(/not passed on.*reply in the thread of the alert card/i);
  });

  it("a colleague's message in the thread is refused and the refusal is audited", async () => {
    await h.teams(inThread(thread, '<at>Starling</at> hello'), { aad: SECOND_WORKER });
    const audit = await h.integ.escalation.audit({ alertId });
    expect(audit.at(-1)).toMatchObject({ event: 'handoff.relay_to_young_person', actor: SECOND_WORKER, outcome: 'invalid_state' });
    expect(JSON.stringify(audit)).not.toContain('hello');
  });

  it('after the take-over has ended, a reply in the thread says so instead of vanishing', async () => {
    await h.teams(inThread(thread, '<at>Starling</at> end handoff'));
    const before = h.t.sink.forConversation('yp-wrong').length;
    const threadBefore = h.sentTo(thread).length;
    await h.teams(inThread(thread, '<at>Starling</at> are you still there?'));
    expect(h.t.sink.forConversation('yp-wrong')).toHaveLength(before);
    const said = visibleText(h.sentTo(thread).slice(threadBefore));
    expect(said).toMatch(/not passed on.*no one has taken over/i);
    // This worker still has another young person (earlier tests): the answer says where that conversation is.
    const mine = await h.integ.escalation.activeHandoffs(DUTY_WORKER);
    expect(mine.length).toBeGreaterThan(0);
    expect(said).toContain(mine[0].alertId);
    expect((await h.integ.escalation.audit({ alertId })).at(-1)).toMatchObject({ event: 'handoff.relay_to_young_person', actor: DUTY_WORKER, outcome: 'invalid_state' });
  });
});

describe('a young person who has closed the chat', () => {
  let alertId: string;
  let thread: string;

  beforeAll(async () => {
    await h.t.join('yp-gone');
    ({ alertId, thread } = await crisis('yp-gone'));
    // Their conversation can no longer be reached (closed, uninstalled): nothing answers at its service URL.
    const key = `alert:${alertId}`;
    const rec = (await h.t.app.store.read([key]))[key] as any;
    rec.conversationRef = { ...rec.conversationRef, serviceUrl: 'http://127.0.0.1:9/' };
    await h.t.app.store.write({ [key]: rec });
  });

  jest.setTimeout(30000);

  it('Take over tells the worker the young person could not be told a person is here', async () => {
    const before = h.sentTo(thread).length;
    await h.teams(invoke(alertId, 'take_over', {}, thread));
    await eventually(() => expect(visibleText(h.sentTo(thread).slice(before))).toMatch(/could not tell the young person/i), 20000);
  });

  it('a reply that cannot be delivered says so in the thread, and the audit records it without the words', async () => {
    const before = h.sentTo(thread).length;
    await h.teams(inThread(thread, '<at>Starling</at> are you ok? quokka'));
    await eventually(() => expect(visibleText(h.sentTo(thread).slice(before))).toMatch(/could not be delivered/), 20000);
    const audit = await h.integ.escalation.audit({ alertId });
    expect(audit.at(-1)).toMatchObject({ event: 'handoff.relay_to_young_person', actor: DUTY_WORKER, outcome: 'not_delivered' });
    expect(JSON.stringify(audit)).not.toContain('quokka');
  });

  it('"end handoff" does not claim the young person knows they are back with Starling', async () => {
    const before = h.sentTo(thread).length;
    await h.teams(inThread(thread, '<at>Starling</at> end handoff'));
    await eventually(() => expect(visibleText(h.sentTo(thread).slice(before))).toMatch(/Handoff ended.*could not tell the young person/is), 20000);
    expect(visibleText(h.sentTo(thread).slice(before))).not.toMatch(/The young person is talking to Starling again/);
  });

  it('Resolve answers the card at once, and the thread says the young person could not be told', async () => {
    await h.teams(invoke(alertId, 'take_over', {}, thread));
    const before = h.sentTo(thread).length;
    const started = Date.now();
    const res = invokeBody(await h.teams(invoke(alertId, 'resolve', { note: 'Called the police; they are with the family.' }, thread)));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(JSON.stringify(res.value)).toMatch(/Resolved by Sam Duty/);
    // The resolved card keeps the note, and has no buttons left.
    expect(JSON.stringify(res.value)).toContain('Called the police; they are with the family.');
    expect(res.value.actions).toEqual([]);
    await eventually(() => expect(visibleText(h.sentTo(thread).slice(before))).toMatch(/could not tell the young person.*finished/is), 20000);
  });
});

describe("the worker's thread cannot be reached", () => {
  jest.setTimeout(30000);
  it('the young person is told their message did not reach the person (not left waiting in silence)', async () => {
    await h.t.join('yp-unheard');
    const { alertId, thread } = await crisis('yp-unheard');
    await h.teams(invoke(alertId, 'take_over', {}, thread));
    const threads = await h.t.app.store.listRange<any>(`alert:${alertId}:threads`);
    const last = threads.at(-1);
    await h.t.app.store.listPush(`alert:${alertId}:threads`, { ...last, threadRef: { ...last.threadRef, serviceUrl: 'http://127.0.0.1:9/' } });
    const replies = visibleText(await h.t.say('yp-unheard', 'hello? can you hear me'));
    expect(replies).toMatch(/didn't reach the person from our team/);
  });
});

describe('every copy of the card shows what happened', () => {
  // A stand-in for Teams' channel that keeps card posts and card updates (PUT).
  const seen: { method: string; url: string; body: any }[] = [];
  let server: http.Server;
  let saved: any;
  let n = 0;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        seen.push({ method: req.method!, url: req.url!, body: raw ? JSON.parse(raw) : undefined });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `card-${++n}` }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    saved = await h.t.app.store.getJson('escalation:dutychannel');
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    await h.t.app.store.setJson('escalation:dutychannel', { ...saved, ref: { ...saved.ref, serviceUrl: url } });
  });
  afterAll(async () => {
    await h.t.app.store.setJson('escalation:dutychannel', saved);
    await new Promise((r) => server.close(r));
  });
  const updatesOf = (id: string) => seen.filter((s) => s.method === 'PUT' && s.url.endsWith(`/activities/${id}`)).map((s) => JSON.stringify(s.body));

  it('Acknowledge on one copy updates the re-escalated copy too; ending a take-over shows it is handed back and still open', async () => {
    await h.t.join('yp-copies');
    await h.t.say('yp-copies', 'i am going to kill myself tonight');
    const alertId = (await h.integ.escalation.audit()).filter((e) => e.event === 'alert.raised').at(-1)!.alertId!;
    await eventually(async () => expect(await h.t.app.store.listRange(`alert:${alertId}:threads`)).toHaveLength(1));
    // A re-escalation posts a second copy of the card.
    const view = (await h.integ.escalation.view(alertId))!;
    const { buildAlertCard } = await import('../../../core/escalation');
    await h.integ.duty.sendCard(buildAlertCard(view, { round: 1 }), { alertId, level: view.alert.level, round: 1 });
    const threads = await h.t.app.store.listRange<{ activityId: string; threadRef: { conversation: { id: string } } }>(`alert:${alertId}:threads`);
    const [first, second] = threads.map((t) => t.activityId);
    expect(first).not.toBe(second);

    await h.teams({ ...invoke(alertId, 'acknowledge', {}, threads[0].threadRef.conversation.id), replyToId: first });
    await eventually(() => expect(updatesOf(second).join()).toMatch(/Acknowledged by Sam Duty at 10:00/));
    expect(updatesOf(second).join()).not.toMatch(/Not acknowledged yet/);

    await h.teams({ ...invoke(alertId, 'take_over', {}, threads[1].threadRef.conversation.id), replyToId: second });
    await eventually(() => expect(updatesOf(first).join()).toMatch(/Taken over by Sam Duty/));
    await h.teams(inThread(threads[1].threadRef.conversation.id, '<at>Starling</at> end handoff'));
    await eventually(() => expect(updatesOf(first).at(-1)).toMatch(/Handed back to Starling by Sam Duty.*Still open/));
    expect(updatesOf(second).at(-1)).toMatch(/Handed back to Starling/);
  });
});

describe('Teams does not accept the alert card', () => {
  jest.setTimeout(30000);
  let saved: any;
  beforeAll(async () => {
    saved = await h.t.app.store.getJson('escalation:dutychannel');
    await h.t.app.store.setJson('escalation:dutychannel', { ...saved, ref: { ...saved.ref, serviceUrl: 'http://127.0.0.1:9/' } });
  });
  afterAll(async () => {
    await h.t.app.store.setJson('escalation:dutychannel', saved);
  });

  it('the alert is not counted as delivered, and the young person is not told someone knows', async () => {
    await h.t.join('yp-nocard');
    const replies = visibleText(await h.t.say('yp-nocard', 'i am going to kill myself tonight'));
    expect(replies).not.toMatch(/let someone from our duty team know/);
    expect(replies).toMatch(/trying to reach someone/i);
    const alertId = (await h.integ.escalation.audit()).filter((e) => e.event === 'alert.raised').at(-1)!.alertId!;
    // Long enough for a failed send to come back (the connector retries for a few seconds before it gives up).
    await new Promise((r) => setTimeout(r, 9000));
    const latest = (await h.integ.escalation.get(alertId))!;
    expect(latest.history.map((s) => s.state)).toEqual(['raised']);
  });
});

describe('logs and audit after all of the above', () => {
  it("hold none of the young person's or the worker's words", async () => {
    const logs = h.t.logs.join('');
    expect(logs.length).toBeGreaterThan(0);
    for (const words of ['kill myself', 'pills here now', 'is anyone', 'I am Sam', 'are you ok? quokka', 'are you still there']) {
      expect(logs).not.toContain(words);
    }
    expect(JSON.stringify(await h.integ.escalation.audit())).not.toMatch(/kill myself|quokka|I am Sam/);
  });
});
