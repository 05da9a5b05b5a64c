/**
 * "Have your say": a young person types their answer and why in one go ("not really, my teacher never listens").
 * That is an answer with a comment, as the card's "want to say more?" box would take it, not "I didn't get that".
 */
import { visibleText } from '../support/replySink';
import { useTestApp } from '../support/testApp';
import { meet } from './support';
import { listOutcomeAnswers } from '../../core/outcomes';
import { keys } from '../../core/records/types';
import { hashId } from '../../core/logging';

const t = useTestApp();

it('a 14-year-old who types an answer with a reason moves on to the next question, and the reason is kept', async () => {
  await meet(t, 'say-14', '14', 'Warwickshire');
  await t.say('say-14', 'menu');
  await t.say('say-14', 'have your say');
  const q1 = visibleText(await t.say('say-14', 'ok'));
  expect(q1).toMatch(/Question 1 of/);
  const q2 = visibleText(await t.say('say-14', 'not really, everything goes wrong at once lately'));
  expect(q2).not.toMatch(/didn't get that/i);
  expect(q2).toMatch(/Question 2 of/);
  const q3 = visibleText(await t.say('say-14', 'not really, my teacher never listens'));
  expect(q3).not.toMatch(/didn't get that/i);
  expect(q3).toMatch(/Question 3 of/);
  await t.say('say-14', 'stop');
  const kept: { answer: unknown; comment?: string }[] = [];
  for (const uid of await t.app.store.setMembers(keys.allUsers())) kept.push(...(await listOutcomeAnswers(t.app.store, uid)));
  expect(kept.map((a) => [a.answer, a.comment])).toEqual(
    expect.arrayContaining([
      [2, 'not really, everything goes wrong at once lately'],
      [2, 'not really, my teacher never listens'],
    ]),
  );
  // and "my data" says their words are kept
  expect(visibleText(await t.say('say-14', 'my data'))).toMatch(/anything you wrote/i);
});

it('a 9-year-old can still type just a face or a few words', async () => {
  await meet(t, 'say-9', '9', 'Milton Keynes');
  await t.say('say-9', 'menu');
  await t.say('say-9', 'have your say');
  await t.say('say-9', 'ok');
  expect(visibleText(await t.say('say-9', '🙂'))).toMatch(/Question 2 of/);
  expect(visibleText(await t.say('say-9', 'yes'))).toMatch(/Question 3 of/);
});

it('each question says "Question n of 10" once, not twice', async () => {
  await meet(t, 'say-once', '13');
  await t.say('say-once', 'menu');
  await t.say('say-once', 'have your say');
  const q1 = visibleText(await t.say('say-once', 'ok'));
  expect(q1.match(/Question 1 of \d+/g)).toHaveLength(1);
  const q2 = visibleText(await t.say('say-once', '3'));
  expect(q2.match(/Question 2 of \d+/g)).toHaveLength(1);
});

it('a 21-year-old whose comment mentions help that "ended" is not taken as wanting to stop', async () => {
  await meet(t, 'say-21', '21', 'somewhere else');
  await t.say('say-21', 'menu');
  await t.say('say-21', 'have your say');
  await t.say('say-21', 'ok');
  const r = visibleText(await t.say('say-21', 'a little, my counselling ended before I was done'));
  expect(r).not.toMatch(/stop there|stopped/i);
  expect(r).toMatch(/Question 2 of/);
});

it('an 11-year-old who types "no idea" is not recorded as "not true for me", and "four" is understood', async () => {
  await meet(t, 'say-11', '11', 'Coventry');
  await t.say('say-11', 'menu');
  await t.say('say-11', 'have your say');
  await t.say('say-11', 'ok');
  expect(visibleText(await t.say('say-11', 'no idea'))).toMatch(/Question 2 of/);
  expect(visibleText(await t.say('say-11', 'four'))).toMatch(/Question 3 of/);
  await t.say('say-11', 'stop');
  const kept = await listOutcomeAnswers(t.app.store, hashId('test:user-say-11'));
  expect(kept.map((a) => a.answer)).toEqual([null, 4]);
});

it('a 9-year-old who says "pause" part way is told they can do the rest later, and is offered only the rest next time', async () => {
  await meet(t, 'say-p9', '9', 'Milton Keynes');
  await t.say('say-p9', 'menu');
  await t.say('say-p9', 'have your say');
  await t.say('say-p9', 'ok');
  await t.say('say-p9', '3');
  await t.say('say-p9', '4');
  const r = visibleText(await t.say('say-p9', 'pause'));
  expect(r).toMatch(/do the rest another time/);
  expect(visibleText(await t.say('say-p9', 'have your say'))).toMatch(/I have 8 quick questions/);
});
