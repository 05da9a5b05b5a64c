/**
 * "How I'm feeling" in the help menu is the most general need there is. The people offered for it must be
 * general support, not services for something the young person never mentioned (an LGBT+ helpline, a
 * charity for trans young people, bereavement or eating disorder support).
 */
import { visibleText } from '../support/replySink';
import { useTestApp } from '../support/testApp';
import { meet } from './support';

const t = useTestApp();

it.each([
  ['9', 'Buckinghamshire'],
  ['14', 'Coventry'],
  ['14', 'Warwickshire'],
  ['15', 'Milton Keynes'],
  ['12', 'Somewhere else'],
  ['20', 'Somewhere else'],
])('a %s-year-old (%s) asking for help with how they feel is shown general support', async (age, area) => {
  const conv = `feel-${age}-${area}`;
  await meet(t, conv, age, area);
  await t.say(conv, 'stop');
  await t.say(conv, 'help');
  const text = visibleText(await t.say(conv, '1')); // "How I'm feeling"
  expect(text).toMatch(/help with that/i);
  expect(text).not.toMatch(/Switchboard|Mermaids|Winston's Wish|Beat Youthline/);
});
