/**
 * Waiting for help, "would you like me to check in with you while you wait?": Starling tells young people to type
 * 'stop reminders' to stop them, so that works here too; a number of days is a yes with the days; anything else is
 * asked again saying what to do, not the same offer repeated word for word.
 */
import { visibleText } from '../support/replySink';
import { useTestApp } from '../support/testApp';
import { meet } from './support';

const t = useTestApp();

it('a 15-year-old with a reminder on who types "stop reminders" at the offer has it turned off', async () => {
  await meet(t, 'wr-15', '15');
  await t.say('wr-15', 'menu');
  await t.say('wr-15', "i'm waiting for help");
  await t.say('wr-15', 'remind me to check in');
  await t.say('wr-15', 'yes please');
  expect(visibleText(await t.say('wr-15', 'every 3 days'))).toMatch(/type 'stop reminders'/);
  await t.say('wr-15', "i'm waiting for help");
  await t.say('wr-15', 'remind me to check in');
  expect(visibleText(await t.say('wr-15', 'stop reminders'))).toMatch(/Reminders are off/);
  // the waiting menu now offers to turn them on, not off
  expect(visibleText(await t.say('wr-15', "i'm waiting for help"))).toMatch(/Remind me to check in/);
});

it('a 19-year-old who answers the offer with "every 7 days" gets the reminder set, and "hmm" is asked again with what to type', async () => {
  await meet(t, 'wr-19', '19', 'somewhere else');
  await t.say('wr-19', 'menu');
  await t.say('wr-19', "i'm waiting for help");
  await t.say('wr-19', 'remind me to check in');
  const again = visibleText(await t.say('wr-19', 'hmm'));
  expect(again).toMatch(/didn't catch that/i);
  expect(again).toMatch(/type yes or no/i);
  expect(visibleText(await t.say('wr-19', 'every 7 days'))).toMatch(/in 7 days/);
});

it('a 9-year-old who types "no reminders" at the offer is told that is fine', async () => {
  await meet(t, 'wr-9', '9', 'Milton Keynes');
  await t.say('wr-9', 'menu');
  await t.say('wr-9', "i'm waiting for help");
  await t.say('wr-9', 'remind me to check in');
  const r = visibleText(await t.say('wr-9', 'no reminders'));
  expect(r).not.toMatch(/Would you like me to check/);
  expect(r).toMatch(/You don't have any reminders on|That's fine/);
});

it('a 16-year-old whose reminder is on and who types "remind me to check in" is told it is on and can change how often', async () => {
  await meet(t, 'wr-16', '16', 'Buckinghamshire');
  await t.say('wr-16', 'menu');
  await t.say('wr-16', "i'm waiting for help");
  await t.say('wr-16', 'remind me to check in');
  await t.say('wr-16', 'yes please');
  await t.say('wr-16', 'every 3 days');
  await t.say('wr-16', "i'm waiting for help");
  const r = visibleText(await t.say('wr-16', 'remind me to check in'));
  expect(r).toMatch(/already on: I check in every 3 days/);
  expect(r).not.toMatch(/Would you like me to check in/);
  expect(visibleText(await t.say('wr-16', 'no'))).toMatch(/keep your reminder as it is/);
  await t.say('wr-16', "i'm waiting for help");
  await t.say('wr-16', 'remind me to check in');
  expect(visibleText(await t.say('wr-16', 'every 7 days'))).toMatch(/in 7 days/);
});
