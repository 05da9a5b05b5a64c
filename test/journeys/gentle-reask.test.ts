/**
 * An answer Starling cannot read gets a gentle re-ask that says how to answer, not the same question
 * again word for word (which reads as if Starling did not hear them).
 */
import { buttonTitles, visibleText } from '../support/replySink';
import { useTestApp } from '../support/testApp';
import { answerAll, meet } from './support';

const t = useTestApp();

it.each([
  ['9', /yes/i],
  ['14', /yes/i],
  ['21', /yes/i],
])('age %s: "whatever" to "would you like to work on something?" is re-asked with how to answer', async (age, how) => {
  const conv = `reask-goal-${age}`;
  await meet(t, conv, age);
  await t.say(conv, 'skip');
  const offer = await answerAll(t, conv, ['4', '4', '4', '4', '4', '4', '4', '4']);
  const question = visibleText(offer.slice(-1));
  const again = await t.say(conv, 'whatever');
  const text = visibleText(again);
  expect(text).not.toBe(question);
  expect(text).toMatch(/not now/i);
  expect(text).toMatch(how);
  expect(buttonTitles(again)).toEqual(buttonTitles(offer.slice(-1))); // the same buttons are there to tap
  expect(visibleText(await t.say(conv, 'no'))).toMatch(/another time|next time/i);
});

it('"whatever" to "want to try something that might help?" in the help menu is re-asked with how to answer', async () => {
  await meet(t, 'reask-help', '13');
  await t.say('reask-help', 'stop');
  await t.say('reask-help', 'help');
  const offer = await t.say('reask-help', '1');
  const question = visibleText(offer.slice(-1));
  const again = visibleText(await t.say('reask-help', 'whatever'));
  expect(again).not.toBe(question);
  expect(again).toMatch(/no thanks/i);
});
