/** Typed words that move a young person around Starling, through the real service. */
import { buttonTitles, visibleText } from '../support/replySink';
import { meetAs14 } from '../support/meet';
import { useTestApp } from '../support/testApp';

const t = useTestApp();

const meet = (conv: string) => meetAs14(t, conv);

it('"change my details" at the menu opens the details to change, without the first welcome', async () => {
  await meet('details-1');
  await t.say('details-1', 'menu');
  const r = await t.say('details-1', 'Change my details');
  expect(visibleText(r)).toMatch(/update your details/i);
});

it('"home" as the answer to "what is going well" is kept as an answer, not taken as "go to the menu"', async () => {
  await meet('home-1');
  const r = await t.say('home-1', 'home');
  expect(visibleText(r)).not.toMatch(/we've stopped/i);
  expect(JSON.stringify(r)).toMatch(/"area":"being_safe"/); // the check-in went on to its first area
});

it('"stop reminders" typed at the menu goes straight to turning reminders off', async () => {
  await meet('rem-1');
  await t.say('rem-1', 'menu');
  const r = await t.say('rem-1', 'stop reminders');
  expect(visibleText(r)).toMatch(/don't have any reminders on/i);
  expect(buttonTitles(r).length).toBeGreaterThan(0); // and offers what next
});
