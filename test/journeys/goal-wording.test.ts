/**
 * The goals part of the check-in names the areas the young person chose inside a sentence. The names
 * must read properly: "how I act", not "how i act", and a sentence that works for two areas.
 */
import { visibleText } from '../support/replySink';
import { useTestApp } from '../support/testApp';
import { answerAll, meet } from './support';

const t = useTestApp();

it('a 13-year-old choosing "feelings and family" reads "how I act" with a capital I, in the question, the plan and the offer of support', async () => {
  await meet(t, 'goal-13', '13');
  await t.say('goal-13', 'drawing');
  await answerAll(t, 'goal-13', ['3', '3', '3', '3', '3', '3', '1', '3']);
  await t.say('goal-13', 'yes');
  const q = visibleText(await t.say('goal-13', 'feelings and family'));
  expect(q).toMatch(/how I act/);
  expect(q).not.toMatch(/how i act/);
  expect(q).not.toMatch(/people close to me was/); // two areas: not "... was going better"
  await t.say('goal-13', 'less arguing');
  await t.say('goal-13', 'skip');
  await t.say('goal-13', 'talk to mum');
  const saved = await t.say('goal-13', 'saturday');
  const text = visibleText(saved);
  expect(text).not.toMatch(/how i act/);
  expect(text).toMatch(/talk to mum/);
});

it('next time, "how has it been going?" names the area with its capital I too', async () => {
  await meet(t, 'goal-next', '13');
  await t.say('goal-next', 'drawing');
  await answerAll(t, 'goal-next', ['3', '3', '3', '3', '3', '3', '3', '3']);
  await t.say('goal-next', 'yes');
  await t.say('goal-next', 'feelings');
  await t.say('goal-next', 'skip');
  await t.say('goal-next', 'skip');
  await t.say('goal-next', 'skip'); // no first step: the plan is the area alone
  await t.say('goal-next', 'not now'); // no outcome questions
  const q = visibleText(await t.say('goal-next', 'check in'));
  expect(q).toMatch(/how I act/);
  expect(q).not.toMatch(/how i act/);
});
