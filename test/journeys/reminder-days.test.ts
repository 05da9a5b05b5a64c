/**
 * "How often should I check in?" after saying yes to reminders: a young person who changes their mind
 * has a way out (typing no, and the question says so), and everyday ways of saying how often work.
 */
import { visibleText } from '../support/replySink';
import { useTestApp } from '../support/testApp';
import { meet } from './support';

const t = useTestApp();

async function toDays(conv: string, age: string) {
  await meet(t, conv, age);
  await t.say(conv, 'stop');
  await t.say(conv, 'waiting list');
  await t.say(conv, 'Remind me to check in');
  return t.say(conv, 'yes');
}

it.each(['no', 'never mind', 'No thanks'])('"%s" at "how often?" turns reminders down, and the question says so', async (said) => {
  const conv = `days-no-${said.replace(/ /g, '-')}`;
  const ask = await toDays(conv, '15');
  expect(visibleText(ask)).toMatch(/type no/i);
  const r = visibleText(await t.say(conv, said));
  expect(r).toMatch(/any time/i);
  expect(r).not.toMatch(/how many days/i);
  expect(visibleText(await t.say(conv, 'stop reminders'))).toMatch(/don't have any reminders/i);
});

it.each([
  ['once a week', '7'],
  ['weekly', '7'],
  ['every week', '7'],
  ['every two weeks', '14'],
  ['fortnightly', '14'],
])('"%s" at "how often?" sets a reminder every %s days', async (said, days) => {
  const conv = `days-${said.replace(/ /g, '-')}`;
  await toDays(conv, '18');
  expect(visibleText(await t.say(conv, said))).toMatch(new RegExp(`every ${days} days`));
});
