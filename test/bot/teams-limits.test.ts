/**
 * Teams shows at most six actions in one action set and silently drops the rest, so a young person in
 * Teams would never see "About Starling and privacy" or "Back to menu". Every card Starling sends in the
 * main flows keeps each action list to six or fewer, and all the buttons are still there.
 */
import { MAX_ACTIONS_PER_SET } from '../../dialogs/support/cards';
import { meetAs14 } from '../support/meet';
import { buttonTitles, SentActivity } from '../support/replySink';
import { useTestApp } from '../support/testApp';

const t = useTestApp();

/** The longest list of actions in any card in these activities. */
function longestActionList(acts: SentActivity[]): number {
  let most = 0;
  const walk = (v: unknown) => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (!v || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.actions)) most = Math.max(most, o.actions.length);
    for (const k of ['body', 'actions', 'items', 'columns', 'content', 'card']) if (o[k]) walk(o[k]);
  };
  for (const a of acts) for (const att of a.attachments ?? []) walk(att.content);
  return most;
}

it('the main menu keeps every button, in sets Teams will show', async () => {
  const menu = await t.join('teams-1');
  const titles = buttonTitles(menu);
  expect(titles.length).toBeGreaterThan(MAX_ACTIONS_PER_SET); // the menu really is long
  expect(titles).toContain('About Starling and privacy');
  expect(longestActionList(menu)).toBeLessThanOrEqual(MAX_ACTIONS_PER_SET);
});

it('the help menu, the first meeting, the check-in and the outcome questions stay within the limit', async () => {
  await t.join('teams-2');
  await t.say('teams-2', 'help');
  await meetAs14(t, 'teams-3');
  await t.say('teams-3', 'music');
  await t.join('teams-4');
  await t.say('teams-4', 'menu');
  await t.say('teams-4', '3');
  const all = ['teams-2', 'teams-3', 'teams-4'].flatMap((c) => t.sink.forConversation(c));
  expect(buttonTitles(all)).toContain('Back to menu');
  expect(longestActionList(all)).toBeLessThanOrEqual(MAX_ACTIONS_PER_SET);
});
