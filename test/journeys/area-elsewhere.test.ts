/**
 * Young people outside the four areas type their own town ("London", "Leeds"). The re-ask must tell them
 * how to say they live somewhere else, and common ways of saying it work.
 */
import { visibleText } from '../support/replySink';
import { useTestApp } from '../support/testApp';

const t = useTestApp();

it.each([
  ['16', 'London'],
  ['9', 'Leeds'],
])('age %s typing "%s" is told how to say somewhere else, and "somewhere else" then works', async (age, town) => {
  const conv = `elsewhere-${age}`;
  await t.join(conv);
  await t.say(conv, 'check in');
  await t.say(conv, age);
  await t.say(conv, 'ok');
  await t.say(conv, 'skip');
  const reask = visibleText(await t.say(conv, town));
  expect(reask).toMatch(/somewhere else/i);
  expect(visibleText(await t.say(conv, 'somewhere else'))).toMatch(/remember/i);
});

it.each(['not from there', 'none of these', 'i live somewhere else', 'not in any of them'])('"%s" at "where do you live?" counts as somewhere else', async (said) => {
  const conv = `elsewhere-${said.replace(/\W+/g, '-')}`;
  await t.join(conv);
  await t.say(conv, 'check in');
  await t.say(conv, '14');
  await t.say(conv, 'ok');
  await t.say(conv, 'skip');
  expect(visibleText(await t.say(conv, said))).toMatch(/remember/i);
});
