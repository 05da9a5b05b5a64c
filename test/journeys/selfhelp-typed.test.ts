/**
 * "Things that might help": typing a word from an idea's name ("breathing", "sleep", "worry") picks it,
 * instead of "Pick one of the ideas" again.
 */
import { visibleText } from '../support/replySink';
import { useTestApp } from '../support/testApp';
import { meet } from './support';

const t = useTestApp();

it.each([
  ['breathing', '15', /breathing/i],
  ['sleep', '15', /sleep/i],
  ['worry', '15', /worry/i],
  ['i cant sleep', '9', /sleep/i],
  ['balloon', '9', /balloon/i],
])('typing "%s" (age %s) at the list of ideas starts that idea', async (said, age, expected) => {
  const conv = `sh-${said.replace(/\W+/g, '-')}-${age}`;
  await meet(t, conv, age);
  await t.say(conv, 'stop');
  await t.say(conv, 'things to try');
  const r = visibleText(await t.say(conv, said));
  expect(r).not.toMatch(/pick one of the ideas/i);
  expect(r).toMatch(expected);
  expect(r).toMatch(/next/i);
});

it('a word that fits no idea is asked again', async () => {
  await meet(t, 'sh-none', '15');
  await t.say('sh-none', 'stop');
  await t.say('sh-none', 'things to try');
  expect(visibleText(await t.say('sh-none', 'pizza'))).toMatch(/pick one of the ideas/i);
});
