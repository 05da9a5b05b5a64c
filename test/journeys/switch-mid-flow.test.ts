/**
 * The things a young person can always ask for by name ("delete my data", "show my star", "change my
 * details") work in the middle of a check-in or any other question, instead of getting "Sorry, I am not
 * sure" again and again. A check-in left this way is kept and offered again next time.
 */
import { buttons, visibleText } from '../support/replySink';
import { useTestApp } from '../support/testApp';
import { answerAll, meet } from './support';

const t = useTestApp();

async function toArea2(conv: string, age: string) {
  await meet(t, conv, age);
  await t.say(conv, 'skip');
  await t.say(conv, '3');
  expect(visibleText(await t.say(conv, 'no'))).toMatch(/2 of 8/);
}

it('"delete my data" in the middle of a check-in asks to confirm, and deletes', async () => {
  await toArea2('del-mid', '10');
  const ask = visibleText(await t.say('del-mid', 'delete my data'));
  expect(ask).not.toMatch(/not sure/i);
  expect(ask).toMatch(/delete/i);
  const done = visibleText(await t.say('del-mid', 'yes'));
  expect(done).toMatch(/deleted/i);
  // nothing is left: the next check-in starts from the first meeting
  expect(visibleText(await t.say('del-mid', 'check in'))).toMatch(/how old are you/i);
});

it('"show my star" in the middle of a check-in answers it, and the check-in can be carried on after', async () => {
  await toArea2('star-mid', '14');
  const star = visibleText(await t.say('star-mid', 'show my star'));
  expect(star).not.toMatch(/not sure/i);
  expect(star).toMatch(/check-in/i); // no finished check-in yet: it says so
  const offer = await t.say('star-mid', 'check in');
  expect(visibleText(offer)).toMatch(/carry on/i);
  expect(visibleText(await t.say('star-mid', 'yes'))).toMatch(/2 of 8/);
});

it('"change my details" while a 17-year-old is asked the outcome questions changes their details', async () => {
  await meet(t, 'details-mid', '17');
  await t.say('details-mid', 'gym');
  await answerAll(t, 'details-mid', ['4', '4', '4', '4', '4', '4', '4', '4']);
  const outcomesOffer = await t.say('details-mid', 'not now'); // no plan; the outcome questions are offered
  expect(visibleText(outcomesOffer)).toMatch(/quick questions/i);
  const r = visibleText(await t.say('details-mid', 'change my details'));
  expect(r).toMatch(/how old are you/i);
});

it('a "Show my star" button pressed on an older menu, mid check-in, shows the star', async () => {
  await t.join('old-menu');
  const menu = await t.say('old-menu', 'menu');
  const starButton = buttons(menu).find((b) => /star/i.test(b.title))!;
  await meet(t, 'old-menu', '12');
  await t.say('old-menu', 'skip');
  const r = visibleText(await t.press('old-menu', starButton.data));
  expect(r).not.toMatch(/not sure/i);
  expect(r).toMatch(/check-in/i);
});

it('"check in" typed at "delete everything?" starts the check-in without saying something was stopped', async () => {
  await meet(t, 'data-then-checkin', '15');
  await t.say('data-then-checkin', 'stop');
  expect(visibleText(await t.say('data-then-checkin', 'delete my data'))).toMatch(/sure/i);
  const r = visibleText(await t.say('data-then-checkin', 'check in'));
  expect(r).not.toMatch(/stopped/i);
  expect(r).toMatch(/carry on|going well/i);
});

it.each([
  ['waiting list', 'Back to menu'],
  ['help', 'Back to menu'],
])('"%s" then "%s" goes to the menu without "we\'ve stopped, what you told me is saved"', async (open, back) => {
  const conv = `back-${open.replace(/ /g, '-')}`;
  await meet(t, conv, '13');
  await t.say(conv, 'stop');
  const menu = await t.say(conv, open);
  const button = buttons(menu).find((b) => b.title === back)!;
  const r = visibleText(await t.press(conv, button.data));
  expect(r).not.toMatch(/stopped/i);
  expect(r).toMatch(/check in/i);
});

it('"Back to menu" from help opened in the middle of a check-in still says the check-in is kept', async () => {
  await meet(t, 'back-mid', '13');
  await t.say('back-mid', 'skip');
  const help = await t.say('back-mid', 'help');
  const button = buttons(help).find((b) => b.title === 'Back to menu')!;
  expect(visibleText(await t.press('back-mid', button.data))).toMatch(/saved|pick up later/i);
});
