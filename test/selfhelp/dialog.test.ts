/** Self-help cards as a young person meets them, through /api/messages. */
import { buttonTitles, visibleText } from '../support/replySink';
import { startTestApp, TestApp } from '../support/testApp';
import { MemoryStore } from '../../core/storage';
import { keys } from '../../core/records/types';
import { hashId } from '../../core/logging';
import type { AgeBand } from '../../core/ageBands';

describe('self-help, one step at a time', () => {
  let t: TestApp;
  const store = new MemoryStore();
  const uidFor = (conv: string) => hashId(`test:user-${conv}`);
  const start = async (conv: string, ageBand: AgeBand) => {
    await store.setJson(keys.profile(uidFor(conv)), { uid: uidFor(conv), ageBand, createdAt: '2026-11-01T00:00:00Z' });
    await t.join(conv);
    return t.say(conv, 'self help');
  };

  beforeAll(async () => {
    t = await startTestApp({ store, now: () => new Date('2026-11-23T15:00:00Z') });
  });
  afterAll(async () => t.close());

  it('offers ideas worded for the youngest band, and a way back', async () => {
    const r = await start('s1', '8-11');
    expect(buttonTitles(r)).toEqual(['Balloon breathing 🎈', '5, 4, 3, 2, 1 detective 🔍', 'Sleepy time 😴', 'Worry box 📦', 'Back to menu']);
    const step1 = await t.say('s1', '1');
    expect(visibleText(step1)).toContain('Let\'s breathe slowly');
    expect(buttonTitles(step1)).toEqual(['Next ➡️', 'Stop for now']);
  });

  it('stops when asked, and nothing is recorded', async () => {
    await start('s2', '16-25');
    await t.press('s2', { kind: 'selfhelp.activity', activity: 'grounding' });
    await t.press('s2', { kind: 'selfhelp.step', step: 'next' });
    const r = await t.press('s2', { kind: 'selfhelp.step', step: 'stop' });
    expect(visibleText(r)).toMatch(/Anything else|What next/);
    expect(await store.listRange(keys.userSelfHelp(uidFor('s2')))).toEqual([]);
  });

  it('"didn\'t help" moves that idea to the end of the list next time', async () => {
    await start('s3', '16-25');
    await t.press('s3', { kind: 'selfhelp.activity', activity: 'breathing' });
    for (let i = 0; i < 4; i++) await t.press('s3', { kind: 'selfhelp.step', step: 'next' });
    const r = await t.press('s3', { kind: 'selfhelp.feedback', helped: false });
    expect(visibleText(r)).toContain('Not everything works for everyone');
    const again = await t.say('s3', 'self help');
    const titles = buttonTitles(again);
    expect(titles[0]).not.toBe('Slow breathing');
    expect(titles).not.toContain('Slow breathing'); // four ideas are shown: it dropped below them
  });

  it('an idea that was not offered, or an odd answer, is gently re-asked', async () => {
    await start('s4', '12-15');
    const r = await t.press('s4', { kind: 'selfhelp.activity', activity: 'juggling' });
    expect(visibleText(r)).toContain('Pick one of the ideas');
    await t.press('s4', { kind: 'selfhelp.activity', activity: 'sleep' });
    const odd = await t.press('s4', { kind: 'selfhelp.feedback', helped: 'maybe' });
    expect(visibleText(odd)).toContain("Press 'Next' when you're ready");
  });
});
