/**
 * An 8-11 year old who picks the lowest step for feeling safe and then for where they live, in one check-in,
 * got the whole crisis list twice in a row. The second time, once a person at work has been told, the reply is
 * short: thanks, who was told (the truth), and where help is now (the list just above, or "help"). Every answer
 * still raises its alert; when no person is there to follow up soon, the full list comes again.
 */
import type { AlertInput, AlertOutcome } from '../../bot/middleware/safety';
import { visibleText } from '../support/replySink';
import { useTestApp } from '../support/testApp';
import { meet } from './support';

const raised: AlertInput[] = [];
let outcome: AlertOutcome = { state: 'delivered_on_duty' };
const t = useTestApp({ alerts: { raise: async (a) => (raised.push(a), outcome) } });

const FULL_LIST = /Samaritans[\s\S]*Shout/;

const typedRed = (conv: string) => t.say(conv, 'red');

it('typed: the second lowest step in the same check-in gets a short reply, still pointing to help now, and both alerts are raised', async () => {
  raised.length = 0;
  outcome = { state: 'delivered_on_duty' };
  const conv = 'twice-typed';
  await meet(t, conv, '9');
  await t.say(conv, 'skip');
  const first = visibleText(await typedRed(conv));
  expect(first).toMatch(FULL_LIST);
  await t.say(conv, 'no');
  for (let i = 0; i < 3; i++) {
    await t.say(conv, '3');
    await t.say(conv, 'no');
  }
  const second = visibleText(await typedRed(conv));
  expect(second).not.toMatch(FULL_LIST);
  expect(second).toMatch(/this too/i);
  expect(second).toMatch(/told a grown-up/i); // who was told, as the first time
  expect(second).toMatch(/list I showed you/i);
  expect(second).toMatch(/"help"/);
  expect(second.length).toBeLessThan(first.length / 2);
  expect(raised.map((a) => a.category)).toEqual(['immediate_danger', 'domestic_abuse_at_home']);
  expect(second).toMatch(/tell me more/i); // the check-in carries on
});

it('pressed: the same with the step buttons', async () => {
  raised.length = 0;
  outcome = { state: 'delivered_on_duty' };
  const conv = 'twice-pressed';
  await meet(t, conv, '10');
  const card = await t.say(conv, 'skip');
  const checkInId = JSON.stringify(card).match(/"checkInId":"([^"]+)"/)![1];
  const first = visibleText(await t.press(conv, { kind: 'mystar.step', checkInId, area: 'being_safe', step: 1 }));
  expect(first).toMatch(FULL_LIST);
  await t.say(conv, 'no');
  for (let i = 0; i < 3; i++) {
    await t.say(conv, '3');
    await t.say(conv, 'no');
  }
  const second = visibleText(await t.press(conv, { kind: 'mystar.step', checkInId, area: 'where_you_live', step: 1 }));
  expect(second).not.toMatch(FULL_LIST);
  expect(second).toMatch(/list I showed you/i);
  expect(raised).toHaveLength(2);
});

it.each<[string, AlertOutcome]>([
  ['no route', { state: 'no_route' }],
  ['still trying', { state: 'trying' }],
  ['told, but nobody at work now', { state: 'delivered_off_duty', nextOnDuty: new Date('2026-12-01T09:00:00Z') }],
])('when no person is there to follow up soon (%s), the second time still gives the full list', async (name, o) => {
  raised.length = 0;
  outcome = o;
  const conv = `twice-${name.replace(/\W+/g, '-')}`;
  await meet(t, conv, '9');
  await t.say(conv, 'skip');
  expect(visibleText(await typedRed(conv))).toMatch(FULL_LIST);
  await t.say(conv, 'no');
  for (let i = 0; i < 3; i++) {
    await t.say(conv, '3');
    await t.say(conv, 'no');
  }
  expect(visibleText(await typedRed(conv))).toMatch(FULL_LIST);
  expect(raised).toHaveLength(2);
});

it('only within one check-in: red for where you live in a new check-in gets the full reply again', async () => {
  raised.length = 0;
  outcome = { state: 'delivered_on_duty' };
  const conv = 'twice-new-checkin';
  await meet(t, conv, '9');
  await t.say(conv, 'skip');
  expect(visibleText(await typedRed(conv))).toMatch(FULL_LIST);
  await t.say(conv, 'no');
  await t.say(conv, 'stop');
  await t.say(conv, 'check in');
  expect(visibleText(await t.say(conv, 'new'))).toMatch(/going well/i);
  await t.say(conv, 'skip');
  for (let i = 0; i < 4; i++) {
    await t.say(conv, '3');
    await t.say(conv, 'no');
  }
  const r = visibleText(await typedRed(conv));
  expect(r).toMatch(FULL_LIST);
  expect(raised).toHaveLength(2);
});

it('"help" after the short reply shows the routes again, with a way back to the check-in', async () => {
  const conv = 'twice-typed';
  const r = visibleText(await t.say(conv, 'help'));
  expect(r).toMatch(FULL_LIST);
  expect(r).toMatch(/back to where we were/i);
});
