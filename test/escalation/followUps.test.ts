/**
 * Follow-ups in the core service: what the young person types after an alert is kept with it (encrypted, bounded),
 * the webhook receives an update event (signed, one per window, with a last one at the end of a window when more
 * came), and "delete my data" takes them away with the alert's text.
 */
import {
  buildAlertCard,
  createEscalation,
  createTeamsRoute,
  Escalation,
  FOLLOW_UP_MAX_CHARS,
  FOLLOW_UPS_KEPT,
  FollowUpInput,
} from '../../core/escalation';
import { eraseUserData } from '../../core/records/userData';
import { MemoryStore } from '../../core/storage';
import { startWebhookSink, WebhookSink } from '../../scripts/support/webhookSink';
import { cardLines, saidSince } from './bot/followUps.suite';
import { DUTY_WORKER, eventually, log, makeConfig, recordingRoute, sampleInput, SECRET } from './helpers';

const CONV = { uid: 'u_abc123', conversationKey: '' };
const msg = (text: string, over: Partial<FollowUpInput> = {}): FollowUpInput => ({ ...CONV, text, level: 'none', category: null, reasons: [], ...over });

describe('the webhook route', () => {
  let sink: WebhookSink;
  let esc: Escalation;
  let store: MemoryStore;
  beforeEach(async () => {
    sink = await startWebhookSink({ secret: SECRET });
    store = new MemoryStore();
    esc = createEscalation({
      store,
      config: makeConfig({ ALERT_ROUTES: 'webhook', ALERT_WEBHOOK_URL: sink.url, ALERT_WEBHOOK_SECRET: SECRET, ALERT_WEBHOOK_TIMEOUT_MS: '500' }),
      log,
      tuning: { retry: { baseMs: 20, capMs: 100 }, followUpNoticeEveryMs: 400 },
    });
    await esc.start();
  });
  afterEach(async () => {
    await esc.close();
    await sink.close();
  });
  const updates = () => sink.requests.filter((r) => r.json?.type === 'starling.alert.update');

  it('gets one signed update at once, one more at the end of the window with everything said since, and nothing after', async () => {
    const { alert } = await esc.raise(sampleInput(), { waitForDeliveryMs: 2000 });
    CONV.conversationKey = alert.conversationKey;
    await esc.addFollowUp(msg('he does it when mum is at work'));
    await eventually(() => expect(updates()).toHaveLength(1));
    await esc.addFollowUp(msg('i feel worthless', { level: 'concern', category: 'suicide', reasons: ['Feels hopeless, worthless or numb'] }));
    await esc.addFollowUp(msg('are you there'));
    await new Promise((r) => setTimeout(r, 150));
    expect(updates()).toHaveLength(1); // still inside the window
    await eventually(() => expect(updates()).toHaveLength(2), 3000);

    const [first, last] = updates();
    expect(first.signatureValid && last.signatureValid).toBe(true);
    expect(first.json).toMatchObject({ alertId: alert.id, version: 1, followUpCount: 1, followUpsNotKept: 0, conversationId: alert.conversationKey });
    expect(first.json.followUps).toEqual([{ text: 'he does it when mum is at work', at: expect.any(String), level: 'none', concern: false, category: null, reasons: [] }]);
    expect(last.json.followUpCount).toBe(3);
    expect(last.json.followUps.map((f: { text: string; concern: boolean }) => [f.text, f.concern])).toEqual([
      ['he does it when mum is at work', false],
      ['i feel worthless', true],
      ['are you there', false],
    ]);
    expect(first.idempotencyKey).toBe(`${alert.id}:webhook:followups:1`);
    expect(last.idempotencyKey).toBe(`${alert.id}:webhook:followups:3`);

    await new Promise((r) => setTimeout(r, 900));
    expect(updates()).toHaveLength(2);
  });

  it('sends nothing, and keeps nothing, once the alert is resolved', async () => {
    const { alert } = await esc.raise(sampleInput(), { waitForDeliveryMs: 2000 });
    CONV.conversationKey = alert.conversationKey;
    await esc.resolve(alert.id, { id: DUTY_WORKER }, 'Spoke with them; safe at a friend’s house.');
    expect(await esc.addFollowUp(msg('thanks'))).toEqual({ count: 0 });
    await new Promise((r) => setTimeout(r, 200));
    expect(updates()).toHaveLength(0);
    expect((await esc.view(alert.id))?.texts?.followUps).toBeUndefined();
  });
});

