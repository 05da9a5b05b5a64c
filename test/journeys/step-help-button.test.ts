/**
 * The button that explains a check-in question must say what it does. For 8 to 11 year olds it was
 * labelled just "Help", and pressing it only explained the steps: a child who pressed it because they
 * needed help was not told where to find it. The explanation now says how to get help, in every band.
 */
import { buttons, visibleText } from '../support/replySink';
import { useTestApp } from '../support/testApp';
import { meet } from './support';

const t = useTestApp();

it.each(['9', '13', '22'])('age %s: the explain button is not just "Help", and pressing it also says how to get help', async (age) => {
  const conv = `explain-${age}`;
  await meet(t, conv, age);
  const card = await t.say(conv, 'skip');
  const titles = buttons(card).map((b) => b.title);
  expect(titles).not.toContain('Help');
  const explain = buttons(card).find((b) => (b.data as { kind?: string })?.kind === 'mystar.help');
  expect(explain).toBeDefined();
  const r = visibleText(await t.press(conv, explain!.data));
  expect(r).toMatch(/1/);
  expect(r).toMatch(/i need help/i);
  // the label typed back does the same
  expect(visibleText(await t.say(conv, titles.find((x) => /what/i.test(x))!))).toMatch(/i need help/i);
});
