/**
 * Pressing "Someone is hurting me" or "I don't want to be alive" on the help menu is a disclosure: a person
 * is alerted and the young person is answered safely, and then still gets the support for what they chose.
 */
import { keys } from '../../core/records/types';
import { hashId } from '../../core/logging';
import { HELP_NEEDS } from '../../dialogs/help/needs';
import { useAppWithAlerts } from '../support/alerts';
import { visibleText } from '../support/replySink';

const { alerts, raised, app } = useAppWithAlerts();

async function pressNeed(conv: string, need: string, age?: number) {
  if (age !== undefined) {
    const uid = hashId(`test:user-${conv}`);
    await app().app.store.setJson(keys.profile(uid), { uid, age, ageBand: age < 12 ? '8-11' : age < 16 ? '12-15' : '16-25', area: 'coventry', createdAt: new Date().toISOString() });
  }
  await app().join(conv);
  await app().say(conv, 'help');
  const n = HELP_NEEDS.indexOf(need as (typeof HELP_NEEDS)[number]);
  const said = app().app.words.t(`signpost:help.needs.${need}`);
  return app().press(conv, { kind: 'help.need', n, said });
}

it('"Someone is hurting me" alerts a person, says so, gives the routes, then shows who can help', async () => {
  const r = await pressNeed('hurt-1', 'abuse', 13);
  expect(raised).toHaveLength(1);
  expect(raised[0]).toMatchObject({ level: 'safeguarding', category: 'abuse' });
  const text = visibleText(r);
  expect(text).toMatch(/let someone from our duty team know/);
  expect(text).toContain('999');
  expect(text).toContain('0800 1111'); // Childline, from content/services.json
  expect(text).toMatch(/people who can help|can help with this|will listen to anything/i); // the help menu went on
  expect(text).not.toMatch(/CEOP/); // online sexual abuse only: not the route for "someone is hurting me"
  expect(text).not.toMatch(/Carry on where we were/);
});

it('"I don\'t want to be alive" is a crisis: alert, 999 and the 111 mental health option, then the help', async () => {
  const r = await pressNeed('alive-1', 'suicide', 16);
  expect(raised).toHaveLength(1);
  expect(raised[0]).toMatchObject({ level: 'crisis', category: 'suicide' });
  const text = visibleText(r);
  expect(text).toContain('999');
  expect(text).toMatch(/111[^\n]*mental health option/i);
  expect(text).toMatch(/people who can help with that/i);
});

it('"Things at home are scary" alerts, and tells the truth when the alert is still being retried', async () => {
  alerts.outcome = { state: 'trying' };
  const text = visibleText(await pressNeed('home-1', 'domestic_abuse_at_home', 10));
  expect(raised).toHaveLength(1);
  expect(raised[0].category).toBe('domestic_abuse_at_home');
  expect(text).toMatch(/trying to reach/);
  expect(text).not.toMatch(/I've told|I've let/);
});

it('"Something online or sexual" alerts for a 14-year-old but is only noted for a 20-year-old', async () => {
  await pressNeed('online-14', 'sexual_exploitation_or_grooming', 14);
  expect(raised).toHaveLength(1);
  raised.length = 0;
  const r = await pressNeed('online-20', 'sexual_exploitation_or_grooming', 20);
  expect(raised).toHaveLength(0);
  expect(visibleText(r)).toMatch(/people who can help|can help with this|will listen to anything/i); // the help menu answered
  expect(visibleText(r)).not.toMatch(/duty team/);
});

it('"Friends" and a forged need number raise nothing and do not break the help menu', async () => {
  await pressNeed('friends-1', 'friends', 12);
  expect(raised).toHaveLength(0);
  await app().join('forged-1');
  await app().say('forged-1', 'help');
  const r = await app().press('forged-1', { kind: 'help.need', n: 999 });
  expect(raised).toHaveLength(0);
  expect(visibleText(r).length).toBeGreaterThan(0);
});
