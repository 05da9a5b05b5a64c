/**
 * A check-in answer at the lowest step for "being safe" is a safety signal whether the young person presses
 * the red button or types the answer ("1", "red"): a person is alerted, the young person is told the truth
 * about it with the routes, and the check-in records the answer and carries on.
 */
import { getCheckIn } from '../../core/mystar/checkIns';
import { useAppWithAlerts } from '../support/alerts';
import { meetAs14 } from '../support/meet';
import { visibleText } from '../support/replySink';

const { alerts, raised, app } = useAppWithAlerts();

const all = (r: { text?: string; attachments?: { content?: unknown }[] }[]) =>
  r.map((a) => `${a.text ?? ''} ${JSON.stringify(a.attachments ?? [])}`).join('\n');

/** Goes through the first meeting as a 14-year-old to the "being safe" question; returns the check-in id. */
async function toBeingSafe(conv: string): Promise<string> {
  await meetAs14(app(), conv);
  const r = await app().say(conv, 'football with my mates');
  const m = /"checkInId":"([^"]+)"/.exec(all(r));
  expect(m).not.toBeNull();
  expect(all(r)).toMatch(/"area":"being_safe"/);
  return m![1];
}

it('a typed "1" for being safe alerts a person, says so truthfully, and the check-in goes on with the answer kept', async () => {
  const id = await toBeingSafe('typed-red');
  const r = await app().say('typed-red', '1');
  const text = visibleText(r);
  expect(raised).toHaveLength(1);
  expect(raised[0].level).toBe('safeguarding');
  expect(raised[0].reasons.join(' ')).toMatch(/being safe/);
  expect(text).toMatch(/lowest step/);
  expect(text).toMatch(/let someone from our duty team know/);
  expect(text).toContain('999');
  expect(text).not.toMatch(/isn't OK, and it isn't your fault/); // no assumption that harm was disclosed
  expect(all(r)).toMatch(/say more/i); // the check-in carried on
  expect((await getCheckIn(app().app.store, id))?.answers.being_safe?.step).toBe(1);
});

it('a pressed red step for being safe does the same, once, and is recorded', async () => {
  const id = await toBeingSafe('pressed-red');
  const r = await app().press('pressed-red', { kind: 'mystar.step', checkInId: id, area: 'being_safe', step: 1 });
  expect(raised).toHaveLength(1);
  expect(visibleText(r)).toMatch(/lowest step/);
  expect(all(r)).toMatch(/say more/i);
  expect((await getCheckIn(app().app.store, id))?.answers.being_safe?.step).toBe(1);
});

it('never says a person was told when the alert is still being retried', async () => {
  alerts.outcome = { state: 'trying' };
  await toBeingSafe('typed-trying');
  const text = visibleText(await app().say('typed-trying', 'red'));
  expect(raised).toHaveLength(1);
  expect(text).toMatch(/trying to reach someone/);
  expect(text).not.toMatch(/let someone from our duty team know/);
});

it('a typed middle answer for being safe raises nothing', async () => {
  const id = await toBeingSafe('typed-ok');
  const r = await app().say('typed-ok', '4');
  expect(raised).toHaveLength(0);
  expect(all(r)).toMatch(/say more/i);
  expect((await getCheckIn(app().app.store, id))?.answers.being_safe?.step).toBe(4);
});
