import { readFileSync } from 'node:fs';
import path from 'node:path';
import { countSyllables, fleschKincaid, sentenceCount, textWords } from '../../core/mystar/readability';
import { createWords } from '../../core/i18n';
import { LOCALES_DIR } from '../../core/paths';

describe('syllable counter', () => {
  it.each([
    ['cat', 1], ['dog', 1], ['make', 1], ['table', 2], ['happy', 2], ['really', 2], ['people', 2], ['water', 2],
    ['syllable', 3], ['computer', 3], ['family', 3], ['beautiful', 3], ['readability', 5], ['education', 4],
    ['wanted', 2], ['needed', 2], ['places', 2], ['changes', 2], ['likes', 1], ['jumped', 1], ['tries', 1], ['yellow', 2], ['orange', 2], ['something', 2],
  ])('%s has %d', (w, n) => {
    expect(countSyllables(w)).toBe(n);
  });
});

describe('Flesch-Kincaid grade', () => {
  it('counts words and sentences, ignoring emoji, numbers and placeholders', () => {
    expect(textWords('🌟 Hi {{name}}! You did 3 things.')).toEqual(['Hi', 'name', 'You', 'did', 'things']);
    expect(sentenceCount('One. Two! Three? Four')).toBe(4);
  });

  it('matches the formula on a known easy sentence', () => {
    // 6 words, 1 sentence, 6 syllables: 0.39*6 + 11.8*1 - 15.59 = -1.45
    expect(fleschKincaid('The cat sat on the mat.').grade).toBeCloseTo(-1.45, 2);
  });

  it('matches the formula on a known harder sentence', () => {
    // 13 words, 1 sentence, 26 syllables (or-gan-i-sa-tions 5, re-cord-ing 3, dif-fer-ence 3 ...): 0.39*13 + 11.8*26/13 - 15.59 = 13.08
    const r = fleschKincaid('Organisations sometimes focus on recording methods rather than knowing what makes a difference.');
    expect(r.words).toBe(13);
    expect(r.syllables).toBe(26);
    expect(r.grade).toBeCloseTo(13.08, 2);
  });

  it('ranks a children\'s sentence below an academic one', () => {
    const easy = fleschKincaid('I like my dog. He is big and fun. We play in the park.');
    const hard = fleschKincaid('Multi-agency collaboration facilitates comprehensive, individualised interventions for vulnerable adolescents.');
    expect(easy.grade).toBeLessThan(2);
    expect(hard.grade).toBeGreaterThan(16);
  });
});

/** Every leaf key of a locale file, with the band suffix removed. */
function baseKeys(obj: Record<string, unknown>, prefix = ''): Set<string> {
  const out = new Set<string>();
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object' && !Array.isArray(v)) baseKeys(v as Record<string, unknown>, key).forEach((x) => out.add(x));
    else out.add(key.replace(/_(8-11|12-15|16-25)$/, ''));
  }
  return out;
}

/** The texts a young person in this band actually reads from the namespace (band wording or the plain fallback). */
function bandTexts(ns: string, band: '8-11' | '12-15' | '16-25'): string[] {
  const file = JSON.parse(readFileSync(path.join(LOCALES_DIR, 'en-GB', `${ns}.json`), 'utf8'));
  const w = createWords();
  return [...baseKeys(file)]
    .filter((k) => !k.startsWith('pro.') && !k.startsWith('colours.') && !/progress|stepWords|trendLine|planLine/.test(k))
    .flatMap((k) => w.list(`${ns}:${k}`, { band }))
    .filter((t) => textWords(t).length >= 5); // sentences, not button labels (short labels would flatter the score)
}

describe('wording for each band is easy enough to read', () => {
  it.each([
    ['mystar', '8-11', 4],
    ['onboarding', '8-11', 4],
    ['mystar', '12-15', 7],
    ['onboarding', '12-15', 7],
  ] as const)('%s for %s is at most grade %d', (ns, band, max) => {
    const r = fleschKincaid(bandTexts(ns, band));
    expect(r.words).toBeGreaterThan(100);
    expect(r.grade).toBeLessThanOrEqual(max);
  });

  it('each 8-11 area question on its own is at most grade 4, each 12-15 one at most 7', () => {
    const w = createWords();
    const ids = ['being_safe', 'confidence', 'physical_health', 'friends', 'where_you_live', 'education', 'feelings_behaviour', 'relationships'];
    for (const id of ids) {
      expect([id, fleschKincaid(w.t(`mystar:areas.${id}.question`, { band: '8-11' })).grade <= 4]).toEqual([id, true]);
      expect([id, fleschKincaid(w.t(`mystar:areas.${id}.question`, { band: '12-15' })).grade <= 7]).toEqual([id, true]);
    }
  });

  it('the youngest band reads easier than the oldest', () => {
    expect(fleschKincaid(bandTexts('mystar', '8-11')).grade).toBeLessThan(fleschKincaid(bandTexts('mystar', '16-25')).grade);
  });
});
