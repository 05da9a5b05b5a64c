/** The outcome questions as a young person meets them through the real app (HTTP), and the report route it wires. */
import { createWords } from '../../core/i18n';
import { hashId, setIdHashSecret } from '../../core/logging';
import { loadBank, shortFormItems } from '../../core/outcomes';
import { keys, OutcomeAnswerRecord } from '../../core/records/types';
import { collectUserData } from '../../core/records/userData';
import { MemoryStore } from '../../core/storage';
import { buttonTitles, visibleText } from '../support/replySink';
import { startTestApp, TestApp } from '../support/testApp';

const words = createWords();
const short = shortFormItems(loadBank());
const KEY = 'report-key-for-the-app-test-0123456789';

let app: TestApp;
let store: MemoryStore;
beforeAll(async () => {
  store = new MemoryStore();
  app = await startTestApp({ store, env: { REPORT_API_KEY: KEY }, now: () => new Date('2026-03-02T10:00:00Z') });
});
afterAll(async () => {
  await app.close();
});

function uidOf(conv: string): string {
  setIdHashSecret('test-secret');
  return hashId(`test:user-${conv}`);
}

async function withProfile(conv: string, band: '8-11' | '12-15' | '16-25') {
  const uid = uidOf(conv);
  await store.setJson(keys.profile(uid), { uid, ageBand: band, area: 'warwickshire', createdAt: '2026-01-01T00:00:00Z', privacySeenAt: '2026-01-01T00:00:00Z' });
  return uid;
}

describe('outcome questions in the app', () => {
  it('are on the menu, ask on cards, store answers, and stop with the Stop button keeping what was said', async () => {
    const uid = await withProfile('o1', '16-25');
    await app.join('o1');
    const menu = await app.say('o1', 'menu');
    const label = words.t('outcomes:menu.label', { band: '16-25' });
    expect(buttonTitles(menu)).toContain(label);

    const offer = await app.press('o1', { kind: 'nav', intent: 'outcomes' });
    expect(visibleText(offer)).toContain(words.t('outcomes:offer.alone', { band: '16-25', count: short.length }));
    const first = await app.say('o1', 'yes');
    expect(visibleText(first)).toContain(words.t(short[0].key, { band: '16-25' }));
    expect(buttonTitles(first)).toEqual(
      expect.arrayContaining([words.t('outcomes:scale.1', { band: '16-25' }), words.t('outcomes:scale.5', { band: '16-25' }), words.t('outcomes:stop', { band: '16-25' })]),
    );

    const second = await app.press('o1', { kind: 'outcomes.answer', item: short[0].id, answer: 4, comment: 'ok I guess' });
    expect(visibleText(second)).toContain(words.t(short[1].key, { band: '16-25' }));
    const typed = await app.say('o1', 'not really');
    expect(visibleText(typed)).toContain(words.t(short[2].key, { band: '16-25' }));

    const stopped = await app.press('o1', { kind: 'nav', intent: 'stop' });
    expect(visibleText(stopped)).toContain(words.t('common:stopped', { band: '16-25' }));

    const saved = await store.listRange<OutcomeAnswerRecord>(keys.userOutcomes(uid));
    expect(saved.map((a) => [a.frameworkId, a.answer, a.ageBand, a.area])).toEqual([
      [short[0].id, 4, '16-25', 'warwickshire'],
      [short[1].id, 2, '16-25', 'warwickshire'],
    ]);
    expect(saved[0].comment).toBe('ok I guess');
    // "show my data" includes them
    const mine = await collectUserData(store, uid);
    expect((mine.outcomes as OutcomeAnswerRecord[]).map((a) => a.frameworkId)).toEqual([short[0].id, short[1].id]);
  });

  it('never writes what the young person typed into the logs', async () => {
    await withProfile('o2', '12-15');
    await app.join('o2');
    await app.press('o2', { kind: 'nav', intent: 'outcomes' });
    await app.say('o2', 'yes');
    await app.press('o2', { kind: 'outcomes.answer', item: short[0].id, answer: 3, comment: 'my secret words zebra' });
    expect(app.logs.join('\n')).not.toContain('zebra');
    expect(app.logs.join('\n')).toContain('outcome answer stored');
  });

  it('serves the report route to the right key only', async () => {
    const res = await fetch(`${app.url}/api/reports?from=2026-03-01&to=2026-03-31&format=json`);
    expect(res.status).toBe(401);
    const ok = await fetch(`${app.url}/api/reports?from=2026-03-01&to=2026-03-31&format=json`, { headers: { authorization: `Bearer ${KEY}` } });
    expect(ok.status).toBe(200);
    const body = await ok.json();
    // two young people answered: far too few to show
    expect(body.summary.withOutcomeAnswers).toBe('<5');
  });
});
