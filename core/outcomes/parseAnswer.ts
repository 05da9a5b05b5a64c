/**
 * Reads a typed answer to an outcome question: 1-5 ("4", "4/5", "4 out of 5"), words ("mostly", "not really"),
 * an emoji, or skip / stop. Words live in content/outcomes/answerWords.json. Anything unclear (no match, or two
 * different steps) returns undefined so the dialog asks again gently; it never guesses.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { CONTENT_DIR } from '../paths';

export type OutcomeAnswer = 1 | 2 | 3 | 4 | 5;
export type ParsedOutcomeAnswer = OutcomeAnswer | 'skip' | 'stop';

const wordsSchema = z.object({
  note: z.string(),
  steps: z.object({ '1': z.array(z.string()), '2': z.array(z.string()), '3': z.array(z.string()), '4': z.array(z.string()), '5': z.array(z.string()) }),
  skip: z.array(z.string()).min(1),
  stop: z.array(z.string()).min(1),
  offerYes: z.array(z.string()).min(1),
});

let offerYes: Set<string> | undefined;
/** "Shall we start?": true for a clear yes ("yes", "ok", "sure", "go on"), false for anything else. */
export function isYesToOffer(text: string): boolean {
  offerYes ??= new Set(wordsFile().offerYes.map(normaliseTyped));
  return offerYes.has(normaliseTyped(text));
}

export function normaliseTyped(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\uFE0E\uFE0F\u200d]/g, '')
    .replace(/[.,!?;:"()[\]{}*_~]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

interface Phrase {
  phrase: string;
  value: ParsedOutcomeAnswer;
  re: RegExp;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let file: z.infer<typeof wordsSchema> | undefined;
function wordsFile(): z.infer<typeof wordsSchema> {
  file ??= wordsSchema.parse(JSON.parse(readFileSync(path.join(CONTENT_DIR, 'outcomes', 'answerWords.json'), 'utf8')));
  return file;
}

let cached: Phrase[] | undefined;
function phrases(): Phrase[] {
  if (cached) return cached;
  const w = wordsFile();
  const out: Phrase[] = [];
  const add = (list: string[], value: ParsedOutcomeAnswer) => {
    for (const raw of list) {
      const phrase = normaliseTyped(raw);
      const p = escapeRe(phrase);
      const re = /^[\p{L}\p{N}']/u.test(phrase) ? new RegExp(`(?<![\\p{L}\\p{N}'])${p}(?![\\p{L}\\p{N}'])`, 'gu') : new RegExp(p, 'gu');
      out.push({ phrase, value, re });
    }
  };
  for (const s of [1, 2, 3, 4, 5] as const) add(w.steps[String(s) as '1'], s);
  add(w.skip, 'skip');
  add(w.stop, 'stop');
  out.sort((a, b) => b.phrase.length - a.phrase.length);
  cached = out;
  return out;
}

const NUMBER_WORDS: Record<string, string> = { one: '1', two: '2', three: '3', four: '4', five: '5' };

/** A lone number 1-5, in figures or words ("four"), "4/5" or "4 out of 5". */
function numberAnswer(t: string): OutcomeAnswer | undefined {
  const m = /^(?:i'?d say |about |maybe )?([1-5]|one|two|three|four|five)(?:\s*(?:\/|out of)\s*(?:5|five))?$/.exec(t);
  return m ? (Number(NUMBER_WORDS[m[1]] ?? m[1]) as OutcomeAnswer) : undefined;
}

export function parseOutcomeAnswer(text: string): ParsedOutcomeAnswer | undefined {
  const t = normaliseTyped(text);
  if (!t) return undefined;
  const n = numberAnswer(t);
  if (n) return n;
  const taken: [number, number][] = [];
  const found = new Set<ParsedOutcomeAnswer>();
  for (const p of phrases()) {
    p.re.lastIndex = 0;
    for (const m of t.matchAll(p.re)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (taken.some(([s, e]) => start < e && end > s)) continue;
      taken.push([start, end]);
      found.add(p.value);
    }
  }
  if (found.has('stop')) return 'stop';
  if (found.has('skip') && found.size === 1) return 'skip';
  const steps = [...found].filter((v): v is OutcomeAnswer => typeof v === 'number');
  if (steps.length === 1 && !found.has('skip')) return steps[0];
  return undefined;
}
