/**
 * A young person's first step is told back to them next time ("last time you said you'd ..."). They write it as
 * they would say it ("I'll talk to my mum"), so Starling must turn it round ("talk to your mum"), not print
 * "you said you'd I'll talk to my mum".
 */
import { visibleText } from '../support/replySink';
import { useTestApp } from '../support/testApp';
import { answerAll, meet } from './support';

const t = useTestApp();

async function planAndComeBack(conv: string, age: string, step: string, when: string) {
  await meet(t, conv, age);
  await t.say(conv, 'my friends');
  await answerAll(t, conv, ['3', '3', '3', '2', '3', '3', '3', '3']);
  await t.say(conv, 'yes'); // make a plan
  await t.say(conv, 'friends');
  await t.say(conv, 'having people to sit with');
  await t.say(conv, 'skip');
  await t.say(conv, step);
  const saved = visibleText(await t.say(conv, when));
  await t.say(conv, 'not now'); // support offer
  await t.say(conv, 'not now'); // have your say
  const next = visibleText(await t.say(conv, 'check in'));
  return { saved, next };
}

it('a 16-year-old who typed "I\'ll talk to my mum about it" is asked next time how talking to their mum went', async () => {
  const { saved, next } = await planAndComeBack('plan-16', '16', "I'll talk to my mum about it", 'at the weekend');
  expect(saved).toMatch(/talk to your mum about it \(at the weekend\)/);
  expect(saved).not.toMatch(/try I'll/i);
  expect(next).toMatch(/you said you'd talk to your mum about it \(at the weekend\)\. How did it go\?/);
});

it('a 9-year-old who typed "maybe ask if I can play" is asked about asking if they can play', async () => {
  const { saved, next } = await planAndComeBack('plan-9', '9', 'maybe ask if I can play', 'tomorrow');
  expect(saved).not.toMatch(/try maybe/i);
  expect(next).toMatch(/you said you would ask if you can play \(tomorrow\)/);
});