describe('what is kept', () => {
  function setup() {
    const store = new MemoryStore();
    const esc = createEscalation({ store, config: makeConfig(), log, routes: { primary: [recordingRoute('webhook')], backup: [] } });
    return { store, esc };
  }

  it('is encrypted, cut to the same length as the message that raised the alert, and the last 20 at most', async () => {
    const { store, esc } = setup();
    await esc.start();
    const { alert } = await esc.raise(sampleInput(), { waitForDeliveryMs: 1000 });
    CONV.conversationKey = alert.conversationKey;
    await esc.addFollowUp(msg('x'.repeat(FOLLOW_UP_MAX_CHARS + 500)));
    for (let i = 1; i <= FOLLOW_UPS_KEPT + 4; i++) expect((await esc.addFollowUp(msg(`secret words ${i}`))).count).toBe(i + 1);
    const raw = JSON.stringify(await store.getJson(`alert:${alert.id}:text`));
    expect(raw).not.toContain('secret words');
    const texts = (await esc.view(alert.id))!.texts!;
    expect(texts.followUps).toHaveLength(FOLLOW_UPS_KEPT);
    expect(texts.followUpsDropped).toBe(5);
    expect(texts.followUps![0].text).toBe('secret words 5');
    expect(texts.followUps!.at(-1)!.text).toBe('secret words 24');
    // the card says some are not shown
    const card = buildAlertCard((await esc.view(alert.id))!);
    expect(cardLines(card).map((l) => l.text)).toContainEqual('5 earlier messages are not shown here: only the last 20 are kept.');
    expect(cardLines(card).map((l) => l.text)).toContainEqual(expect.stringMatching(/written more since this alert \(25 messages\)/));
    expect(saidSince(card).filter((l) => l.text.startsWith('Young person:'))).toHaveLength(20);
    await esc.close();
  });

  it('a long one is cut to the length a route shows of the message that raised the alert', async () => {
    const { esc } = setup();
    await esc.start();
    const { alert } = await esc.raise(sampleInput(), { waitForDeliveryMs: 1000 });
    CONV.conversationKey = alert.conversationKey;
    await esc.addFollowUp(msg('y'.repeat(FOLLOW_UP_MAX_CHARS + 500)));
    const f = (await esc.view(alert.id))!.texts!.followUps![0];
    expect(f.text).toBe('y'.repeat(FOLLOW_UP_MAX_CHARS) + '…');
    await esc.close();
  });

  it('goes on the newest open alert in the conversation; none in another conversation or without an open alert', async () => {
    const { esc } = setup();
    await esc.start();
    const older = await esc.raise(sampleInput(), { waitForDeliveryMs: 1000 });
    await new Promise((r) => setTimeout(r, 5));
    const newer = await esc.raise(sampleInput({ level: 'safeguarding', category: 'abuse' }), { waitForDeliveryMs: 1000 });
    CONV.conversationKey = older.alert.conversationKey;
    expect((await esc.addFollowUp(msg('more'))).alertId).toBe(newer.alert.id);
    expect(await esc.addFollowUp({ ...msg('elsewhere'), conversationKey: 'another-conversation' })).toEqual({ count: 0 });
    expect(await esc.addFollowUp({ ...msg('someone else'), uid: 'u_other' })).toEqual({ count: 0 });
    expect((await esc.view(older.alert.id))!.texts!.followUps).toBeUndefined();
    await esc.close();
  });

  it('"delete my data": an open alert keeps them until it is resolved; a resolved one loses them with its text', async () => {
    const { store, esc } = setup();
    await esc.start();
    const { alert } = await esc.raise(sampleInput(), { waitForDeliveryMs: 1000 });
    CONV.conversationKey = alert.conversationKey;
    await esc.addFollowUp(msg('he does it when mum is at work'));
    await eraseUserData(store, CONV.uid);
    expect((await esc.view(alert.id))!.texts!.followUps!.map((f) => f.text)).toEqual(['he does it when mum is at work']);
    await esc.resolve(alert.id, { id: DUTY_WORKER }, 'Referred to children’s services.');
    await eraseUserData(store, CONV.uid);
    expect((await esc.view(alert.id))?.texts).toBeUndefined();
    expect(await store.getJson(`alert:${alert.id}:text`)).toBeUndefined();
    await esc.close();
  });
});

