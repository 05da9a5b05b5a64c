/**
 * "That helped": Starling says "I'll remember that this one helps you". Next time the ideas are offered, the young
 * person is told which one helped them before, not just shown the same list.
 */
import { visibleText } from '../support/replySink';
import { useTestApp } from '../support/testApp';
import { meet } from './support';

const t = useTestApp();

async function tryAll(conv: string, idea: string, steps: number, verdict: string) {
  await t.say(conv, idea);
  for (let i = 1; i < steps; i++) await t.say(conv, 'next');
  return visibleText(await t.say(conv, verdict));
}

it('a 20-year-old for whom worry time helped is reminded of it when they next ask for ideas', async () => {
  await meet(t, 'hb-20', '20', 'somewhere else');
  await t.say('hb-20', 'menu');
  const first = visibleText(await t.say('hb-20', 'things that might help'));
  expect(first).not.toMatch(/helped/i);
  expect(await tryAll('hb-20', 'worry', 6, 'that helped')).toMatch(/remember/i);
  const next = visibleText(await t.say('hb-20', 'things that might help'));
  expect(next).toMatch(/Last time you said "Worry time" helped/);
});

it('a 10-year-old is told which idea helped last time, and one that did not help is not named', async () => {
  await meet(t, 'hb-10', '10', 'Milton Keynes');
  await t.say('hb-10', 'menu');
  await t.say('hb-10', 'things to try');
  await tryAll('hb-10', 'worry box', 4, "didn't help");
  await t.say('hb-10', 'things to try');
  await tryAll('hb-10', 'balloon', 5, 'that helped');
  const next = visibleText(await t.say('hb-10', 'things to try'));
  expect(next).toMatch(/Balloon breathing 🎈" helped you last time/);
  expect(next).not.toMatch(/Worry box 📦" helped/);
});
