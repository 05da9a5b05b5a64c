import { ConversationState, MemoryStorage, TurnContext } from 'botbuilder';
import { DialogTestClient } from 'botbuilder-testing';
import { parseConfig } from '../../core/config';
import { createWords } from '../../core/i18n';
import { createIntentMatcher } from '../../core/intents';
import { createLogger } from '../../core/logging';
import { loadBank, shortFormItems } from '../../core/outcomes';
import { keys, OutcomeAnswerRecord, Profile } from '../../core/records/types';
import { MemoryStore } from '../../core/storage';
import { userUid } from '../../bot/turnState';
import { OutcomesDialog } from '../../dialogs/outcomes';
import type { DialogDeps } from '../../dialogs/types';

const words = createWords();
const short = shortFormItems(loadBank());

function setup(profile: Partial<Profile> = { ageBand: '12-15', area: 'coventry' }, opts: Record<string, unknown> = {}, store = new MemoryStore()) {
  const deps: DialogDeps = {
    store,
    words,
    log: createLogger({ level: 'silent' }),
    config: parseConfig({ NODE_ENV: 'test' }),
    intents: createIntentMatcher(),
    help: { crisisText: () => 'help routes' },
    now: () => new Date('2026-03-01T12:00:00Z'),
    extras: {},
  };
  let uid = '';
  const seedProfile = {
    async onTurn(ctx: TurnContext, next: () => Promise<void>) {
      uid = userUid(ctx);
      await store.setJson(keys.profile(uid), { uid, createdAt: '2026-01-01T00:00:00Z', ...profile });
      await next();
    },
  };
  const client = new DialogTestClient('test', new OutcomesDialog(deps), opts, [seedProfile], new ConversationState(new MemoryStorage()));
  const answers = async () => store.listRange<OutcomeAnswerRecord>(keys.userOutcomes(uid));
  return { client, store, answers };
}

const cardOf = (a: any) => a?.attachments?.[0]?.content;
const buttonsOf = (a: any): any[] => {
  const c = cardOf(a);
  if (!c) return [];
  const inBody = (c.body ?? []).flatMap((b: any) => (b.type === 'ActionSet' ? b.actions : []));
  return [...inBody, ...(c.actions ?? [])];
};
/** The statement shown on an item card. */
const asks = (a: any, key: string, band: string) => (cardOf(a)?.body ?? []).some((b: any) => b.type === 'TextBlock' && b.text === words.t(key, { band: band as any }));
const press = (client: DialogTestClient, data: unknown) => client.sendActivity({ type: 'message', value: data } as any);

