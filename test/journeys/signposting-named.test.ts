/**
 * "Get help now", then "Something else" and a topic: when the only services for it were in the 24/7 list a few
 * messages up, the young person is told which of them to contact, not "the people above are the best ones" (the
 * 999 line is not the best one for bullying, and for a 22-year-old no one above is for something online).
 */
import { visibleText } from '../support/replySink';
import { useTestApp } from '../support/testApp';
import { meet } from './support';

const t = useTestApp({ now: () => new Date('2026-12-01T21:30:00Z') }); // a Tuesday, 9:30pm

async function topic(conv: string, age: string, area: string, label: string) {
  await meet(t, conv, age, area);
  await t.say(conv, 'menu');
  await t.say(conv, 'get help now');
  await t.say(conv, 'something else');
  return visibleText(await t.say(conv, label));
}

it('a 17-year-old in Warwickshire asking about bullying is told Childline and Shout can help', async () => {
  const r = await topic('sn-17', '17', 'Warwickshire', 'Bullying');
  expect(r).not.toMatch(/The people above/);
  expect(r).toMatch(/Childline and Shout/);
});

it('a 9-year-old in Milton Keynes asking about eating or their body is told who, in words for their age', async () => {
  const r = await topic('sn-9', '9', 'Milton Keynes', 'Eating or my body');
  expect(r).not.toMatch(/The people above/);
  expect(r).toMatch(/NHS 111.*Childline|Childline/);
  expect(r).toMatch(/can help with this/);
});

it('a 22-year-old somewhere else with something online is told honestly there is no service just for it, and who will listen now', async () => {
  const r = await topic('sn-22', '22', 'somewhere else', 'Something online or sexual');
  expect(r).not.toMatch(/The people above/);
  expect(r).toMatch(/don't have a service just for this/);
  expect(r).toMatch(/Samaritans and Shout/);
  expect(r).not.toMatch(/Childline/); // not for their age
});

it('a 9-year-old who wants someone to talk to is pointed to Childline first, not only to the specialist lines below', async () => {
  const r = await topic('sn-9b', '9', 'Milton Keynes', 'Someone to talk to 💬');
  const childline = r.indexOf('Childline');
  expect(childline).toBeGreaterThanOrEqual(0);
  expect(childline).toBeLessThan(r.indexOf('Papyrus'));
  expect(r).toMatch(/in the list above/);
});
