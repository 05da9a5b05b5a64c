/**
 * "change where I live" and "change my name" go straight to that one question, instead of starting
 * again from "how old are you?" and the privacy notice.
 */
import { visibleText } from '../support/replySink';
import { useTestApp } from '../support/testApp';
import { meet } from './support';

const t = useTestApp();

it('"change where i live" asks only where they live, and keeps their age and name', async () => {
  await meet(t, 'move', '16', 'Coventry');
  await t.say('move', 'stop');
  const ask = visibleText(await t.say('move', 'change where i live'));
  expect(ask).toMatch(/where do you live/i);
  expect(ask).not.toMatch(/how old/i);
  const done = visibleText(await t.say('move', 'Milton Keynes'));
  expect(done).toMatch(/remember/i);
  const data = visibleText(await t.say('move', 'my data'));
  expect(data).toMatch(/Milton Keynes/);
  expect(data).toMatch(/age 16/);
});

it('"change my name" asks only for the name', async () => {
  await meet(t, 'rename', '10', 'Warwickshire');
  await t.say('rename', 'stop');
  const ask = visibleText(await t.say('rename', 'change my name'));
  expect(ask).toMatch(/call you/i);
  expect(ask).not.toMatch(/how old/i);
  const done = visibleText(await t.say('rename', 'Sky'));
  expect(done).toMatch(/Sky/);
  expect(done).not.toMatch(/where do you live/i);
  expect(visibleText(await t.say('rename', 'my data'))).toMatch(/Warwickshire/);
});

it('"change my details" still goes through everything, skip keeping each answer', async () => {
  await meet(t, 'all', '13', 'Buckinghamshire');
  await t.say('all', 'stop');
  expect(visibleText(await t.say('all', 'change my details'))).toMatch(/how old/i);
  expect(visibleText(await t.say('all', 'skip'))).toMatch(/call you/i);
  expect(visibleText(await t.say('all', 'skip'))).toMatch(/where do you live/i);
  await t.say('all', 'skip');
  expect(visibleText(await t.say('all', 'my data'))).toMatch(/Buckinghamshire/);
});
