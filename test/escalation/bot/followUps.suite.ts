/**
 * What a young person types after an alert reaches the duty worker: the card shows it under "Said since the alert",
 * in order, with a worrying one marked; the alert's thread gets one short notice for a burst (never their words);
 * nothing is added once the alert is resolved, or while a worker has taken over (they read it in the thread then);
 * "delete my data" takes it away with the alert's text. Run on memory and on Redis (followUps*.test.ts).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Store } from '../../../core/storage';
import { visibleText } from '../../support/replySink';
import { eventually } from '../helpers';
import { DUTY_CONV, Harness, invoke, invokeBody, startHarness } from './harness';

/** The text blocks of a card, in reading order, with how each is shown. */
export function cardLines(card: any): { text: string; bold: boolean; color?: string; subtle: boolean }[] {
  const out: { text: string; bold: boolean; color?: string; subtle: boolean }[] = [];
  const walk = (items: any[]) => {
    for (const it of items ?? []) {
      if (it.type === 'TextBlock') out.push({ text: it.text, bold: it.weight === 'Bolder', color: it.color, subtle: !!it.isSubtle });
      if (it.items) walk(it.items);
    }
  };
  walk(card.body);
  return out;
}

/** The lines under "Said since the alert". */
export function saidSince(card: any): { text: string; bold: boolean; color?: string; subtle: boolean }[] {
  const lines = cardLines(card);
  const i = lines.findIndex((l) => l.text === 'Said since the alert');
  if (i < 0) return [];
  const rest = lines.slice(i + 1);
  const end = rest.findIndex((l) => l.text === 'Background' || l.text === 'Resolution note');
  return end < 0 ? rest : rest.slice(0, end);
}

