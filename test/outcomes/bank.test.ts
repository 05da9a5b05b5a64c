import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AGE_BANDS } from '../../core/ageBands';
import { createWords } from '../../core/i18n';
import { FRAMEWORK_IDS, loadBank, loadExcluded, OUTCOME_IDS, parseBank } from '../../core/outcomes';
import { LOCALES_DIR, ROOT } from '../../core/paths';

const bank = loadBank();
const locale = JSON.parse(readFileSync(path.join(LOCALES_DIR, 'en-GB', 'outcomes.json'), 'utf8'));
// The framework as published (a copy of ../shared/seeds/004_65d5957221e563b8.txt, so a checkout tests on its own),
// only to prove the bank's wording is not copied from it.
const seed = readFileSync(path.join(ROOT, 'test', 'outcomes', 'fixtures', 'framework-seed-004.txt'), 'utf8');

describe('outcome question bank', () => {
  it('validates and covers all six high-level outcomes', () => {
    expect(bank.items.length).toBeGreaterThanOrEqual(20);
    const covered = new Set(bank.items.map((i) => i.outcome));
    expect([...covered].sort()).toEqual([...OUTCOME_IDS]);
  });

  it('accounts for every framework statement 1.1-6.4 exactly once: asked, or left out with a reason', () => {
    const asked = bank.items.map((i) => i.id);
    const excluded = loadExcluded().excluded.map((e) => e.id);
    expect(FRAMEWORK_IDS).toHaveLength(43);
    expect([...asked, ...excluded].sort()).toEqual([...FRAMEWORK_IDS].sort());
    expect(asked.filter((id) => excluded.includes(id))).toEqual([]);
  });

  it('leaves out the statements about staff and commissioning', () => {
    const excluded = loadExcluded().excluded.map((e) => e.id);
    for (const staff of ['2.8', '4.11', '6.2', '4.3', '4.5']) expect(excluded).toContain(staff);
  });

  it('has its own first-person wording for every item in every age band', () => {
    const words = createWords();
    for (const item of bank.items) {
      const leaf = item.key.replace('outcomes:item.', '');
      for (const band of AGE_BANDS) {
        const text = locale.item[`${leaf}_${band}`];
        expect(typeof text).toBe('string');
        expect(words.t(item.key, { band })).toBe(text);
        expect(text).toMatch(/\b(I|I'm|I've|My|me|my)\b/);
        expect(text.length).toBeLessThanOrEqual(band === '8-11' ? 100 : 130);
      }
      // the three bands are worded differently, not one sentence copied three times
      const texts = AGE_BANDS.map((b) => locale.item[`${leaf}_${b}`]);
      expect(new Set(texts).size).toBeGreaterThanOrEqual(2);
    }
  });

  it('never copies the framework sentences (no run of 6 words in common)', () => {
    const norm = (s: string) => s.toLowerCase().replace(/[^a-z' ]+/g, ' ').split(/\s+/).filter(Boolean);
    const seedWords = norm(seed).join(' ');
    const copied: string[] = [];
    for (const text of Object.values<string>(locale.item)) {
      const w = norm(text);
      for (let i = 0; i + 6 <= w.length; i++) {
        const run = w.slice(i, i + 6).join(' ');
        if (seedWords.includes(run)) copied.push(run);
      }
    }
    expect(copied).toEqual([]);
  });

  it('offers a five-point answer from "not true for me" to "really true for me", with emoji for 8-11', () => {
    const words = createWords();
    const older = [1, 2, 3, 4, 5].map((n) => words.t(`outcomes:scale.${n}`, { band: '16-25' }));
    expect(older[0]).toBe('Not true for me');
    expect(older[4]).toBe('Really true for me');
    for (const n of [1, 2, 3, 4, 5]) expect(words.t(`outcomes:scale.${n}`, { band: '8-11' })).toMatch(/\p{Extended_Pictographic}/u);
    expect(new Set(older).size).toBe(5);
  });

  it('rejects a bank whose outcome does not match the framework id, naming the problem', () => {
    const raw = JSON.parse(readFileSync(path.join(ROOT, 'content', 'outcomes', 'bank.json'), 'utf8'));
    raw.items[0].outcome = 2;
    expect(() => parseBank(raw)).toThrow(/items\.0.*outcome does not match/);
    const raw2 = JSON.parse(readFileSync(path.join(ROOT, 'content', 'outcomes', 'bank.json'), 'utf8'));
    raw2.items[1].id = '7.1';
    expect(() => parseBank(raw2)).toThrow(/not a framework statement id/);
  });
});