describe('on the card', () => {
  // Teams refuses a message over about 28 KB; a refused card would be retried for ever and never seen.
  const TEAMS_LIMIT_BYTES = 28 * 1024;
  const long = (n: number) => 'Words typed in a hurry, many of them. '.repeat(80).slice(0, n);

  it('the fullest possible card still fits in a Teams message: the newest follow-ups that fit, and how many did not', () => {
    const view = {
      alert: {
        id: '3f2a1c9e-8b1d-4c55-9a57-0d1e2f3a4b5c', createdAt: '2026-01-05T10:00:00Z', level: 'crisis' as const, category: 'sexual_exploitation_or_grooming',
        reasons: Array.from({ length: 6 }, (_, i) => `A plain reason for the worker, number ${i}, of a fair length`), uid: 'u', conversationKey: 'c',
        conversationRef: {}, state: 'reescalated' as const, history: [], round: 3, earlierOpen: ['a-1', 'a-2', 'a-3'],
      },
      texts: {
        trigger: { from: 'young_person' as const, text: long(2000) },
        context: Array.from({ length: 10 }, () => ({ from: 'young_person' as const, text: long(2000) })),
        background: Array.from({ length: 8 }, () => long(600)),
        followUps: Array.from({ length: 20 }, (_, i) => ({ text: `${i} ${long(2000)}`, at: '2026-01-05T10:05:00Z', level: i % 2 ? 'concern' : 'none', category: 'abuse', reasons: ['Says someone hurts them'] })),
        followUpsDropped: 7,
      },
    };
    const card = buildAlertCard(view);
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(TEAMS_LIMIT_BYTES);
    const lines = cardLines(card).map((l) => l.text);
    expect(lines).toContain('10 earlier messages do not fit on the card (Teams limits its size); they are kept with the alert, and the webhook, if you use one, has them.');
    expect(lines).toContain('7 earlier messages are not shown here: only the last 20 are kept.');
    const shown = saidSince(card).filter((l) => l.text.startsWith('Young person:')).map((l) => l.text.split(' ')[2]);
    expect(shown).toEqual(['10', '11', '12', '13', '14', '15', '16', '17', '18', '19']);
    // short ones all fit
    const few = buildAlertCard({ ...view, texts: { ...view.texts, followUps: view.texts.followUps.map((f) => ({ ...f, text: f.text.slice(0, 250) })) } });
    expect(saidSince(few).filter((l) => l.text.startsWith('Young person:'))).toHaveLength(20);
    expect(cardLines(few).map((l) => l.text).join('\n')).not.toMatch(/do not fit/);
  });
});

describe('the Teams route', () => {
  it('refreshes every card first, then posts the count in the thread, never the words; the card keeps who has it', async () => {
    const calls: string[] = [];
    let refreshed: any;
    const route = createTeamsRoute({
      sendToDutyChannel: async () => undefined,
      followUps: {
        async refreshCards(_id, card) {
          calls.push('refresh');
          refreshed = card;
          return { updated: 2, failed: 0 };
        },
        async postInAlertThread(_id, text) {
          calls.push(`post: ${text}`);
        },
      },
    });
    const view = {
      alert: {
        id: 'a-1', createdAt: '2026-01-05T10:00:00Z', level: 'safeguarding' as const, category: 'abuse', reasons: [], uid: 'u', conversationKey: 'c',
        conversationRef: {}, state: 'acknowledged' as const, round: 0,
        history: [
          { state: 'raised' as const, at: '2026-01-05T10:00:00Z', by: 'starling' },
          { state: 'acknowledged' as const, at: '2026-01-05T10:02:00Z', by: DUTY_WORKER },
        ],
      },
      texts: {
        trigger: { from: 'young_person' as const, text: 'my uncle touches me' },
        context: [],
        followUps: ['he does it when mum is at work', 'please help'].map((text) => ({ text, at: '2026-01-05T10:03:00Z', level: 'none', category: null, reasons: [] })),
      },
    };
    await route.followUps!(view, { count: 2, unseen: 2, attempt: 1, idempotencyKey: 'a-1:teams:followups:2' });
    expect(calls).toEqual(['refresh', 'post: The young person has written more since this alert (2 messages so far). Open the card to read them.']);
    const lines = cardLines(refreshed).map((l) => l.text);
    expect(lines).toContain('Acknowledged by a duty worker at 10:02 (UK time)');
    expect(saidSince(refreshed).filter((l) => l.text.startsWith('Young person:')).map((l) => l.text)).toEqual([
      'Young person: he does it when mum is at work',
      'Young person: please help',
    ]);
  });
});
