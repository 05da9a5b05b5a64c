/** "I need help" as a young person meets it, through /api/messages. */
import { buttonData, buttonTitles, visibleText } from '../support/replySink';
import { startTestApp, TestApp } from '../support/testApp';
import { MemoryStore } from '../../core/storage';
import { keys, Profile } from '../../core/records/types';
import { hashId } from '../../core/logging';
import type { AlertInput } from '../../bot/middleware/safety';

// Saturday 28 Nov 2026, 11:30pm London
let clock = new Date('2026-11-28T23:30:00Z');

describe('I need help', () => {
  let t: TestApp;
  const store = new MemoryStore();
  const raised: AlertInput[] = [];
  const uidFor = (conv: string) => hashId(`test:user-${conv}`);
  const profile = async (conv: string, p: Partial<Profile>) =>
    store.setJson(keys.profile(uidFor(conv)), { uid: uidFor(conv), createdAt: '2026-11-01T00:00:00Z', ...p });

  beforeAll(async () => {
    t = await startTestApp({ store, now: () => clock, alerts: { raise: async (i) => (raised.push(i), { state: 'delivered_on_duty' }) } });
  });
  afterAll(async () => t.close());
  beforeEach(() => {
    raised.length = 0;
    clock = new Date('2026-11-28T23:30:00Z');
  });

  it('typed anywhere: the 24/7 routes come first, then a choice of needs', async () => {
    await profile('h1', { ageBand: '12-15', age: 14 });
    await t.join('h1');
    const replies = await t.say('h1', 'I need help');
    const text = visibleText(replies);
    expect(text).toContain('Call 999');
    expect(text).toContain('Call 111 and choose the mental health option');
    expect(text).toContain('Call 0800 1111');
    expect(text.indexOf('Call 999')).toBeLessThan(text.indexOf('What would you like help with?'));
    expect(buttonTitles(replies)).toEqual([
      "How I'm feeling",
      "I don't feel safe",
      'Someone is hurting me',
      'I want to hurt myself',
      "I don't want to be alive",
      'Something else',
      'Back to menu',
    ]);
    const more = await t.press('h1', { kind: 'help.more' });
    expect(visibleText(more)).not.toContain('Call 999'); // not repeated
    expect(buttonTitles(more)).toEqual(expect.arrayContaining(['I want someone to talk to', 'Bullying', 'Something else', 'Back to menu']));
    const more2 = await t.say('h1', 'something else');
    expect(buttonTitles(more2)).toEqual(expect.arrayContaining(['Sexuality or gender', 'Someone has died']));
    const r = await t.say('h1', '2'); // the second on this page
    expect(visibleText(r)).toContain("Winston's Wish");
  });

  it('by need at night: a closed service says when it opens, and someone reachable now is there', async () => {
    await profile('h2', { ageBand: '12-15', age: 15 });
    await t.join('h2');
    const first = visibleText(await t.say('h2', 'help'));
    expect(first).toMatch(/Childline \(open day and night/);
    const replies = await t.say('h2', 'sexuality or gender');
    const text = visibleText(replies);
    expect(text).toContain('Mermaids (closed now, opens Monday 1pm)');
    expect(text).not.toMatch(/Childline \(open/); // shown a moment ago, not listed again (only named)
    expect(text).toContain('Would you like to try something that might help right now?');
  });

  it('by button, then self-help one step at a time, and "that helped" is remembered', async () => {
    await profile('h3', { ageBand: '16-25', age: 17 });
    await t.join('h3');
    const first = await t.say('h3', 'help');
    const data = (title: string) => buttonData(first, title);
    const results = await t.press('h3', data('How I\'m feeling'));
    expect(visibleText(results)).toMatch(/Here are some (more )?people who can help/);
    const ideas = await t.press('h3', { kind: 'help.offer', answer: 'yes' });
    expect(buttonTitles(ideas)).toContain('Slow breathing');
    let r = await t.press('h3', { kind: 'selfhelp.activity', activity: 'breathing' });
    expect(visibleText(r)).toContain('Step 1 of 5');
    expect(buttonTitles(r)).toEqual(['Next', 'Stop for now']);
    for (let i = 2; i <= 5; i++) r = await t.say('h3', 'next');
    expect(visibleText(r)).toContain('Step 5 of 5');
    expect(buttonTitles(r)).toEqual(['That helped', "Didn't help"]);
    r = await t.press('h3', { kind: 'selfhelp.feedback', helped: true });
    expect(visibleText(r)).toContain("I'll remember that this one helps you");
    expect(await store.listRange(keys.userSelfHelp(uidFor('h3')))).toEqual([{ activityId: 'breathing', helped: true, at: clock.toISOString() }]);
  });

  it('pressing a disclosure raises it with the duty team (the safety check reads the button words)', async () => {
    await profile('h4', { ageBand: '8-11', age: 10 });
    await t.join('h4');
    await t.say('h4', 'help');
    const r = await t.press('h4', { kind: 'help.need', n: 3, said: "I don't want to be alive" });
    expect(raised).toHaveLength(1);
    expect(visibleText(r)).toContain('999');
  });

  it('a forged or stale need is re-asked gently, nothing changes', async () => {
    await t.join('h5');
    await t.say('h5', 'help');
    const r = await t.press('h5', { kind: 'help.need', n: 99 });
    expect(visibleText(r)).toContain("I'm not sure which of these fits");
  });
});

describe('asking for help again while choosing', () => {
  it('shows the 24/7 routes again', async () => {
    const t = await startTestApp({ now: () => new Date('2026-11-23T15:00:00Z') });
    try {
      await t.join('again-1');
      await t.say('again-1', 'help');
      expect(visibleText(await t.press('again-1', { kind: 'nav', intent: 'help' }))).toContain('Call 999');
      expect(visibleText(await t.say('again-1', 'help me'))).toContain('Call 116 123');
    } finally {
      await t.close();
    }
  });
});
