/**
 * A young person who picks a low step gets offered support at the end of the check-in. Saying yes must
 * show them real people to contact, not point at "the people above" when nothing is above.
 */
import { visibleText } from '../support/replySink';
import { useTestApp } from '../support/testApp';
import { answerAll, meet } from './support';

const t = useTestApp();

it('a 9-year-old who does not feel safe says yes to support and is shown who to contact, right there', async () => {
  await meet(t, 'safe-9', '9', 'Warwickshire');
  await t.say('safe-9', 'skip'); // nothing going well today
  await answerAll(t, 'safe-9', ['1', '3', '3', '3', '3', '3', '3', '3']);
  const offer = await t.say('safe-9', 'not now'); // no plan
  expect(visibleText(offer)).toMatch(/feeling safe/i);
  const support = visibleText(await t.say('safe-9', 'yes please'));
  expect(support).not.toMatch(/above/i);
  expect(support).toMatch(/Childline/);
  expect(support).toMatch(/Call \d/);
});

it('a 14-year-old struggling with friends is shown who can help with friends, not only told to look up', async () => {
  await meet(t, 'friends-14', '14');
  await t.say('friends-14', 'music');
  await answerAll(t, 'friends-14', ['4', '4', '4', '1', '4', '4', '4', '4']);
  await t.say('friends-14', 'not now');
  const support = visibleText(await t.say('friends-14', 'yes'));
  expect(support).not.toMatch(/people above/i);
  expect(support).toMatch(/(Call|Text|Chat|online|website|www|https?:)/i);
});

it('a 22-year-old low on confidence says yes to support and is shown who can help with it, not the whole help menu', async () => {
  await meet(t, 'conf-22', '22');
  await t.say('conf-22', 'new job');
  await answerAll(t, 'conf-22', ['4', '2', '4', '4', '4', '4', '4', '4']);
  const offer = visibleText(await t.say('conf-22', 'not now'));
  expect(offer).toMatch(/confidence/i);
  const support = visibleText(await t.say('conf-22', 'yes please'));
  expect(support).not.toMatch(/what would you like help with/i);
  expect(support).toMatch(/help with that/i);
  expect(support).toMatch(/try something that might help/i);
});
