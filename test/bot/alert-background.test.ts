/**
 * A duty worker reading an alert sees what came before it: earlier concerns in the conversation and the
 * young person's latest check-in (suggested level and why), never the young person's own earlier words.
 */
import { hashId } from '../../core/logging';
import { answerArea, completeCheckIn, startCheckIn } from '../../core/mystar/checkIns';
import { AREA_IDS } from '../../core/records/types';
import { useAppWithAlerts } from '../support/alerts';

const { raised, app } = useAppWithAlerts();

it('an alert carries the earlier concern and the latest check-in summary, without what was written before', async () => {
  const conv = 'bg-1';
  const uid = hashId(`test:user-${conv}`);
  const store = app().app.store;
  const rec = await startCheckIn(store, { uid, ageBand: '12-15', area: 'coventry' });
  for (const a of AREA_IDS) await answerArea(store, rec.id, a, a === 'friends' || a === 'education' || a === 'feelings_behaviour' ? 2 : 4, { uid });
  await completeCheckIn(store, rec.id, { uid });

  await app().join(conv);
  await app().say(conv, 'i feel so hopeless, zebracorn');
  expect(raised).toHaveLength(0); // a concern is noted, not alerted
  await app().say(conv, 'i am going to kill myself tonight');
  expect(raised).toHaveLength(1);
  const bg = raised[0].background ?? [];
  expect(bg.some((l) => /^Earlier .*concern/.test(l))).toBe(true);
  expect(bg.some((l) => /^Latest check-in .*suggested level [1-4]/.test(l))).toBe(true);
  expect(bg.join('\n')).not.toMatch(/zebracorn/);
});

it('a young person with no history gets an alert with no background, not an error', async () => {
  await app().join('bg-2');
  await app().say('bg-2', 'i want to end my life');
  expect(raised).toHaveLength(1);
  expect(raised[0].background).toEqual([]);
});
