/**
 * "about" at the menu, and "stop" in the middle of a check-in, answer in the same message as the menu that follows:
 * one message with the words and the menu's buttons, not two messages in a row (two bubbles in Teams, and two
 * deliveries for every such turn). The words are not repeated when the menu comes again.
 */
import { buttons, visibleText } from '../support/replySink';
import { useTestApp } from '../support/testApp';
import { meet } from './support';

const t = useTestApp();

it('"about" at the menu is one message: who Starling is, then the menu buttons', async () => {
  await t.join('about-one');
  const replies = await t.say('about-one', 'about');
  expect(replies).toHaveLength(1);
  expect(visibleText(replies)).toMatch(/chatbot/i);
  expect(visibleText(replies)).toMatch(/delete your data/i);
  expect(buttons(replies).map((b) => b.title)).toContain('Check in');
  // the next menu does not say it all again
  const next = await t.say('about-one', 'carry on');
  expect(buttons(next).map((b) => b.title)).toContain('Check in');
  expect(visibleText(next)).not.toMatch(/chatbot/i);
});

it('"who can see this" at the menu (age 10) answers and shows the menu in one message', async () => {
  await meet(t, 'who-sees', '10');
  await t.say('who-sees', 'menu');
  const replies = await t.say('who-sees', 'who can see this');
  expect(replies).toHaveLength(1);
  expect(visibleText(replies)).toMatch(/help team|duty team/i);
  expect(buttons(replies).length).toBeGreaterThan(2);
});

it('"stop" in the middle of a check-in says what is kept, with the menu, in one message', async () => {
  await meet(t, 'stop-one', '14');
  const replies = await t.say('stop-one', 'stop');
  expect(replies).toHaveLength(1);
  expect(visibleText(replies)).toMatch(/saved/i);
  expect(buttons(replies).map((b) => b.title)).toContain('Check in');
});
