/**
 * Young people type the way they talk. "gtg", "can we stop", a thumbs-down, "pause" in the outcome
 * questions: each must do what they mean, not get "Sorry, I didn't get that".
 */
import { visibleText } from '../support/replySink';
import { useTestApp } from '../support/testApp';
import { answerAll, meet } from './support';

const t = useTestApp();

async function atFirstArea(conv: string, age: string) {
  await meet(t, conv, age);
  expect(visibleText(await t.say(conv, 'skip'))).toMatch(/1 of 8/);
}

it.each(['gtg', 'got to go', 'gotta go', 'i have to go'])('"%s" at a check-in question takes a break, and the check-in can be carried on', async (said) => {
  const conv = `gtg-${said.replace(/ /g, '-')}`;
  await atFirstArea(conv, '15');
  const r = visibleText(await t.say(conv, said));
  expect(r).not.toMatch(/not sure|didn't get/i);
  expect(r).toMatch(/carry on/i);
  expect(visibleText(await t.say(conv, 'check in'))).toMatch(/carry on/i);
});

it('"can we stop" at a check-in question stops it', async () => {
  await atFirstArea('can-stop', '11');
  const r = visibleText(await t.say('can-stop', 'can we stop'));
  expect(r).not.toMatch(/not sure|didn't get/i);
  expect(r).toMatch(/stop/i);
});

it.each([
  ['👎', 'down', /tell me more/i],
  ['👌', 'ok', /tell me more/i],
])('"%s" as a check-in answer counts', async (said, name, expected) => {
  const conv = `emoji-${name}`;
  await atFirstArea(conv, '9');
  expect(visibleText(await t.say(conv, said))).toMatch(expected);
});

it.each(['pause', 'take a break', 'gtg', 'later'])('"%s" in the outcome questions stops them, keeping what was said', async (said) => {
  const conv = `oc-${said.replace(/ /g, '-')}`;
  await atFirstArea(conv, '16');
  await answerAll(t, conv, ['4', '4', '4', '4', '4', '4', '4', '4']);
  await t.say(conv, 'not now'); // no plan
  await t.say(conv, 'yes'); // the outcome questions
  await t.say(conv, '4');
  const r = visibleText(await t.say(conv, said));
  expect(r).not.toMatch(/didn't get/i);
  expect(r).toMatch(/stop there|saved/i);
});
