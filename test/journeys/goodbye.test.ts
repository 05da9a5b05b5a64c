/**
 * "thanks" or "bye" at the menu is a young person finishing politely. It got "Sorry, I didn't quite get
 * that". Starling now says goodbye kindly, and the menu is still there if they want it.
 */
import { buttonTitles, visibleText } from '../support/replySink';
import { useTestApp } from '../support/testApp';
import { meet } from './support';

const t = useTestApp();

it.each([
  ['thanks', '10'],
  ['thank you', '14'],
  ['bye', '17'],
  ['ok thanks', '22'],
])('"%s" at the menu (age %s) gets a kind goodbye, not "didn\'t get that"', async (said, age) => {
  const conv = `bye-${said.replace(/\W+/g, '-')}`;
  await meet(t, conv, age);
  await t.say(conv, 'stop');
  const r = await t.say(conv, said);
  expect(visibleText(r)).not.toMatch(/didn.t (quite )?get that/i);
  expect(visibleText(r)).toMatch(/any time/i);
  expect(buttonTitles(r).length).toBeGreaterThan(0); // the menu is still there
});

it('"thanks" as a "say more" answer in a check-in is kept as their words, not a goodbye', async () => {
  await meet(t, 'bye-mid', '14');
  await t.say('bye-mid', 'skip');
  await t.say('bye-mid', '3');
  const r = visibleText(await t.say('bye-mid', 'thanks'));
  expect(r).toMatch(/2 of 8/);
});
