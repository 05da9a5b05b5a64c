import { checkInSignal, clearFlag, isDenial, nextFlag, type SafetyResult } from '../../core/safety';

const crisis: SafetyResult = { level: 'crisis', category: 'suicide', reasons: ['x'] };
const safeguarding: SafetyResult = { level: 'safeguarding', category: 'abuse', reasons: ['y'] };
const concern: SafetyResult = { level: 'concern', category: 'bullying_threats', reasons: ['z'] };
const none: SafetyResult = { level: 'none', category: null, reasons: [] };
const t1 = '2026-01-01T10:00:00.000Z';
const t2 = '2026-01-01T10:05:00.000Z';
const t3 = '2026-01-01T10:09:00.000Z';

describe('flag policy', () => {
  test('safeguarding raises the flag; a later crisis wins; a later safeguarding does not lower it', () => {
    const a = nextFlag(undefined, safeguarding, t1);
    expect(a).toMatchObject({ flagged: true, level: 'safeguarding', category: 'abuse', since: t1, lastRaisedAt: t1 });
    const b = nextFlag(a, crisis, t2);
    expect(b).toMatchObject({ flagged: true, level: 'crisis', category: 'suicide', since: t1, lastRaisedAt: t2 });
    const c = nextFlag(b, safeguarding, t3);
    expect(c).toMatchObject({ flagged: true, level: 'crisis', category: 'suicide', since: t1, lastRaisedAt: t3 });
  });

  test('concern and none neither raise nor clear', () => {
    expect(nextFlag(undefined, concern, t1).flagged).toBe(false);
    const a = nextFlag(undefined, crisis, t1);
    expect(nextFlag(a, none, t2)).toEqual(a);
    expect(nextFlag(a, concern, t2)).toEqual(a);
  });

  test('a denial never clears the flag: "no im fine", "jk", "you misunderstood"', () => {
    let f = nextFlag(undefined, crisis, t1);
    for (const said of ['no im fine', 'jk', 'you misunderstood', 'i was only joking lol', 'nvm forget it']) {
      expect(isDenial(said)).toBe(true);
      // whatever the detector makes of a denial, the policy keeps the flag
      f = nextFlag(f, none, t2);
      expect(f.flagged).toBe(true);
      expect(f.level).toBe('crisis');
    }
  });

  test('only a duty worker clears it, and is named', () => {
    const f = nextFlag(undefined, crisis, t1);
    const cleared = clearFlag(f, 'duty-17', t3);
    expect(cleared).toMatchObject({ flagged: false, level: 'none', clearedBy: 'duty-17', clearedAt: t3 });
    expect(() => clearFlag(f, '  ', t3)).toThrow(/duty worker/);
    expect(nextFlag(cleared, safeguarding, t3)).toMatchObject({ flagged: true, level: 'safeguarding', since: t3 });
  });

  test('isDenial is false for ordinary messages and for disclosures', () => {
    for (const t of ['i want to die', 'my dad hits me', 'can you help me with homework', '', 'what is a joker card']) expect(isDenial(t)).toBe(false);
    expect(isDenial(undefined as unknown as string)).toBe(false);
  });
});

describe('check-in signals', () => {
  test('being safe or where you live at step 1 raises safeguarding with a reason', () => {
    const a = checkInSignal('being_safe', 1);
    expect(a.level).toBe('safeguarding');
    expect(a.category).toBe('immediate_danger');
    expect(a.reasons[0]).toMatch(/being safe/);
    const b = checkInSignal('where_you_live', 1);
    expect(b.level).toBe('safeguarding');
    expect(b.category).toBe('domestic_abuse_at_home');
  });
  test('other steps, skipped answers and other areas raise nothing', () => {
    expect(checkInSignal('being_safe', 2).level).toBe('none');
    expect(checkInSignal('being_safe', null).level).toBe('none');
    expect(checkInSignal('where_you_live', 5).level).toBe('none');
    expect(checkInSignal('friends', 1).level).toBe('none');
  });
});
