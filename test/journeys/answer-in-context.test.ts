/**
 * The safety check reads an answer with the question it answers. A young person who chose "being safe" to work on
 * and, asked what gets in the way, types only "my step dad" gets the safety reply and the duty team is alerted;
 * the same words as what's going well, or as what gets in the way with friends, are just an answer.
 */
import { useAppWithAlerts } from '../support/alerts';
import { buttonTitles, visibleText } from '../support/replySink';
import type { TestApp } from '../support/testApp';
import { answerAll, meet } from './support';

const { raised, app } = useAppWithAlerts();

/** A check-in with every area at the middle step, up to "what gets in the way?" for the area(s) named. */
async function toInTheWay(t: TestApp, conv: string, age: string, areas: string): Promise<string> {
  await meet(t, conv, age);
  await t.say(conv, 'drawing');
  await answerAll(t, conv, ['3', '3', '3', '3', '3', '3', '3', '3']);
  await t.say(conv, 'yes');
  await t.say(conv, areas);
  return visibleText(await t.say(conv, 'skip')); // what would be different: skipped
}

it('"my step dad" as what gets in the way of feeling safe: the safety reply, and the duty team is alerted with the question named', async () => {
  const t = app();
  const q = await toInTheWay(t, 'ctx-safe', '14', 'being safe');
  expect(q).toMatch(/getting in the way/i);
  expect(raised).toHaveLength(0);

  const replies = await t.say('ctx-safe', 'my step dad');
  const text = visibleText(replies);
  expect(text).toMatch(/I'd like a person to check you're OK/);
  expect(text).toMatch(/I've let someone from our duty team know/);
  expect(text).not.toMatch(/small step/i); // the dialog did not take it as an answer
  expect(buttonTitles(replies)).toContain('Carry on where we were');

  expect(raised).toHaveLength(1);
  expect(raised[0].level).toBe('safeguarding');
  expect(raised[0].category).toBe('domestic_abuse_at_home');
  expect(raised[0].reasons[0]).toMatch(/when asked what makes it hard to feel safe/);
  expect(raised[0].reasons.join(' ')).not.toMatch(/step ?dad/i);

  // carrying on asks the same question again
  expect(visibleText(await t.say('ctx-safe', 'carry on'))).toMatch(/getting in the way/i);
});

it('an 8-year-old typing "him" to "what makes it hard?" about feeling safe is answered in words for their age', async () => {
  const t = app();
  const q = await toInTheWay(t, 'ctx-safe-9', '9', 'being safe');
  expect(q).toMatch(/What makes it hard right now/);
  const text = visibleText(await t.say('ctx-safe-9', 'him'));
  expect(text).toMatch(/I want a grown-up to check you are OK/);
  expect(raised).toHaveLength(1);
});

it('"my step dad" as what is going well is good news: no alert, the check-in goes on', async () => {
  const t = app();
  await meet(t, 'ctx-well', '14');
  const replies = visibleText(await t.say('ctx-well', 'my step dad'));
  expect(raised).toHaveLength(0);
  expect(replies).not.toMatch(/duty team/);
  expect(replies).toMatch(/How safe do you feel/);
});

it('"my step dad" as what gets in the way with friends: no alert, the plan goes on', async () => {
  const t = app();
  await toInTheWay(t, 'ctx-friends', '14', 'friends');
  const replies = visibleText(await t.say('ctx-friends', 'my step dad'));
  expect(raised).toHaveLength(0);
  expect(replies).toMatch(/small step/i);
});

it('saying more after a low step for feeling safe is read with that step: "him" at orange alerts, at green it does not', async () => {
  const t = app();
  await meet(t, 'ctx-more-low', '15');
  await t.say('ctx-more-low', 'drawing');
  await t.say('ctx-more-low', '2'); // being safe: orange
  expect(visibleText(await t.say('ctx-more-low', 'him'))).toMatch(/I'd like a person to check you're OK/);
  expect(raised).toHaveLength(1);
  expect(raised[0].reasons[0]).toMatch(/when asked what makes it hard to feel safe/);

  await meet(t, 'ctx-more-high', '15');
  await t.say('ctx-more-high', 'drawing');
  await t.say('ctx-more-high', '4'); // being safe: green
  expect(visibleText(await t.say('ctx-more-high', 'him'))).toMatch(/Thanks for telling me more/);
  expect(raised).toHaveLength(1);
});
