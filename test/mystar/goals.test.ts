import { MemoryStore } from '../../core/storage';
import { createWords } from '../../core/i18n';
import { addPlanToCheckIn, completeCheckIn, startCheckIn, savePlan } from '../../core/mystar/checkIns';
import { followUpLine, goalAreaOptions, lastPlan, makePlan, parseGoalAreas, planSentence } from '../../core/mystar/goals';
import { compare, describeChanges } from '../../core/mystar/compare';
import { AREA_IDS, CheckInRecord } from '../../core/records/types';

const w = createWords();

describe('goals', () => {
  it('offers the hardest areas first', () => {
    const rec = { answers: { friends: { step: 1 }, education: { step: 2 }, being_safe: { step: 5 }, confidence: { step: null } } } as unknown as CheckInRecord;
    const opts = goalAreaOptions(rec);
    expect(opts.slice(0, 3)).toEqual(['friends', 'education', 'being_safe']);
    expect(opts).toHaveLength(8);
  });

  it.each([
    ['friends', ['friends']],
    ['school and my feelings', ['education', 'feelings_behaviour']],
    ['Home', ['where_you_live']],
    ['family stuff', ['relationships']],
    ['Feeling good about me', ['confidence']],
  ])('reads "%s" as chosen areas', (text, areas) => {
    expect(parseGoalAreas(text, w, '8-11')).toEqual({ ok: true, areas });
  });

  it('asks again for three areas or none it recognises', () => {
    expect(parseGoalAreas('friends, school and home', w)).toEqual({ ok: false, reason: 'tooMany' });
    expect(parseGoalAreas('banana', w)).toEqual({ ok: false, reason: 'unclear' });
  });

  it('makes a plan, dropping skipped answers', () => {
    const p = makePlan({ areas: ['friends'], goodLooksLike: 'having someone at lunch', inTheWay: 'skip', firstStep: 'join chess club', when: 'Tuesday' });
    expect(p).toMatchObject({ areas: ['friends'], goodLooksLike: 'having someone at lunch', firstStep: 'join chess club', when: 'Tuesday' });
    expect(p.inTheWay).toBeUndefined();
    expect(planSentence(p, w, '12-15')).toBe('friends, and your first step is to join chess club (Tuesday)');
  });

  it('picks the plan up next time: "last time you said you would ... how did it go?"', async () => {
    const store = new MemoryStore();
    const a = await startCheckIn(store, { uid: 'u', ageBand: '8-11' });
    await completeCheckIn(store, a.id);
    await addPlanToCheckIn(store, a.id, makePlan({ areas: ['friends'], firstStep: 'ask Sam to play', when: 'at break' }));
    const b = await startCheckIn(store, { uid: 'u', ageBand: '8-11' });
    const last = (await lastPlan(store, 'u'))!;
    expect(last.checkInId).toBe(a.id);
    expect(followUpLine(last.plan, w, '8-11')).toBe('Last time you said you would ask Sam to play (at break). How did it go? 🎯');
    expect(followUpLine({ ...last.plan, when: undefined }, w, '16-25')).toBe("Last time you said you'd ask Sam to play. How did it go?");
    expect(followUpLine({ areas: ['friends', 'education'], createdAt: '' }, w, '16-25')).toMatch(/friends and learning and work/);
    expect(followUpLine({ areas: ['feelings_behaviour'], createdAt: '' }, w, '12-15')).toMatch(/feelings and how I act/);
    expect(b.plan).toBeUndefined();
  });

  it('refuses a plan with no areas, three areas or a made-up area', async () => {
    const store = new MemoryStore();
    const a = await startCheckIn(store, { uid: 'u', ageBand: '8-11' });
    const bad = [[], ['friends', 'education', 'confidence'], ['pets']];
    for (const areas of bad) {
      expect((await savePlan(store, a.id, { areas: areas as never, createdAt: '' })).ok).toBe(false);
    }
  });
});

describe('compare and the plain words for what moved', () => {
  const mk = (s: Record<string, number | null>): CheckInRecord =>
    ({ id: 'x', uid: 'u', ageBand: '12-15', startedAt: '', status: 'completed', answers: Object.fromEntries(AREA_IDS.map((a) => [a, { step: a in s ? s[a] : 3 }])) }) as CheckInRecord;

  it('says what went up and down', () => {
    const c = compare(mk({ friends: 2, education: 4 }), mk({ friends: 4, education: 3 }));
    expect(c.up.map((x) => x.area)).toEqual(['friends']);
    expect(c.down.map((x) => x.area)).toEqual(['education']);
    const lines = describeChanges(c, w, '12-15');
    expect(lines[0]).toBe('Friends has gone up since last time (2 to 4).');
    expect(lines[1]).toBe('School and learning has gone down since last time (4 to 3).');
    expect(lines[2]).toMatch(/same/);
    expect(describeChanges(c, w, '8-11')[0]).toBe('⬆️ Friends went up, from 2 to 4.');
  });

  it('says when it is the first star or nothing moved', () => {
    expect(describeChanges(compare(undefined, mk({})), w, '8-11')[0]).toMatch(/first star/);
    expect(describeChanges(compare(mk({}), mk({})), w)).toEqual(['Things are about the same as last time.']);
  });

  it('marks skipped and newly answered areas', () => {
    const c = compare(mk({ friends: null }), { ...mk({}), answers: { ...mk({}).answers, education: { step: null } } });
    expect(c.areas.find((a) => a.area === 'friends')!.movement).toBe('new');
    expect(c.areas.find((a) => a.area === 'education')!.movement).toBe('skipped');
  });
});



describe('summary words', () => {
  const { summaryText, trendLines, thanksLine } = require('../../core/mystar/summary') as typeof import('../../core/mystar/summary');
  const mk = (s: Record<string, number | null>, strengths?: string): CheckInRecord =>
    ({ id: 'x', uid: 'u', ageBand: '8-11', startedAt: '', status: 'completed', strengths, answers: Object.fromEntries(AREA_IDS.map((a) => [a, { step: a in s ? s[a] : 3 }])) }) as CheckInRecord;

  it('thanks them naming their own strength, or their strongest area', () => {
    expect(thanksLine(mk({}, 'my drawing'), w, '8-11')).toContain('"my drawing"');
    expect(thanksLine(mk({ friends: 5, education: 4 }), w, '16-25')).toMatch(/^Thank you for checking in\. Friends looks like a real strength/);
    expect(thanksLine(mk({}), w, '12-15')).toMatch(/Thank/);
  });

  it('summarises with last time when there was one', () => {
    const s = summaryText(mk({ friends: 4 }), mk({ friends: 2 }), w, '8-11');
    expect(s.intro).toMatch(/last time/);
    expect(s.changes[0]).toMatch(/Friends went up, from 2 to 4/);
  });

  it('shows the trend per area', () => {
    const lines = trendLines([mk({ friends: 2 }), mk({ friends: null }), mk({ friends: 4 })], w, '12-15');
    expect(lines).toContain('Friends: 2 → - → 4');
    expect(lines).toHaveLength(8);
    expect(trendLines([mk({})], w)).toHaveLength(1);
  });
});
