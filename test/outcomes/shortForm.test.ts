import { chooseItems, loadBank, nextItems, rotatingItems, shortFormItems } from '../../core/outcomes';

const bank = loadBank();

describe('short form', () => {
  const ids = shortFormItems(bank).map((i) => i.id);

  it('is about ten items and covers all six outcomes', () => {
    expect(ids.length).toBeGreaterThanOrEqual(8);
    expect(ids.length).toBeLessThanOrEqual(12);
    expect(new Set(shortFormItems(bank).map((i) => i.outcome)).size).toBe(6);
  });

  it('holds the items on help while waiting, where to get help, crisis help at any time and being listened to', () => {
    for (const id of ['3.6', '2.3', '3.2', '4.10', '3.4']) expect(ids).toContain(id);
  });
});

describe('nextItems (rotating longer set)', () => {
  const rotating = rotatingItems(bank).map((i) => i.id);
  const at = (day: number) => new Date(Date.UTC(2026, 0, day)).toISOString();

  it('never repeats a short-form item', () => {
    expect(rotating.filter((id) => shortFormItems(bank).some((s) => s.id === id))).toEqual([]);
    expect(nextItems([], 100, bank).map((i) => i.id)).toEqual(rotating);
  });

  it('asks items never asked first, in bank order', () => {
    expect(nextItems([], 3, bank).map((i) => i.id)).toEqual(rotating.slice(0, 3));
    const history = rotating.slice(0, 3).map((frameworkId) => ({ frameworkId, at: at(1) }));
    expect(nextItems(history, 3, bank).map((i) => i.id)).toEqual(rotating.slice(3, 6));
  });

  it('then asks those asked longest ago, counting the latest time an item was asked', () => {
    const history = rotating.map((frameworkId, i) => ({ frameworkId, at: at(2 + i) }));
    // the first item was asked again most recently; the second is now the oldest
    history.push({ frameworkId: rotating[0], at: at(28) });
    const next = nextItems(history, 2, bank).map((i) => i.id);
    expect(next).toEqual([rotating[1], rotating[2]]);
  });

  it('goes round every item across check-ins before repeating one', () => {
    const history: { frameworkId: string; at: string }[] = [];
    const seen: string[] = [];
    for (let round = 0; round * 4 < rotating.length; round++) {
      const picked = nextItems(history, 4, bank);
      picked.forEach((p) => history.push({ frameworkId: p.id, at: at(round + 1) }));
      seen.push(...picked.map((p) => p.id));
    }
    const firstRound = seen.slice(0, rotating.length);
    expect(new Set(firstRound).size).toBe(rotating.length);
    // the next pick after a full round is the item asked longest ago
    expect(seen[rotating.length]).toBe(rotating[0]);
  });

  it('is pure: same history, same answer; ignores records with no readable time', () => {
    const h = [{ frameworkId: rotating[0], at: 'not a date' }];
    expect(nextItems(h, 2, bank)).toEqual(nextItems([], 2, bank));
    expect(nextItems([], 0, bank)).toEqual([]);
  });
});

describe('chooseItems (what to ask this time)', () => {
  const now = new Date('2026-03-01T12:00:00Z');
  const short = shortFormItems(bank).map((i) => i.id);

  it('asks the short form the first time', () => {
    expect(chooseItems([], now, bank)).toEqual({ set: 'short', items: shortFormItems(bank) });
  });

  it('asks a few rotating items at later check-ins, then the short form again after four weeks', () => {
    const recent = short.map((frameworkId) => ({ frameworkId, at: '2026-02-20T12:00:00Z' }));
    const next = chooseItems(recent, now, bank);
    expect(next.set).toBe('rotating');
    expect(next.items.map((i) => i.id)).toEqual(rotatingItems(bank).slice(0, 4).map((i) => i.id));
    const old = short.map((frameworkId) => ({ frameworkId, at: '2026-01-31T12:00:00Z' }));
    expect(chooseItems(old, now, bank).set).toBe('short');
  });
});
