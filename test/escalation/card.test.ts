/** The duty team's Adaptive Card and the actions that come back from it. */
import { buildAlertCard, createTeamsRoute, parseAlertAction } from '../../core/escalation';
import type { AlertRecord } from '../../core/escalation';
import { createWords, readLocaleFiles } from '../../core/i18n';
import { TRIGGER } from './helpers';

const alert: AlertRecord = {
  id: '3f2a1c9e-0000-4000-8000-000000000001',
  createdAt: '2026-07-01T13:05:00.000Z',
  level: 'crisis',
  category: 'suicide',
  reasons: ['plan', 'means'],
  uid: 'u_abc',
  ageBand: '12-15',
  channel: 'msteams',
  area: 'warwickshire',
  conversationKey: 'c0123456789abcdef',
  conversationRef: { channelId: 'msteams', conversation: { id: 'a:1' } },
  state: 'delivered',
  history: [],
  round: 0,
};
const texts = { trigger: { from: 'young_person' as const, text: TRIGGER }, context: [{ from: 'starling' as const, text: 'How are you today?' }] };

const textOf = (card: object) => JSON.stringify(card);

describe('alert card', () => {
  it('a re-escalated card refreshed after someone acted no longer says it is not acknowledged', () => {
    const waiting = textOf(buildAlertCard({ alert: { ...alert, state: 'reescalated', round: 2 }, texts }, { round: 2 }));
    expect(waiting).toContain('Not acknowledged yet: re-escalation 2');
    for (const state of ['acknowledged', 'taken_over', 'resolved'] as const) {
      const after = textOf(buildAlertCard({ alert: { ...alert, state, round: 2 }, texts }, { round: 2, statusLine: 'Acknowledged by Sam at 10:00 (UK time)' }));
      expect(after).not.toContain('Not acknowledged yet');
    }
  });

  it('names category, area and channel in plain words, not as codes', () => {
    const card = buildAlertCard({
      alert: { ...alert, level: 'safeguarding', category: 'sexual_exploitation_or_grooming', area: 'milton_keynes', channel: 'webchat' },
      texts,
    }) as any;
    const facts = Object.fromEntries(card.body.find((b: any) => b.type === 'FactSet').facts.map((f: any) => [f.title, f.value]));
    expect(facts).toMatchObject({
      Level: 'Safeguarding (harm or risk of harm)',
      Category: 'Sexual exploitation or grooming',
      Area: 'Milton Keynes',
      Channel: 'Web Chat (website)',
    });
    expect(textOf(card)).not.toMatch(/sexual_exploitation|milton_keynes|"webchat"/);
    const odd = buildAlertCard({ alert: { ...alert, category: 'feeling_unsafe_at_home', area: undefined }, texts }) as any;
    const oddFacts = Object.fromEntries(odd.body.find((b: any) => b.type === 'FactSet').facts.map((f: any) => [f.title, f.value]));
    expect(oddFacts).toMatchObject({ Category: 'Feeling unsafe at home', Area: 'not known' });
  });

  it('shows level, category, reasons, excerpt, age band and time (UK), with three buttons carrying the alert id', () => {
    const card = buildAlertCard({ alert, texts }) as any;
    const s = textOf(card);
    expect(card.type).toBe('AdaptiveCard');
    for (const want of ['Crisis alert', 'Suicide', 'plan, means', '12-15', 'Warwickshire', TRIGGER, 'Starling: How are you today?', '14:05 (UK time)']) {
      expect(s).toContain(want);
    }
    expect(card.actions.map((a: any) => [a.type, a.title, a.verb, a.data.alertId])).toEqual([
      ['Action.Execute', 'Acknowledge', 'starling.alert.acknowledge', alert.id],
      ['Action.Execute', 'Take over', 'starling.alert.take_over', alert.id],
      ['Action.Execute', 'Resolve', 'starling.alert.resolve', alert.id],
    ]);
    expect(card.body.some((b: any) => b.type === 'Input.Text' && b.id === 'note')).toBe(true);
  });

  it('says when it is a re-escalation, and offers no buttons once resolved', () => {
    expect(textOf(buildAlertCard({ alert, texts }, { round: 2 }))).toContain('re-escalation 2');
    const done = buildAlertCard({ alert: { ...alert, state: 'resolved' }, texts }, { actionType: 'Action.Submit' }) as any;
    expect(done.actions).toEqual([]);
  });

  it('shows the background a worker needs under its own heading, and no heading when there is none', () => {
    const background = ['Earlier (1 Jul, 13:00): concern, self harm. mentions feeling hopeless', 'Latest check-in (30 Jun, 16:00): suggested level 3 (complex needs).'];
    const card = buildAlertCard({ alert, texts: { ...texts, background } }) as any;
    const box = card.body.find((b: any) => b.type === 'Container' && b.items[0].text === 'Background');
    expect(box.items.slice(1).map((i: any) => i.text)).toEqual(background);
    expect(textOf(buildAlertCard({ alert, texts }))).not.toContain('"Background"');
  });

  it('a follow-up alert says which alerts in the same conversation are still open', () => {
    const card = buildAlertCard({ alert: { ...alert, earlierOpen: ['a-1', 'a-2'] }, texts });
    expect(textOf(card)).toContain('follows 2 alerts still open (a-1, a-2)');
    expect(textOf(buildAlertCard({ alert, texts }))).not.toContain('still open');
  });

  it('says when the text is no longer kept', () => {
    expect(textOf(buildAlertCard({ alert }))).toContain('no longer kept');
  });

  it('the Teams route hands the card to the bot side', async () => {
    const sent: object[] = [];
    const route = createTeamsRoute({ sendToDutyChannel: async (c) => void sent.push(c) });
    await route.deliver({ alert, texts }, { number: 1, round: 1, routeSet: 'backup', idempotencyKey: 'k' });
    expect(route.name).toBe('teams');
    expect(textOf(sent[0])).toContain('re-escalation 1');
  });
});

