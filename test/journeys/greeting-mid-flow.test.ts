/**
 * "hi" or "hello" in the middle of a check-in is a young person checking Starling is still there, not
 * a wish to stop. It repeats the question they were on instead of ending the check-in. At the menu it
 * still shows the menu.
 */
import { visibleText } from '../support/replySink';
import { useTestApp } from '../support/testApp';
import { meet } from './support';

const t = useTestApp();

it.each(['hi', 'hello?', 'Hey'])('"%s" at a check-in question repeats it, and the answer still counts', async (said) => {
  const conv = `greet-${said.replace(/\W/g, '')}`;
  await meet(t, conv, '12');
  await t.say(conv, 'skip');
  await t.say(conv, '3');
  await t.say(conv, 'no');
  const r = visibleText(await t.say(conv, said));
  expect(r).not.toMatch(/stopped/i);
  expect(r).toMatch(/2 of 8/);
  expect(visibleText(await t.say(conv, '4'))).toMatch(/say more/i);
});

it('"hi" at the menu shows the menu', async () => {
  await t.join('greet-menu');
  expect(visibleText(await t.say('greet-menu', 'hi'))).toMatch(/check in/i);
});
