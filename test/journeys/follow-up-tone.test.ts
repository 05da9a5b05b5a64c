/**
 * "Last time you said you'd ... How did it go?": a young person who says they didn't manage it is met with
 * kindness, not a thumbs-up; one who says it went well gets credit for trying.
 */
import { visibleText } from '../support/replySink';
import { useTestApp } from '../support/testApp';
import { answerAll, meet } from './support';

const t = useTestApp();

async function planThenReturn(conv: string, age: string, reply: string) {
  await meet(t, conv, age);
  await t.say(conv, 'stuff');
  await answerAll(t, conv, ['3', '3', '3', '3', '3', '3', '3', '3']);
  await t.say(conv, 'yes');
  await t.say(conv, 'friends');
  await t.say(conv, 'skip');
  await t.say(conv, 'skip');
  await t.say(conv, 'text my friend');
  await t.say(conv, 'skip');
  await t.say(conv, 'no'); // have your say
  expect(visibleText(await t.say(conv, 'check in'))).toMatch(/text your friend/);
  return visibleText(await t.say(conv, reply));
}

it('a 10-year-old who answers "no" is told that is OK, without a thumbs-up', async () => {
  const r = await planThenReturn('fu-10', '10', 'no');
  expect(r).not.toMatch(/👍/);
  expect(r).toMatch(/That's OK/);
});

it('a 19-year-old who "didn\'t do it" hears that first steps can be hard', async () => {
  const r = await planThenReturn('fu-19', '19', "I didn't do it");
  expect(r).toMatch(/First steps can be hard/);
});

it('a 14-year-old for whom it went well is given credit', async () => {
  const r = await planThenReturn('fu-14', '14', 'it went well actually');
  expect(r).toMatch(/Well done for giving it a go/);
});
