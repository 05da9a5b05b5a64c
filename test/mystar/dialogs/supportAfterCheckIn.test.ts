/**
 * At the end of a check-in, the area at the lowest step gets its support first: who can help with it and
 * ideas to try, offered (never pushed), and then the check-in's usual ending carries on.
 */
import { meetAs14 } from '../../support/meet';
import { buttonTitles, visibleText } from '../../support/replySink';
import { useTestApp } from '../../support/testApp';

const t = useTestApp();

/** being safe, confidence, physical health, friends, where you live, education, feelings, relationships */
async function checkIn(conv: string, steps: string[]) {
  await meetAs14(t, conv);
  await t.say(conv, 'drawing');
  let r = await t.say(conv, steps[0]);
  for (const s of steps.slice(1)) {
    await t.say(conv, 'no'); // nothing more to say about the last area
    r = await t.say(conv, s);
  }
  r = await t.say(conv, 'no');
  return r;
}

it('offers support for the lowest area after the plan step, and shows who can help and ideas when they say yes', async () => {
  const end = await checkIn('low-1', ['4', '3', '4', '1', '4', '3', '2', '4']);
  expect(visibleText(end)).toMatch(/work on/i); // the goals offer comes first
  const offer = await t.say('low-1', 'not now');
  expect(visibleText(offer)).toMatch(/low step for friends/i);
  expect(buttonTitles(offer)).toEqual(['Yes please', 'Not now']);
  const support = await t.say('low-1', 'yes');
  const text = visibleText(support);
  expect(text).toMatch(/who can help/i);
  expect(text).not.toMatch(/people above/i); // nothing is above: the check-in went straight here
  expect(text).toMatch(/try something that might help/i); // then ideas to try, for that area
});

it('"not now" goes on to the rest of the ending, and a check-in with no low steps is not offered support', async () => {
  await checkIn('low-2', ['4', '3', '4', '2', '4', '3', '4', '4']);
  await t.say('low-2', 'not now');
  const after = await t.say('low-2', 'not now');
  expect(visibleText(after)).not.toMatch(/low step/i);
  expect(visibleText(after)).toMatch(/quick questions/i); // the outcome questions, as after any check-in

  await checkIn('ok-1', ['4', '3', '4', '4', '4', '3', '4', '5']);
  const end = await t.say('ok-1', 'not now');
  expect(visibleText(end)).not.toMatch(/low step/i);
  expect(visibleText(end)).toMatch(/quick questions/i);
});
