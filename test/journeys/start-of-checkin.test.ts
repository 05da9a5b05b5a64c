/**
 * The first questions of a check-in. "What's going well?" answered with "nothing really" must not get
 * "That's good to hear". "Last time you said you'd ... How did it go?" can be skipped (a button, or typing
 * skip), and a skip is not thanked as if they had told us something.
 */
import { buttons, buttonTitles, visibleText } from '../support/replySink';
import { useTestApp } from '../support/testApp';
import { answerAll, meet } from './support';

const t = useTestApp();

it.each([
  ['nothing really', '17'],
  ['not much tbh', '19'],
  ['Nothing.', '13'],
  ['i dont know', '10'],
])('"%s" to "what is going well?" (age %s) is not met with "good to hear" or "great"', async (said, age) => {
  const conv = `nothing-${age}`;
  await meet(t, conv, age);
  const r = await t.say(conv, said);
  expect(r[0].text).not.toMatch(/good to hear|great|love that/i);
  expect(visibleText(r)).toMatch(/1 of 8/); // and the check-in goes on
});

async function checkInWithPlan(conv: string, age: string) {
  await meet(t, conv, age);
  await t.say(conv, 'football');
  await answerAll(t, conv, ['4', '4', '4', '2', '4', '4', '4', '4']);
  await t.say(conv, 'yes');
  await t.say(conv, 'friends');
  await t.say(conv, 'more people to hang out with');
  await t.say(conv, 'shy');
  await t.say(conv, 'join a club');
  await t.say(conv, 'next week');
  await t.say(conv, 'not now'); // no support offer
  await t.say(conv, 'not now'); // no outcome questions
}

it('"how did it go?" next time has a Skip button, and pressing it goes on without thanking them', async () => {
  await checkInWithPlan('follow-press', '12');
  const ask = await t.say('follow-press', 'check in');
  expect(visibleText(ask)).toMatch(/join a club/);
  const skip = buttons(ask).find((b) => b.title === 'Skip');
  expect(skip).toBeDefined();
  const r = visibleText(await t.press('follow-press', skip!.data));
  expect(r).not.toMatch(/thanks for/i);
  expect(r).toMatch(/going well/i); // on to the check-in
});

it('typing "skip" to "how did it go?" is not thanked either', async () => {
  await checkInWithPlan('follow-typed', '9');
  const ask = await t.say('follow-typed', 'check in');
  expect(buttonTitles(ask)).toContain('Skip');
  const r = visibleText(await t.say('follow-typed', 'skip'));
  expect(r).not.toMatch(/thanks for telling me/i);
  expect(r).toMatch(/going well/i);
});

it('a real answer to "how did it go?" is still thanked', async () => {
  await checkInWithPlan('follow-said', '15');
  await t.say('follow-said', 'check in');
  expect(visibleText(await t.say('follow-said', 'I went once, it was ok'))).toMatch(/thanks for letting me know|well done for giving it a go/i);
});

it.each(['pause', 'take a break', 'brb'])('"%s" at "what is going well?" takes a break instead of being kept as the good thing', async (said) => {
  const conv = `strength-${said.replace(/ /g, '-')}`;
  await meet(t, conv, '14');
  const r = visibleText(await t.say(conv, said));
  expect(r).not.toMatch(/good to hear|going well\./i);
  expect(r).not.toMatch(/1 of 8/);
  expect(r).toMatch(/carry on/i);
  expect(visibleText(await t.say(conv, 'check in'))).toMatch(/carry on/i);
});

it.each(['?', 'what', 'skip this'])('"%s" at "what is going well?" is not thanked as a good thing', async (said) => {
  const conv = `strength-q-${said.length}`;
  await meet(t, conv, '11');
  const r = await t.say(conv, said);
  expect(r[0].text).not.toMatch(/great|love that|good to hear/i);
});
