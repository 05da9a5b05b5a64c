/**
 * Flesch-Kincaid grade level, used to keep the words for each age band easy to read:
 *   grade = 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59
 * Emoji, numbers and placeholders such as {{name}} are not counted as words.
 */

/** Words the vowel-group rule gets wrong that come up often in Starling's wording. */
const SPECIAL: Record<string, number> = {
  the: 1, someone: 2, something: 2, sometimes: 2, people: 2, being: 2, doing: 2, going: 2, seeing: 2,
  area: 3, idea: 3, really: 2, create: 2, quiet: 2, science: 2, lives: 1, gives: 1, loves: 1, moves: 1,
  whole: 1, done: 1, gone: 1, one: 1, once: 1, some: 1, come: 1, are: 1, were: 1, there: 1, where: 1, here: 1,
  type: 1, maybe: 2, okay: 2, ok: 2, anyone: 3, everyone: 3, orange: 2, different: 3, family: 3, nickname: 2,
  before: 2, whether: 2, you: 1, your: 1, youre: 1, our: 1, hour: 1, fire: 1, tired: 1, more: 1, radio: 3,
  video: 3, beautiful: 3, because: 2, every: 2, business: 2, worried: 2, talked: 1, liked: 1, asked: 1,
};

/** Syllables in one English word: vowel groups, with silent final -e, -es, -ed, and a list of exceptions. */
export function countSyllables(word: string): number {
  let w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (!w) return 0;
  if (SPECIAL[w] !== undefined) return SPECIAL[w];
  if (w.length <= 3) return 1;
  w = w.replace(/(?:[^laeiouycgsxzh]es|[^laeiouydt]ed|[^laeiouy]e)$/, ''); // silent endings (but "-le" stays: ta-ble)
  w = w.replace(/^y/, ''); // a leading y is a consonant
  const groups = w.match(/[aeiouy]{1,2}/g);
  return Math.max(1, groups ? groups.length : 0);
}

/** Words in a text, ignoring emoji, numbers, markdown and {{placeholders}}. */
export function textWords(text: string): string[] {
  return text
    .replace(/\{\{[^}]*\}\}/g, 'name')
    .replace(/\$t\([^)]*\)/g, ' ')
    .replace(/[’']/g, '')
    .split(/[^A-Za-z-]+/)
    .flatMap((w) => w.split('-'))
    .filter((w) => /[A-Za-z]/.test(w));
}

/** Sentences: split on . ! ? and line breaks; a text without an ending is one sentence. */
export function sentenceCount(text: string): number {
  const parts = text
    .split(/[.!?…]+(?:\s|$)|\n+/)
    .map((s) => s.trim())
    .filter((s) => textWords(s).length > 0);
  return Math.max(1, parts.length);
}

export interface Readability {
  words: number;
  sentences: number;
  syllables: number;
  grade: number;
}

/** Flesch-Kincaid grade of one text, or of several texts read together (each its own sentence or more). */
export function fleschKincaid(texts: string | string[]): Readability {
  const list = Array.isArray(texts) ? texts : [texts];
  let words = 0;
  let sentences = 0;
  let syllables = 0;
  for (const t of list) {
    const ws = textWords(t);
    if (!ws.length) continue;
    words += ws.length;
    sentences += sentenceCount(t);
    syllables += ws.reduce((n, w) => n + countSyllables(w), 0);
  }
  if (!words) return { words: 0, sentences: 0, syllables: 0, grade: 0 };
  const grade = 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59;
  return { words, sentences, syllables, grade: Math.round(grade * 100) / 100 };
}
