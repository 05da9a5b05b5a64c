/**
 * "My data" listed some records by their internal names: "Other records (outcomes): 2", "(selfhelp)",
 * "(reminders)". A young person must be told in plain words what is kept.
 */
import { visibleText } from '../support/replySink';
import { useTestApp } from '../support/testApp';
import { meet } from './support';

const t = useTestApp();

it.each(['10', '19'])('age %s: my data names every kind of record in plain words', async (age) => {
  const conv = `mydata-${age}`;
  await meet(t, conv, age);
  await t.say(conv, 'stop');
  // a reminder
  await t.say(conv, 'waiting list');
  await t.say(conv, 'Remind me to check in');
  await t.say(conv, 'yes');
  await t.say(conv, '7');
  // a self-help idea and whether it helped
  await t.say(conv, 'things to try');
  await t.say(conv, '1');
  for (let i = 0; i < 6; i++) await t.say(conv, 'next');
  await t.say(conv, 'that helped');
  // two answers to the questions about getting help
  await t.say(conv, 'have your say');
  await t.say(conv, 'yes');
  await t.say(conv, '3');
  await t.say(conv, '4');
  await t.say(conv, 'stop');
  const r = visibleText(await t.say(conv, 'my data'));
  expect(r).not.toMatch(/\((outcomes|selfhelp|reminders|alerts)\)/);
  expect(r).not.toMatch(/other records/i);
  expect(r).toMatch(/remind/i);
  expect(r).toMatch(/tried/i);
  expect(r).toMatch(/questions about getting help|help questions/i);
});
