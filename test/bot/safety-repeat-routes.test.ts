/**
 * A young person who says several worrying things in a row is answered every time, and every reply keeps the ways to
 * get help now. Only the first carries the full list with its notes; the next ones, within a few minutes, give the
 * same services and numbers without the notes, and say how to see the full list again. Every message still alerts.
 */
import { recordingAlerts } from '../support/alerts';
import { visibleText } from '../support/replySink';
import { startTestApp, TestApp } from '../support/testApp';

let clock = new Date('2026-11-30T10:00:00Z');
const alerts = recordingAlerts();
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ alerts, now: () => clock });
});
afterAll(() => t.close());
beforeEach(() => alerts.reset());

/** The lines of a reply that name a way to reach a service (a phone number, a text number, a web address). */
const routeLines = (text: string) => text.split('\n').filter((l) => /\d{3}|https?:|www\./.test(l));

it('a second crisis message a few minutes later: same routes, shorter, with how to see the full list', async () => {
  clock = new Date('2026-11-30T10:00:00Z');
  await t.join('repeat-1');
  const first = visibleText(await t.say('repeat-1', 'i want to kill myself'));
  clock = new Date('2026-11-30T10:04:00Z');
  const second = visibleText(await t.say('repeat-1', 'i have the tablets here and i am going to take them all'));
  expect(alerts.raised).toHaveLength(2);
  expect(routeLines(first).length).toBeGreaterThan(2);
  expect(routeLines(second)).toEqual(routeLines(first));
  expect(second.length).toBeLessThan(first.length);
  expect(second).toMatch(/type "help" to see it in full/i);
  expect(first).not.toMatch(/type "help" to see it in full/i);
  // not the same opening word for word: it answers what they have just added
  expect(second).toMatch(/Thank you for telling me more/);
  expect(first).not.toMatch(/telling me more/);
});

it('after a longer gap, the full list comes again', async () => {
  clock = new Date('2026-11-30T12:00:00Z');
  await t.join('repeat-2');
  const first = visibleText(await t.say('repeat-2', 'my dad hits me when he is drunk'));
  clock = new Date('2026-11-30T12:40:00Z');
  const later = visibleText(await t.say('repeat-2', 'he hit me again tonight'));
  expect(alerts.raised).toHaveLength(2);
  expect(later).not.toMatch(/see it in full/i);
  expect(routeLines(later)).toEqual(routeLines(first));
});

it('an 8-11 year old gets the short version in their words, still with every route', async () => {
  clock = new Date('2026-11-30T14:00:00Z');
  await t.join('repeat-3');
  await t.say('repeat-3', 'check in');
  await t.say('repeat-3', '9');
  await t.say('repeat-3', 'ok');
  const first = visibleText(await t.say('repeat-3', 'my uncle touches me and says its a secret'));
  clock = new Date('2026-11-30T14:02:00Z');
  const second = visibleText(await t.say('repeat-3', 'he touched me again last night'));
  expect(alerts.raised).toHaveLength(2);
  expect(routeLines(second)).toEqual(routeLines(first));
  expect(second).toMatch(/Type "help" to see the whole list again/);
  expect(second).toMatch(/Thank you for telling me more\. I'm still here\./);
});
