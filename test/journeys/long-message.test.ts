/**
 * A very long message gets "could you send the main thing in a sentence or two?" and the question they were on is
 * shown again, so their short reply is clearly an answer to it (it used to be left hanging off-screen).
 */
import { useTestApp } from '../support/testApp';
import { meetAs14 } from '../support/meet';
import { buttons, visibleText } from '../support/replySink';

const t = useTestApp();

it('at "what is going well?", a 5,000-character message is answered kindly and the question comes again', async () => {
  const question = visibleText(await meetAs14(t, 'long-1')).split('\n').find((l) => /going well/.test(l))!;
  expect(question).toBeDefined();
  const reply = visibleText(await t.say('long-1', 'football and my mates '.repeat(250)));
  expect(reply).toMatch(/long message/);
  expect(reply).toContain(question);
});

it('at the menu, a long message gets the same kind answer and the menu is still there', async () => {
  await t.join('long-2');
  const replies = await t.say('long-2', 'x '.repeat(3000));
  expect(visibleText(replies)).toMatch(/long message/);
  expect(buttons(replies).map((b) => b.title)).toContain('Check in');
});
