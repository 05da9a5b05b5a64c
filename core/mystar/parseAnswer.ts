/**
 * Reads a typed answer to a My Star question: a number (1-5, "3/5", "3 out of 5"), a colour, words
 * ("not great", "really good", "meh"), an emoji, or a control word (skip, pause, stop, help).
 * Anything unclear returns undefined so the dialog can ask again gently; it never guesses between two steps.
 * The word lists live in content/mystar.json.
 */
import type { AgeBand } from '../ageBands';
import type { LocalArea, Step } from '../records/types';
import { myStarContent } from './content';

export type StepAnswer = Step | 'skip' | 'pause' | 'stop' | 'help';

/** Lower case, curly quotes straightened, emoji variation selectors and most punctuation removed. */
export function normaliseAnswer(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\uFE0E\uFE0F\u200d]/g, '')
    .replace(/[.,!;:"()[\]{}*_~]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whole-word (or whole-emoji) match of phrase in text. */
function phraseRe(phrase: string): RegExp {
  const p = escapeRe(phrase);
  // words need word boundaries; emoji and symbols do not
  return /^[\p{L}\p{N}']/u.test(phrase) ? new RegExp(`(^|[^\\p{L}\\p{N}'])${p}(?=$|[^\\p{L}\\p{N}'])`, 'u') : new RegExp(p, 'u');
}

interface StepPhrase {
  phrase: string;
  step: Step;
}

const phraseCache = new Map<string, StepPhrase[]>();

function stepPhrases(band?: AgeBand): StepPhrase[] {
  const k = band ?? '';
  const hit = phraseCache.get(k);
  if (hit) return hit;
  const c = myStarContent();
  const out: StepPhrase[] = [];
  const add = (lists: Partial<Record<string, string[]>> | undefined) => {
    for (const [s, l] of Object.entries(lists ?? {})) for (const phrase of l ?? []) out.push({ phrase: normaliseAnswer(phrase), step: Number(s) as Step });
  };
  add(c.answerWords.numbers);
  add(c.answerWords.colours);
  add(c.answerWords.phrases);
  add(c.answerWords.emoji);
  if (band) add(c.bandExtras[band]?.phrases);
  // longest first, so "not great" wins over "great" and "not good at all" over "not good"
  out.sort((a, b) => b.phrase.length - a.phrase.length);
  phraseCache.set(k, out);
  return out;
}

/** Every step the text names, each found span removed once matched. */
function stepsNamed(text: string, band?: AgeBand): number[] {
  let rest = ` ${text} `;
  const found: number[] = []; // 0 marks a number out of range
  // digits: "3", "3/5", "3 out of 5", "step 3", "a 4"
  const outOf = /(^|[^\d])(\d+)\s*(?:\/|out of|outta|of)\s*5(?!\d)/g;
  rest = rest.replace(outOf, (_m, pre: string, n: string) => {
    const v = Number(n);
    found.push(v >= 1 && v <= 5 ? v : 0);
    return `${pre} `;
  });
  rest = rest.replace(/(^|[^\d])(\d+)(?!\d)/g, (_m, pre: string, n: string) => {
    const v = Number(n);
    found.push(v >= 1 && v <= 5 ? v : 0);
    return `${pre} `;
  });
  for (const { phrase, step } of stepPhrases(band)) {
    const re = phraseRe(phrase);
    let m: RegExpExecArray | null;
    while ((m = re.exec(rest))) {
      found.push(step);
      rest = rest.slice(0, m.index) + ' '.repeat(m[0].length) + rest.slice(m.index + m[0].length);
    }
  }
  return found;
}

function controlWord(text: string): 'skip' | 'pause' | 'stop' | 'help' | undefined {
  const w = myStarContent().answerWords;
  const kinds = ['stop', 'pause', 'skip', 'help'] as const;
  for (const k of kinds) if (w[k].some((p) => normaliseAnswer(p) === text)) return k;
  const words = text.split(' ').length;
  if (words > 5) return undefined;
  // short messages such as "skip please", "can we stop", "pause for now"
  for (const k of kinds) if (w[k].some((p) => phraseRe(normaliseAnswer(p)).test(text))) return k;
  return undefined;
}

/**
 * One typed answer to a step question. Returns a step 1-5, a control word, or undefined when the text
 * is unclear (nothing recognised, two different steps, or a number out of range).
 */
export function parseStepAnswer(text: string, band?: AgeBand): StepAnswer | undefined {
  const t = normaliseAnswer(text ?? '');
  if (!t) return undefined;
  if (t.split(' ').length > 25) return undefined; // a long message is a story, not a rating
  const steps = stepsNamed(t, band);
  const distinct = [...new Set(steps)];
  const exactControl = controlWord(t);
  if (distinct.length === 0) return exactControl;
  if (exactControl && myStarContent().answerWords[exactControl].some((p) => normaliseAnswer(p) === t)) return exactControl;
  if (distinct.length === 1 && distinct[0] !== 0) return distinct[0] as Step;
  return undefined;
}

/** Where they live, from a typed answer (a county, city or town name), or undefined. */
export function parseLocalArea(text: string): LocalArea | undefined {
  const t = normaliseAnswer(text ?? '');
  if (!t) return undefined;
  const c = myStarContent().localAreaWords;
  const hits = new Set<LocalArea>();
  const all: { phrase: string; area: LocalArea }[] = [];
  for (const [area, l] of Object.entries(c) as [LocalArea, string[]][]) for (const p of l) all.push({ phrase: normaliseAnswer(p), area });
  all.sort((a, b) => b.phrase.length - a.phrase.length);
  let rest = ` ${t} `;
  for (const { phrase, area } of all) {
    const m = phraseRe(phrase).exec(rest);
    if (m) {
      hits.add(area);
      rest = rest.slice(0, m.index) + ' '.repeat(m[0].length) + rest.slice(m.index + m[0].length);
    }
  }
  return hits.size === 1 ? [...hits][0] : undefined;
}