describe('outcome questions dialog', () => {
  it('offers the short form, asks each item on a card with five answers, and stores every answer', async () => {
    const { client, answers } = setup({ ageBand: '12-15', area: 'coventry' }, { checkInId: 'c1', afterCheckIn: true });
    const offer = await client.sendActivity('hi');
    expect(offer.text).toBe(words.t('outcomes:offer.afterCheckIn', { band: '12-15', count: short.length }));
    let reply = await client.sendActivity('yes');
    expect(reply.text).toContain(words.t('outcomes:intro', { band: '12-15' }));
    reply = client.getNextReply();
    expect(reply.text ?? '').not.toContain(words.t('outcomes:progress', { band: '12-15', n: 1, total: short.length }));
    expect(JSON.stringify(reply.attachments)).toContain(words.t('outcomes:progress', { band: '12-15', n: 1, total: short.length }));
    for (let i = 0; i < short.length; i++) {
      expect(asks(reply, short[i].key, '12-15')).toBe(true);
      const answersOnCard = buttonsOf(reply).filter((b) => b.data.answer);
      expect(answersOnCard.map((b) => b.title)).toEqual([1, 2, 3, 4, 5].map((n) => words.t(`outcomes:scale.${n}`, { band: '12-15' })));
      reply = await press(client, answersOnCard[i % 5].data);
    }
    expect(words.list('outcomes:thanks', { band: '12-15' })).toContain(reply.text);
    const got = await answers();
    expect(got.map((a) => a.frameworkId)).toEqual(short.map((s) => s.id));
    expect(got.map((a) => a.answer)).toEqual(short.map((_, i) => (i % 5) + 1));
    expect(got.every((a) => a.ageBand === '12-15' && a.area === 'coventry' && a.checkInId === 'c1')).toBe(true);
  });

  it('uses emoji answers for 8-11', async () => {
    const { client } = setup({ ageBand: '8-11' });
    await client.sendActivity('hi');
    await client.sendActivity('ok');
    const card = client.getNextReply();
    const titles = buttonsOf(card).filter((b) => b.data.answer).map((b) => b.title);
    expect(titles).toHaveLength(5);
    for (const t of titles) expect(t).toMatch(/\p{Extended_Pictographic}/u);
    expect(asks(card, short[0].key, '8-11')).toBe(true);
  });

  it('accepts typed answers, asks again when unclear, and stores a skip as no answer', async () => {
    const { client, answers } = setup();
    await client.sendActivity('hi');
    await client.sendActivity('yes');
    client.getNextReply();
    let reply = await client.sendActivity('mostly');
    expect(asks(reply, short[1].key, '12-15')).toBe(true);
    reply = await client.sendActivity('banana');
    expect(reply.text).toBe(words.t('outcomes:reask', { band: '12-15' }));
    expect(asks(reply, short[1].key, '12-15')).toBe(true);
    reply = await client.sendActivity('skip');
    reply = await client.sendActivity('3');
    expect((await answers()).map((a) => [a.frameworkId, a.answer])).toEqual([
      [short[0].id, 4],
      [short[1].id, null],
      [short[2].id, 3],
    ]);
  });

  it('keeps a comment typed on the card with its answer', async () => {
    const { client, answers } = setup();
    await client.sendActivity('hi');
    await client.sendActivity('yes');
    const card = client.getNextReply();
    const b = buttonsOf(card).find((x) => x.data.answer === 2);
    await press(client, { ...b.data, comment: '  the wait was long  ' });
    expect((await answers())[0]).toMatchObject({ frameworkId: short[0].id, answer: 2, comment: 'the wait was long' });
  });

  it('stops when asked, keeping the answers given so far', async () => {
    const { client, answers } = setup();
    await client.sendActivity('hi');
    await client.sendActivity('yes');
    const card = client.getNextReply();
    const next = await press(client, buttonsOf(card).find((x) => x.data.answer === 5).data);
    // the Stop button is the main dialog's (nav stop, tested through the app); typed words end it here too
    expect(buttonsOf(next).find((x) => x.data.kind === 'nav' && x.data.intent === 'stop')).toBeDefined();
    const reply = await client.sendActivity("I'm done");
    expect(reply.text).toBe(words.t('outcomes:stopped', { band: '12-15' }));
    expect(client.dialogTurnResult.status).toBe('complete');
    expect((await answers()).map((a) => a.answer)).toEqual([5]);
  });

  it('ignores a press on an old card and asks the current question again', async () => {
    const { client, answers } = setup();
    await client.sendActivity('hi');
    await client.sendActivity('yes');
    client.getNextReply();
    const reply = await press(client, { kind: 'outcomes.answer', item: '6.4', answer: 1 });
    expect(reply.text).toBe(words.t('outcomes:reask', { band: '12-15' }));
    expect(asks(reply, short[0].key, '12-15')).toBe(true);
    expect(await answers()).toEqual([]);
  });

  it('stores nothing when the young person says not now', async () => {
    const { client, answers } = setup();
    await client.sendActivity('hi');
    const reply = await client.sendActivity('not now');
    expect(words.list('outcomes:declined', { band: '12-15' })).toContain(reply.text);
    expect(client.dialogTurnResult.status).toBe('complete');
    expect(await answers()).toEqual([]);
  });

  it('asks a few rotating items when the short form was answered recently', async () => {
    const store = new MemoryStore();
    const first = setup({ ageBand: '16-25' }, {}, store);
    await first.client.sendActivity('hi');
    await first.client.sendActivity('yes');
    first.client.getNextReply();
    for (let i = 0; i < short.length; i++) await first.client.sendActivity('4');
    const second = setup({ ageBand: '16-25' }, {}, store);
    const offer = await second.client.sendActivity('hi');
    expect(offer.text).toBe(words.t('outcomes:offer.alone', { band: '16-25', count: 4 }));
    await second.client.sendActivity('yes');
    const card = second.client.getNextReply();
    const firstRotating = loadBank().items.find((i) => !i.flags.shortForm)!;
    expect(asks(card, firstRotating.key, '16-25')).toBe(true);
  });
});
