/** After a My Star check-in, the check-in hands over to the outcome questions, which keep the check-in's id. */
import { createWords } from '../../core/i18n';
import { hashId, setIdHashSecret } from '../../core/logging';
import { loadBank, shortFormItems } from '../../core/outcomes';
import { keys, OutcomeAnswerRecord } from '../../core/records/types';
import { MemoryStore } from '../../core/storage';
import { buttonTitles, visibleText } from '../support/replySink';
import { startTestApp, TestApp } from '../support/testApp';

const words = createWords();
const short = shortFormItems(loadBank());
let app: TestApp;
const store = new MemoryStore();
beforeAll(async () => {
  app = await startTestApp({ store, now: () => new Date('2026-03-02T10:00:00Z') });
});
afterAll(async () => {
  await app.close();
});

it('offers the short form at the end of a check-in and links the answers to it', async () => {
  setIdHashSecret('test-secret');
  const uid = hashId('test:user-c1');
  await store.setJson(keys.profile(uid), { uid, ageBand: '12-15', area: 'coventry', createdAt: '2026-01-01T00:00:00Z', privacySeenAt: '2026-01-01T00:00:00Z' });
  await app.join('c1');
  const offer = words.t('outcomes:offer.afterCheckIn', { band: '12-15', count: short.length });
  await app.say('c1', 'check in');
  let r = await app.say('c1', 'skip'); // no strengths this time
  for (let i = 0; i < 8; i++) {
    await app.say('c1', '3'); // each My Star area
    r = await app.say('c1', 'skip'); // nothing more to say
  }
  // the check-in may offer goals first; saying no leads on to the outcome questions
  for (let k = 0; k < 3 && !visibleText(r).includes(offer); k++) r = await app.say('c1', 'no thanks');
  expect(visibleText(r)).toContain(offer);
  expect(buttonTitles(r)).toEqual([words.t('outcomes:offer.yes', { band: '12-15' }), words.t('outcomes:offer.notNow', { band: '12-15' })]);
  r = await app.say('c1', 'yes');
  r = await app.say('c1', '5');
  const saved = await store.listRange<OutcomeAnswerRecord>(keys.userOutcomes(uid));
  const checkIns = await store.listRange<string>(keys.userCheckIns(uid));
  expect(saved).toHaveLength(1);
  expect(saved[0]).toMatchObject({ frameworkId: short[0].id, answer: 5, checkInId: checkIns[checkIns.length - 1] });
});
