/** "I'm waiting for help" through /api/messages, and the reminder it sets up, sent proactively. */
import { buttonTitles, visibleText } from '../support/replySink';
import { startTestApp, TestApp } from '../support/testApp';
import { MemoryStore } from '../../core/storage';
import { keys } from '../../core/records/types';
import { hashId } from '../../core/logging';
import { eraseUserData } from '../../core/records/userData';
import { getReminder } from '../../core/waiting';
import type { Reminders } from '../../bot/reminders';

const START = new Date('2026-11-23T15:00:00Z'); // Monday 3pm London
let clock = START;
const at = (days: number, hourUtc = 10) => new Date(START.getTime() + days * 86_400_000 + (hourUtc - 15) * 3_600_000);

describe("I'm waiting for help", () => {
  let t: TestApp;
  let reminders: Reminders;
  const store = new MemoryStore();
  const uidFor = (conv: string) => hashId(`test:user-${conv}`);

  beforeAll(async () => {
    t = await startTestApp({ store, now: () => clock });
    // the service's own reminders loop, as createApp starts it (tests call tick() instead of waiting a minute)
    reminders = t.app.reminders!;
    expect(reminders).toBeDefined();
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(() => {
    clock = START;
  });

  const optIn = async (conv: string, days: number) => {
    await store.setJson(keys.profile(uidFor(conv)), { uid: uidFor(conv), ageBand: '12-15', age: 13, createdAt: START.toISOString() });
    await t.join(conv);
    const menu = await t.say(conv, "I'm on the waiting list");
    expect(buttonTitles(menu)).toEqual(['What happens while I wait', 'What if things get worse', 'Remind me to check in', 'Back to menu']);
    const offer = await t.press(conv, { kind: 'waiting.choice', choice: 'reminder_on' });
    expect(visibleText(offer)).toMatch(/only message you if you say yes/);
    const choose = await t.press(conv, { kind: 'waiting.consent', answer: 'yes' });
    expect(buttonTitles(choose)).toEqual(['Every 3 days', 'Every 7 days', 'Every 14 days']);
    return t.say(conv, String(days));
  };

  it('says what to expect and what to do if things get worse, with the 24/7 routes', async () => {
    await t.join('w0');
    await t.say('w0', 'waiting for help');
    const expect1 = visibleText(await t.press('w0', { kind: 'waiting.choice', choice: 'expect' }));
    expect(expect1).toMatch(/get in touch/);
    const worse = visibleText(await t.say('w0', 'What if things get worse'));
    expect(worse).toContain('Call 999');
    expect(worse).toContain('Call 111 and choose the mental health option');
  });

  it('no reminder without a yes', async () => {
    await t.join('w1');
    await t.say('w1', 'waiting for help');
    await t.press('w1', { kind: 'waiting.choice', choice: 'reminder_on' });
    expect(visibleText(await t.say('w1', 'no thanks'))).toMatch(/ask for reminders any time/);
    expect(await getReminder(store, uidFor('w1'))).toBeUndefined();
  });

  it('sends the reminder after the days they chose, into their conversation, then stops when they press Stop', async () => {
    const set = await optIn('w2', 3);
    expect(visibleText(set)).toContain("I'll check in with you in 3 days");
    clock = at(3, 14); // 3 days less an hour
    expect(await reminders.tick()).toBe(0);
    clock = at(3, 16);
    const before = t.sink.forConversation('w2').length;
    expect(await reminders.tick()).toBe(1);
    const sent = t.sink.forConversation('w2').slice(before);
    expect(visibleText(sent)).toMatch(/You asked me to check in while you wait/);
    expect(buttonTitles(sent)).toEqual(['Do a check-in', 'Try something that helps', 'I need help now', 'Stop reminders']);
    expect(await reminders.tick()).toBe(0); // not twice
    const stopData = (sent[0].attachments![0].content as any).actions.find((a: any) => a.title === 'Stop reminders').data;
    expect(visibleText(await t.press('w2', stopData))).toContain("Reminders are off. I won't message you about this again.");
    const after = t.sink.forConversation('w2').length;
    for (const d of [6, 9, 30]) {
      clock = at(d, 16);
      await reminders.tick();
    }
    expect(t.sink.forConversation('w2').length).toBe(after);
  });

  it('never sends after "delete my data"', async () => {
    await optIn('w3', 3);
    await eraseUserData(store, uidFor('w3'));
    const before = t.sink.forConversation('w3').length;
    for (const d of [3, 6, 30]) {
      clock = at(d, 16);
      await reminders.tick();
    }
    expect(t.sink.forConversation('w3').length).toBe(before);
  });

  it('turning off can be typed from the waiting menu too', async () => {
    await optIn('w4', 7);
    await t.say('w4', 'waiting list');
    expect(visibleText(await t.say('w4', 'stop reminders'))).toContain('Reminders are off');
    expect((await getReminder(store, uidFor('w4')))!.enabled).toBe(false);
  });
});