describe('alert card words', () => {
  /** Every words lookup comes back as «key», so anything on the card not in «» was typed in code. */
  const keyed = { t: (key: string) => `«${key}»`, has: () => true };
  /** What the card shows that is the alert's own data, not words: ids, reasons, age band, the excerpt, a note. */
  const data = new Set([alert.id, 'plan, means', '12-15', 'a-1', 'a-2', 'What was done']);
  const shown = (card: unknown): string[] => {
    const out: string[] = [];
    const walk = (v: unknown, key?: string) => {
      if (Array.isArray(v)) v.forEach((x) => walk(x));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) k !== 'data' && walk(x, k);
      else if (typeof v === 'string' && ['text', 'title', 'value', 'label', 'placeholder'].includes(key!)) out.push(v);
    };
    walk(card);
    return out;
  };

  it('are all read from locales/ (staff namespace), none typed in the code', () => {
    const cards = [
      buildAlertCard({ alert: { ...alert, state: 'reescalated', round: 1, earlierOpen: ['a-1', 'a-2'] }, texts: { ...texts, background: ['x'] } }, { round: 1, words: keyed }),
      buildAlertCard({ alert: { ...alert, state: 'resolved', category: 'feeling_unsafe_at_home' }, note: 'What was done' }, { words: keyed }),
    ];
    // "«who»: what they said" lines carry the young person's or Starling's own words after the label
    const typed = cards.flatMap(shown).filter((s) => !/^«staff:[^»]+»$/.test(s) && !/^«staff:card\.from\.\w+»: /.test(s) && !data.has(s) && s !== 'x');
    expect(typed).toEqual([]);
  });

  it('come from locales/en-GB/staff.json: changing a label there changes the card', () => {
    const resources = readLocaleFiles();
    const staff = JSON.parse(JSON.stringify(resources['en-GB'].staff ?? {}));
    staff.card.actions.take_over = 'Talk with them';
    const card = buildAlertCard({ alert, texts }, { words: createWords({ 'en-GB': { ...resources['en-GB'], staff } }) }) as any;
    expect(card.actions.map((a: any) => a.title)).toEqual(['Acknowledge', 'Talk with them', 'Resolve']);
  });
});

describe('parseAlertAction', () => {
  it('reads Action.Execute (verb) and Action.Submit (data) payloads, with the note', () => {
    expect(parseAlertAction({ starling: 'alert', action: 'acknowledge', alertId: alert.id }, 'starling.alert.resolve')).toMatchObject({ action: 'resolve' });
    expect(parseAlertAction({ starling: 'alert', action: 'resolve', alertId: alert.id, note: 'done' })).toEqual({
      starling: 'alert',
      action: 'resolve',
      alertId: alert.id,
      note: 'done',
    });
  });

  it('ignores anything that is not one of our actions', () => {
    for (const bad of [
      undefined,
      'text',
      { action: 'acknowledge', alertId: alert.id },
      { starling: 'alert', action: 'delete', alertId: alert.id },
      { starling: 'alert', action: 'acknowledge', alertId: '../x' },
      { starling: 'alert', action: 'acknowledge', alertId: 'x'.repeat(65) },
      { starling: 'alert', action: 'acknowledge' },
    ]) {
      expect(parseAlertAction(bad)).toBeUndefined();
    }
  });
});