export function followUpSuite(opts: { setup: () => Promise<{ env?: Record<string, string>; store?: Store; teardown?: () => Promise<void> }> }) {
  // Monday 5 January 2026, 10:00 London: on duty.
  const now = () => new Date('2026-01-05T10:00:00Z');
  let h: Harness;
  let teardown: (() => Promise<void>) | undefined;
  // A stand-in for Teams' channel: keeps card posts, thread replies (POST) and card refreshes (PUT).
  const seen: { method: string; url: string; body: any }[] = [];
  let server: http.Server;
  let n = 0;

  beforeAll(async () => {
    const s = await opts.setup();
    teardown = s.teardown;
    h = await startHarness({ now, env: s.env, store: s.store, logLevel: 'debug' });
    await h.teams({ type: 'message', text: '<at>Starling</at> alerts here' });
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        seen.push({ method: req.method!, url: decodeURIComponent(req.url!), body: raw ? JSON.parse(raw) : undefined });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `card-${++n}` }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const saved = (await h.t.app.store.getJson<any>('escalation:dutychannel'))!;
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    await h.t.app.store.setJson('escalation:dutychannel', { ...saved, ref: { ...saved.ref, serviceUrl: url } });
  });
  afterAll(async () => {
    await h?.close();
    if (server) await new Promise((r) => server.close(r));
    await teardown?.();
  });

  const posts = () => seen.filter((s) => s.method === 'POST');
  /** Messages posted in the thread of the card with this activity id. */
  const threadPosts = (cardId: string) =>
    posts().filter((s) => s.url.includes(`;messageid=${cardId}/activities`)).map((s) => String(s.body?.text ?? ''));
  const refreshesOf = (cardId: string) => seen.filter((s) => s.method === 'PUT' && s.url.endsWith(`/activities/${cardId}`)).map((s) => s.body);

  /** A message that raises a safeguarding alert, delivered as a card; returns the alert and its card's activity id. */
  async function alertFrom(conv: string, text = 'my uncle touches me'): Promise<{ alertId: string; cardId: string; thread: string }> {
    await h.t.join(conv);
    const reply = visibleText(await h.t.say(conv, text));
    expect(reply).toMatch(/duty team/);
    const alertId = (await h.integ.escalation.audit()).filter((e) => e.event === 'alert.raised').at(-1)!.alertId!;
    await eventually(async () => expect((await h.integ.escalation.get(alertId))!.history.map((s) => s.state)).toContain('delivered'));
    const threads = await h.t.app.store.listRange<{ activityId: string; threadRef: { conversation: { id: string } } }>(`alert:${alertId}:threads`);
    return { alertId, cardId: threads[0].activityId, thread: threads[0].threadRef.conversation.id };
  }
  const followUpsOf = async (alertId: string) => (await h.integ.escalation.view(alertId))?.texts?.followUps ?? [];

  describe('the young person says more after the alert', () => {
    let a: { alertId: string; cardId: string; thread: string };

    it('they are answered as usual, and the card the worker opens shows both messages in order, the worrying one marked', async () => {
      a = await alertFrom('yp-more');
      const first = visibleText(await h.t.say('yp-more', 'he does it when mum is at work'));
      expect(first.length).toBeGreaterThan(0);
      const second = visibleText(await h.t.say('yp-more', 'i feel worthless'));
      expect(second.length).toBeGreaterThan(0);
      await eventually(async () => expect(await followUpsOf(a.alertId)).toHaveLength(2));

      // The worker presses Acknowledge: the card that comes back is what they now read.
      const card = invokeBody(await h.teams(invoke(a.alertId, 'acknowledge', {}, a.thread))).value;
      const lines = cardLines(card);
      expect(lines.map((l) => l.text)).toContainEqual(expect.stringMatching(/has written more since this alert \(2 messages\)/));
      const since = saidSince(card);
      const said = since.filter((l) => l.text.startsWith('Young person:')).map((l) => l.text);
      expect(said).toEqual(['Young person: he does it when mum is at work', 'Young person: i feel worthless']);
      // each message has its own line under it: when, and what Starling's check made of it
      const calm = since[since.findIndex((l) => l.text.endsWith('he does it when mum is at work')) + 1];
      expect(calm.subtle).toBe(true);
      expect(calm.text).toMatch(/10:00 \(UK time\) · not flagged by Starling's check \(it can miss things: read it yourself\)/);
      const worryingAt = since.findIndex((l) => l.text.endsWith('i feel worthless'));
      expect(since[worryingAt].color).toBe('Warning');
      expect(since[worryingAt + 1].text).toMatch(/^⚠️ Concern: Starling's check found this worrying \(Suicide: Feels hopeless, worthless or numb/);
      expect(since[worryingAt + 1].text).toMatch(/not enough for an alert of its own/);
      expect(since.find((l) => l.text.endsWith('he does it when mum is at work'))!.color).toBeUndefined();
      // the original message is still where it was
      expect(lines.map((l) => l.text)).toContain('Young person: my uncle touches me');
    });

    it('the thread gets one short notice without their words, and the card in the channel is refreshed to show them', async () => {
      await eventually(() => expect(threadPosts(a.cardId).filter((t) => /written more since this alert/.test(t)).length).toBeGreaterThan(0));
      const notices = threadPosts(a.cardId).filter((t) => /written more since this alert/.test(t));
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatch(/^The young person has written more since this alert \([12] messages? so far\)\. Open the card to read/);
      for (const words of ['mum', 'work', 'worthless', 'uncle']) expect(notices[0]).not.toContain(words);
      await eventually(() => expect(refreshesOf(a.cardId).some((b) => JSON.stringify(b).includes('Said since the alert'))).toBe(true));
    });

    it('the logs never hold what they wrote', async () => {
      const logged = h.t.logs.join('');
      expect(logged).toMatch(/follow-up added to the open alert/);
      expect(logged).not.toContain('mum is at work');
      expect(logged).not.toContain('worthless');
    });

    it('once the alert is resolved, nothing more is added to it', async () => {
      const res = invokeBody(await h.teams(invoke(a.alertId, 'resolve', { note: 'Spoke with school DSL; referral made' }, a.thread)));
      expect(res.type).toBe('application/vnd.microsoft.card.adaptive');
      expect(saidSince(res.value).filter((l) => l.text.startsWith('Young person:'))).toHaveLength(2);
      await h.t.say('yp-more', 'are you still there');
      await new Promise((r) => setTimeout(r, 300));
      expect((await followUpsOf(a.alertId)).map((f) => f.text)).toEqual(['he does it when mum is at work', 'i feel worthless']);
    });

    it('"delete my data" after it is resolved takes the follow-ups away with the rest of the alert text', async () => {
      await h.t.say('yp-more', 'delete my data');
      const done = visibleText(await h.t.say('yp-more', 'yes delete it all'));
      expect(done).toMatch(/deleted/i);
      const view = await h.integ.escalation.view(a.alertId);
      expect(view?.texts).toBeUndefined();
      const raw = JSON.stringify(await h.t.app.store.getJson(`alert:${a.alertId}:text`));
      expect(raw ?? '').not.toMatch(/v1\./);
      for (const key of [`alert:${a.alertId}:followups:window`, `alert:${a.alertId}:followups:told:teams`]) {
        expect(await h.t.app.store.getJson(key)).toBeUndefined();
      }
    });
  });

  it('a burst of ten quick messages brings one notice in the thread, not ten', async () => {
    const a = await alertFrom('yp-burst');
    for (let i = 1; i <= 10; i++) await h.t.say('yp-burst', `message number ${i}`);
    await eventually(async () => expect(await followUpsOf(a.alertId)).toHaveLength(10));
    await eventually(() => expect(threadPosts(a.cardId).filter((t) => /written more/.test(t)).length).toBe(1));
    await new Promise((r) => setTimeout(r, 500));
    expect(threadPosts(a.cardId).filter((t) => /written more/.test(t))).toHaveLength(1);
    // in the order typed
    expect((await followUpsOf(a.alertId)).map((f) => f.text)).toEqual(Array.from({ length: 10 }, (_, i) => `message number ${i + 1}`));
  });

  it('a button press (no words typed) is not added', async () => {
    const a = await alertFrom('yp-button');
    await h.t.say('yp-button', '', { kind: 'nav', intent: 'menu' });
    await h.t.say('yp-button', 'ok');
    await eventually(async () => expect((await followUpsOf(a.alertId)).map((f) => f.text)).toEqual(['ok']));
  });

  it('while a worker has taken over, nothing is added: their words go to the thread instead', async () => {
    const a = await alertFrom('yp-taken');
    await h.teams(invoke(a.alertId, 'take_over', {}, a.thread));
    expect(await h.t.say('yp-taken', 'hello is someone there')).toEqual([]);
    // the take-over thread is where the worker pressed the button
    await eventually(() => expect(visibleText(h.sentTo(a.thread))).toMatch(/Young person \(age not known\): hello is someone there/));
    await new Promise((r) => setTimeout(r, 300));
    expect(await followUpsOf(a.alertId)).toEqual([]);
    expect(visibleText(h.sentTo(a.thread))).not.toMatch(/written more/);
    expect(threadPosts(a.cardId).filter((t) => /written more/.test(t))).toHaveLength(0);
  });

  it('after the worker hands back without resolving, what they type is added again', async () => {
    const a = await alertFrom('yp-back');
    await h.teams(invoke(a.alertId, 'take_over', {}, a.thread));
    await h.teams({ type: 'message', text: '<at>Starling</at> end handoff', conversation: { id: a.thread, conversationType: 'channel' } });
    await eventually(async () => expect(await h.integ.escalation.activeHandoff((await h.integ.escalation.get(a.alertId))!.conversationKey)).toBeUndefined());
    await h.t.say('yp-back', 'he is back now');
    await eventually(async () => expect((await followUpsOf(a.alertId)).map((f) => f.text)).toEqual(['he is back now']));
  });
}
