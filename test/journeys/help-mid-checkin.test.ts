/**
 * "help" typed in the middle of a check-in shows the help routes. Afterwards the young person must be
 * able to get back to the question they were on: "carry on" (typed or pressed) returns to it, instead
 * of showing the help menu again and again.
 */
import { buttons, buttonTitles, visibleText } from '../support/replySink';
import { useTestApp } from '../support/testApp';
import { meet } from './support';

const t = useTestApp();

async function toArea2(conv: string, age: string) {
  await meet(t, conv, age);
  await t.say(conv, 'skip');
  await t.say(conv, '3');
  const r = await t.say(conv, 'no');
  expect(visibleText(r)).toMatch(/2 of 8/);
}

it('typing "carry on" after "help" goes back to the check-in question', async () => {
  await toArea2('help-typed', '10');
  const help = await t.say('help-typed', 'help');
  expect(visibleText(help)).toMatch(/Childline/);
  const back = await t.say('help-typed', 'carry on');
  expect(visibleText(back)).toMatch(/2 of 8/);
  const next = await t.say('help-typed', '4'); // and the answer counts
  expect(visibleText(next)).toMatch(/tell me more/i);
});

it('the help menu reached from a check-in has a button to carry on with it', async () => {
  await toArea2('help-button', '16');
  const help = await t.say('help-button', 'i need help');
  const carryOn = buttons(help).find((b) => /carry on/i.test(b.title));
  expect(carryOn).toBeDefined();
  const back = await t.press('help-button', carryOn!.data);
  expect(visibleText(back)).toMatch(/2 of 8/);
});

it('help opened from the menu has no carry-on button (there is nothing to carry on with)', async () => {
  await t.join('help-menu');
  const help = await t.say('help-menu', 'help');
  expect(buttonTitles(help).some((b) => /carry on/i.test(b))).toBe(false);
  expect(buttonTitles(help)).toContain('Back to menu');
});
