/**
 * The "what do you need help with?" buttons have wording of their own for 8 to 11 year olds. A 9-year-old
 * must see it ("My feelings", "Something online"), not the older wording ("Something online or sexual").
 */
import { buttonTitles } from '../support/replySink';
import { useTestApp } from '../support/testApp';
import { meet } from './support';

const t = useTestApp();

it('a 9-year-old sees the help buttons in words for their age, and pressing-by-typing them still works', async () => {
  await meet(t, 'kid-help', '9');
  await t.say('kid-help', 'stop');
  const first = buttonTitles(await t.say('kid-help', 'help'));
  expect(first).toContain('My feelings 😟');
  expect(first).not.toContain("How I'm feeling");
  const second = buttonTitles(await t.say('kid-help', 'something else'));
  expect(second).toContain('Something online 📱');
  expect(second.join(' ')).not.toMatch(/sexual/i);
});

it('a 14-year-old still sees the older wording', async () => {
  await meet(t, 'teen-help', '14');
  await t.say('teen-help', 'stop');
  expect(buttonTitles(await t.say('teen-help', 'help'))).toContain("How I'm feeling");
});
