/**
 * "Show my star" after two check-ins says in plain words what moved since the one before (as the end of a check-in
 * does), not only a list of "Friends: 2 → 4" for every area; after three, the trend is there as well.
 */
import { visibleText } from '../support/replySink';
import { useTestApp } from '../support/testApp';
import { answerAll, meet } from './support';

const t = useTestApp();

async function checkIn(conv: string, steps: string[], first = false) {
  if (!first) {
    await t.say(conv, 'check in');
  }
  await t.say(conv, 'my cat');
  await answerAll(t, conv, steps);
  await t.say(conv, 'not now'); // plan
  await t.say(conv, 'not now'); // have your say
}

it('a 12-year-old whose friends went up sees that in words when they ask for their star', async () => {
  await meet(t, 'ss-12', '12');
  await checkIn('ss-12', ['3', '3', '3', '2', '3', '3', '3', '3'], true);
  await t.say('ss-12', 'not now'); // support for the low step
  await checkIn('ss-12', ['3', '3', '3', '4', '3', '3', '3', '3']);
  const star = visibleText(await t.say('ss-12', 'show my star'));
  expect(star).toMatch(/What moved:\s+Friends has gone up since last time \(2 to 4\)/);
  expect(star).toMatch(/about the same as last time/);
  expect(star).not.toMatch(/Over your 2 check-ins/);
});

it('a 10-year-old with three check-ins sees what moved since last time and the trend', async () => {
  await meet(t, 'ss-10', '10', 'Milton Keynes');
  await checkIn('ss-10', ['3', '3', '3', '3', '3', '3', '3', '3'], true);
  await checkIn('ss-10', ['3', '3', '3', '3', '3', '3', '4', '3']);
  await checkIn('ss-10', ['3', '3', '3', '3', '3', '3', '5', '3']);
  const star = visibleText(await t.say('ss-10', 'show my star'));
  expect(star).toMatch(/Since last time/);
  expect(star).toMatch(/Feelings went up, from 4 to 5/);
  expect(star).toMatch(/Over your 3 check-ins/);
  expect(star).toMatch(/Feelings: 3 → 4 → 5/);
});
