/**
 * Opening the chat already says who Starling is and what it can do. Starting the first check-in must not
 * say the same long introduction again a moment later; it still says Starling is a chatbot.
 */
import { visibleText } from '../support/replySink';
import { useTestApp } from '../support/testApp';

const t = useTestApp();

it('the first check-in does not repeat the opening introduction', async () => {
  const opening = visibleText(await t.join('welcome-once'));
  expect(opening).toMatch(/I can help you check in on how things are going/);
  const start = visibleText(await t.say('welcome-once', 'check in'));
  expect(start).not.toMatch(/I can help you check in on how things are going/);
  expect(start).toMatch(/chatbot/i);
  expect(start).toMatch(/how old are you/i);
  expect(start.match(/\bfirst\b/gi)?.length ?? 0).toBeLessThanOrEqual(1); // not "First, ... First, how old are you?"
});
