/**
 * The first meeting. A question about the privacy notice shows it again instead of being taken as "OK",
 * and "ok" typed where Starling asks for a nickname is not saved as their name ("Thanks, ok").
 */
import { visibleText } from '../support/replySink';
import { useTestApp } from '../support/testApp';

const t = useTestApp();

it.each([
  ['what does that mean?', '15'],
  ['who sees it', '10'],
  ["i don't understand", '19'],
])('"%s" at the privacy notice (age %s) shows it again, and OK then carries on', async (said, age) => {
  const conv = `priv-${age}`;
  await t.join(conv);
  await t.say(conv, 'check in');
  const notice = await t.say(conv, age);
  expect(visibleText(notice)).toMatch(/delete my data/i);
  const again = visibleText(await t.say(conv, said));
  expect(again).toMatch(/delete my data/i); // the notice again
  expect(again).not.toMatch(/call you/i); // not on to the nickname yet
  expect(visibleText(await t.say(conv, 'ok'))).toMatch(/call you/i);
});

it('"ok" as a nickname is asked again, and a real name is then used', async () => {
  await t.join('nick-ok');
  await t.say('nick-ok', 'check in');
  await t.say('nick-ok', '13');
  expect(visibleText(await t.say('nick-ok', 'ok'))).toMatch(/call you/i);
  const r = visibleText(await t.say('nick-ok', 'ok'));
  expect(r).toMatch(/name/i);
  expect(r).not.toMatch(/where do you live/i);
  await t.say('nick-ok', 'Jo');
  expect(visibleText(await t.say('nick-ok', 'Coventry'))).toMatch(/Thanks, Jo/);
});

it('a young person who will not or cannot give their age is told how to leave, and "stop" works', async () => {
  await t.join('age-out');
  await t.say('age-out', 'check in');
  const reask = visibleText(await t.say('age-out', "idk i'd rather not say"));
  expect(reask).toMatch(/how old|your age/i);
  expect(reask).toMatch(/stop/i);
  expect(visibleText(await t.say('age-out', 'stop'))).toMatch(/stopped/i);
});
