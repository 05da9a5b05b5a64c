import path from 'node:path';
import { createWords, readLocaleFiles } from '../../core/i18n';
import { flatten, keysUsedIn, missingKeys, parityProblems, readText, sourceFiles } from '../support/localeKeys';

const ROOT = path.join(__dirname, '../..');

describe('locales', () => {
  const resources = readLocaleFiles();

  it('has every key that the code uses', () => {
    const used = sourceFiles(['bot', 'dialogs', 'core'].map((d) => path.join(ROOT, d))).flatMap((f) => keysUsedIn(readText(f), f));
    expect(used.length).toBeGreaterThan(10);
    const missing = missingKeys(used, flatten(resources, 'en-GB')).map((u) => `${u.key} (${path.relative(ROOT, u.file)})`);
    expect(missing).toEqual([]);
  });

  it('gives every locale the same keys', () => {
    expect(parityProblems(resources)).toEqual([]);
  });

  it('the checks catch a missing key and a locale that lacks one', () => {
    const used = keysUsedIn("w.t('common:nope.never'); w.pick('common:menu.prompt'); w.t(`safety:open.${x}`)", 'x.ts');
    const present = flatten(resources, 'en-GB');
    expect(missingKeys(used, present).map((u) => u.key)).toEqual(['common:nope.never']);
    expect(parityProblems({ 'en-GB': { common: { a: 'x', b: 'y' } }, cy: { common: { a: 'x' } } })).toEqual(['cy lacks common:b (in en-GB)']);
  });

  it('picks wording for the age band, and falls back to the general wording', () => {
    const w = createWords({ 'en-GB': { common: { hi: 'Hello there', 'hi_8-11': 'Hi! 👋' } } });
    expect(w.t('common:hi', { band: '8-11' })).toBe('Hi! 👋');
    expect(w.t('common:hi', { band: '16-25' })).toBe('Hello there');
    expect(w.t('common:hi')).toBe('Hello there');
  });

  it('asked again, gives the same band wording and fills in new values each time (labels are remembered, sentences with values are not)', () => {
    const w = createWords({ 'en-GB': { common: { hi: 'Hello there', 'hi_8-11': 'Hi! 👋', name: 'Hi {{name}}', opts: ['a', 'b'] } } });
    for (let i = 0; i < 2; i++) {
      expect(w.t('common:hi', { band: '8-11' })).toBe('Hi! 👋');
      expect(w.t('common:hi', { band: '12-15' })).toBe('Hello there');
    }
    expect(w.t('common:name', { name: 'Sam' })).toBe('Hi Sam');
    expect(w.t('common:name', { name: 'Ali' })).toBe('Hi Ali');
    const l = w.list('common:opts');
    l.push('changed by the caller');
    expect(w.list('common:opts')).toEqual(['a', 'b']);
  });
});
