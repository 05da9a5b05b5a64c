/**
 * Turns a message as young people type it into a list of plain words (tokens) with stems and sentence numbers.
 * Handles: case, accents, emoji, leetspeak (k1ll, $uicide), letters spaced or dotted out (k i l l, s.h),
 * symbols inside words (su!c!de, k*ll), missing apostrophes and text-speak (im, dont, kms), algospeak
 * (unalive, sewerslide, seggs), and misspellings of key risk words (string distance, natural).
 * Every step is a single pass over the text (linear time); results for words are cached.
 */
import { RegexpTokenizer } from 'natural/lib/natural/tokenizers';
import { PorterStemmer } from 'natural/lib/natural/stemmers';
import { DamerauLevenshteinDistance } from 'natural/lib/natural/distance';
import type { NormaliseData } from './schema';

export interface Tok {
  /** normalised word */
  w: string;
  /** Porter stem of w */
  s: string;
  /** sentence number */
  sent: number;
  /** what the pattern search needs of w as integers (shared by every token of the same word) */
  x: WordInfo;
}

/**
 * A word as the pattern search (patterns.ts) reads it: its id and its stem's id among the words patterns name, the
 * prefixes (word*) it starts with, and whether it is a number. Integers, so matching a token against an alternative
 * compares numbers in a typed array instead of hashing strings into Sets spread over the heap (see patterns.ts for
 * why that matters). Worked out once per distinct word (cached) and read again only when the vocabulary has grown.
 */
export interface WordInfo {
  /** Porter stem */
  s: string;
  /** id of the word among the words and stems patterns name; -1 when no pattern names it */
  wi: number;
  /** id of the stem, the same way */
  si: number;
  /** ids of the pattern prefixes the word starts with, ascending (usually none) */
  pre: Int32Array;
  /** all digits (what #n matches) */
  num: boolean;
  /** vocabulary.version the ids were read at */
  v: number;
  w: string;
}

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i', '|': 'i' };
const NUMBER_WITH_SUFFIX = /^\d+(st|nd|rd|th|am|pm|mg|g|kg|ml|k|s|x|yrs|yo|ft|m|km|p)?$/;
const WEIGHT_UNIT = /^(\d+(?:\.\d+)?)(kg|kgs|kilos|st|lbs|lb|cal|cals|kcal|kcals|calories)$/;
const TO_BEFORE = new Set('die live stop kill end be hurt harm cut go do stab meet send tell talk see get make take come leave sleep eat wake help run jump say keep give try feel cry fight hide call text post share pay unalive school bed my me him her them the a his their everyone someone anyone nobody exist disappear breathe carry hold sell deliver drop'.split(' '));
const FOR_BEFORE = new Set('me you him her them it the a someone money pics nudes ever good real sure now my his their cash'.split(' '));
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'y'];
const CACHE_LIMIT = 50000;

/**
 * The words, stems and prefixes compiled patterns name, each given a small integer id when a pattern is compiled.
 * Only patterns add to it, so its size is bounded by the content, never by what people type. `version` changes
 * whenever it grows, so ids a word was given before a later pattern named it are read again (WordInfo.v).
 */
export const vocabulary = {
  ids: new Map<string, number>(),
  prefixes: [] as string[],
  version: 0,
};

/** The id of a word or stem a pattern names (given one if new). */
export function wordId(s: string): number {
  let id = vocabulary.ids.get(s);
  if (id === undefined) {
    id = vocabulary.ids.size;
    vocabulary.ids.set(s, id);
    vocabulary.version++;
  }
  return id;
}

/** The id of a prefix a pattern names ("suicid" for suicid*), given one if new. */
export function prefixId(p: string): number {
  let id = vocabulary.prefixes.indexOf(p);
  if (id < 0) {
    id = vocabulary.prefixes.push(p) - 1;
    vocabulary.version++;
  }
  return id;
}

const NO_PREFIXES = new Int32Array(0);
const infoCache = new Map<string, WordInfo>();
/** A word's stem and ids (cached per word: one Map look-up per token). */
export function wordInfo(w: string): WordInfo {
  let x = infoCache.get(w);
  if (x === undefined) {
    const s = /^[a-z]+$/.test(w) ? PorterStemmer.stem(w) : w;
    x = { s, wi: -1, si: -1, pre: NO_PREFIXES, num: /^\d+$/.test(w), v: -1, w };
    if (infoCache.size > CACHE_LIMIT) infoCache.clear();
    infoCache.set(w, x);
  }
  if (x.v !== vocabulary.version) readIds(x);
  return x;
}

/** (Re)reads a word's ids from the vocabulary as it is now. */
export function readIds(x: WordInfo): void {
  x.wi = vocabulary.ids.get(x.w) ?? -1;
  x.si = vocabulary.ids.get(x.s) ?? -1;
  let pre: number[] | null = null;
  const ps = vocabulary.prefixes;
  for (let i = 0; i < ps.length; i++) if (x.w.startsWith(ps[i])) (pre ??= []).push(i);
  x.pre = pre ? Int32Array.from(pre) : NO_PREFIXES;
  x.v = vocabulary.version;
}

export function stem(word: string): string {
  return wordInfo(word).s;
}

export class Normaliser {
  private readonly tokenizer = new RegexpTokenizer({ pattern: /[^a-z0-9'@$!*|\u00c0-\uffff]+/ });
  private readonly textspeak: Map<string, string[]>;
  private readonly phrases: Map<string, string[]>;
  private readonly emoji: Map<string, string>;
  private readonly keyTerms: string[];
  /**
   * Look-up forms of the same data, for the per-word checks of every message: a Set instead of an array scan (50 key
   * terms compared one by one touched 50 strings for every pair of words), and the words a two-word phrase or a
   * joined key word can start with, so most pairs of words are passed over without building their joined text.
   */
  private readonly keyTermSet: Set<string>;
  private readonly keyTermStarts = new Set<string>();
  private readonly phraseStarts = new Set<string>();
  private readonly neverCorrect: Set<string>;
  private readonly joinShort: Set<string>;
  private readonly wordCache = new Map<string, string[]>();

  /** vocab: every word the lexicon uses (words spaced out letter by letter only join into these) */
  constructor(
    data: NormaliseData,
    private readonly vocab: Set<string>,
  ) {
    this.textspeak = new Map(Object.entries(data.textspeak).map(([k, v]) => [k, v.split(' ')]));
    this.phrases = new Map(Object.entries(data.phrases).map(([k, v]) => [k, v.split(' ')]));
    this.emoji = new Map(Object.entries(data.emoji));
    this.keyTerms = data.keyTerms;
    this.keyTermSet = new Set(data.keyTerms);
    for (const k of data.keyTerms) for (let n = 0; n <= k.length; n++) this.keyTermStarts.add(k.slice(0, n));
    // a pair's text is "first second" and words never contain a space, so a phrase can only start with its text
    // up to the first space
    for (const k of this.phrases.keys()) if (k.includes(' ')) this.phraseStarts.add(k.slice(0, k.indexOf(' ')));
    this.neverCorrect = new Set(data.neverCorrect);
    this.joinShort = new Set(data.joinShort);
  }

  tokens(input: unknown): Tok[] {
    let text = typeof input === 'string' ? input : '';
    if (!text.trim()) return [];
    text = text.toLowerCase().replace(/[\u2018\u2019\u02bc`\u00b4]/g, "'");
    if (/[^\x00-\x7f]/.test(text)) text = this.foldUnicode(text);
    // letters separated by dots, dashes, slashes or stars: k.i.l.l, s/h, s-h
    text = text.replace(/(?<=\b[a-z])[.\-_*/](?=[a-z]\b)/g, '');
    const out: Tok[] = [];
    // sentences end at . ? ! ; followed by a space or the end, or at a new line
    const sentences = text.split(/[.?!;:]+(?=\s|$)|\n+|\s[-\u2013\u2014]+\s/);
    for (let si = 0; si < sentences.length; si++) {
      const raw = this.tokenizer.tokenize(sentences[si]);
      const words = this.joinSpacedLetters(raw.map(trimPunct).filter((t) => t.length > 0));
      const norm: string[] = [];
      for (const w of words) for (const n of this.word(w)) norm.push(n);
      const joined = this.joinPhrases(norm);
      for (const w of joined) {
        const x = wordInfo(w);
        out.push({ w, s: x.s, sent: si, x });
      }
    }
    return out;
  }

  /** Accents off, emoji to words, other symbols to spaces. */
  private foldUnicode(text: string): string {
    text = text.normalize('NFKD').replace(/[\u0300-\u036f\ufe0f\u200d]/g, '');
    let out = '';
    for (const ch of text) {
      const mapped = this.emoji.get(ch);
      if (mapped !== undefined) out += ` ${mapped} `;
      else if (/\p{Extended_Pictographic}/u.test(ch)) out += ' ';
      else out += ch;
    }
    return out;
  }

  /** "k i l l" -> "kill", "s h" -> "sh", but "i k i l l" -> "i kill" and "u r" stays. */
  private joinSpacedLetters(words: string[]): string[] {
    const out: string[] = [];
    let i = 0;
    while (i < words.length) {
      if (!/^[a-z]$/.test(words[i])) {
        out.push(words[i++]);
        continue;
      }
      let j = i;
      while (j < words.length && /^[a-z]$/.test(words[j])) j++;
      const run = words.slice(i, j);
      i = j;
      if (run.length < 2) {
        out.push(...run);
        continue;
      }
      let done = false;
      // a spelt-out word is at most 20 letters: longer runs are tried only in that window (keeps this linear)
      const maxLen = 20;
      for (let a = 0; a < Math.min(run.length - 1, 3) && !done; a++) {
        for (let b = Math.min(run.length, a + maxLen); b - a >= 2 && !done; b--) {
          const cand = run.slice(a, b).join('');
          if (this.isJoinable(cand)) {
            out.push(...run.slice(0, a), cand, ...run.slice(b));
            done = true;
          }
        }
      }
      if (!done) out.push(...run);
    }
    return out;
  }

  private isJoinable(w: string): boolean {
    if (w.length <= 3) return this.joinShort.has(w);
    return this.vocab.has(w) || this.textspeak.has(w) || this.keyTermSet.has(w);
  }

  /** One raw word -> one or more normalised words (cached). */
  private word(raw: string): string[] {
    const hit = this.wordCache.get(raw);
    if (hit) return hit;
    const res = this.normaliseWord(raw);
    if (this.wordCache.size > CACHE_LIMIT) this.wordCache.clear();
    this.wordCache.set(raw, res);
    return res;
  }

  private normaliseWord(raw: string): string[] {
    const ts = this.textspeak.get(raw);
    if (ts) return ts;
    let w = raw.replace(/'/g, '');
    if (!w) return [];
    const ts2 = this.textspeak.get(w);
    if (ts2) return ts2;
    // a weight or an energy count written as one word ("40kg", "500cals") becomes a number and its unit
    const unit = WEIGHT_UNIT.exec(w);
    if (unit) return [unit[1], unit[2]];
    if (/[0-9@$!|]/.test(w) && !NUMBER_WITH_SUFFIX.test(w) && /[a-z]/.test(w)) {
      w = deLeet(w);
      const ts3 = this.textspeak.get(w);
      if (ts3) return ts3;
    }
    if (w.includes('*')) {
      const filled = this.fillStars(w);
      if (filled) return this.textspeak.get(filled) ?? [filled];
      w = w.replace(/\*/g, '');
      if (!w) return [];
    }
    if (/[^a-z0-9]/.test(w)) {
      // other letters (other languages) stay as they are; stray symbols go
      w = w.replace(/[@$!|*]/g, '');
      return w ? [w] : [];
    }
    const respelt = this.respell(w);
    if (respelt !== w) return this.textspeak.get(respelt) ?? [respelt];
    const corrected = this.correct(w);
    if (corrected !== w) return this.textspeak.get(corrected) ?? [corrected];
    return [w];
  }

  /**
   * Spellings as typed, for words the lexicon knows: a dropped g ("bleedin", "followin", "livin") and a dropped e in
   * the past tense ("punchd", "rapd", "harmd", "threatend"). Only when the full form is a word the lexicon uses.
   */
  private respell(w: string): string {
    if (w.length < 4 || this.vocab.has(w) || this.neverCorrect.has(w)) return w;
    if (w.endsWith('in') && w.length >= 5 && this.vocab.has(`${w}g`)) return `${w}g`;
    if (/[^aeiou]d$/.test(w)) {
      const ed = `${w.slice(0, -1)}ed`;
      if (this.vocab.has(ed)) return ed;
    }
    return w;
  }

  /** k*ll -> kill, s*icide -> suicide: try vowels for each star against the vocabulary. */
  private fillStars(w: string): string | null {
    const stars = (w.match(/\*/g) ?? []).length;
    if (stars > 2 || w.replace(/\*/g, '').length < 2) return null;
    const tries: string[] = [w];
    for (let k = 0; k < stars; k++) {
      const next: string[] = [];
      for (const t of tries) for (const v of VOWELS) next.push(t.replace('*', v));
      tries.splice(0, tries.length, ...next);
    }
    return tries.find((t) => this.vocab.has(t) || this.keyTermSet.has(t) || this.textspeak.has(t)) ?? null;
  }

  /** Misspelt key risk words (sucide, paracetomol, overdoes) -> the key word, by Damerau-Levenshtein distance. */
  private correct(w: string): string {
    if (w.length < 6 || this.vocab.has(w) || this.neverCorrect.has(w) || this.textspeak.has(w)) return w;
    const max = w.length >= 9 ? 2 : 1;
    let best = w;
    let bestD = max + 1;
    for (const k of this.keyTerms) {
      if (Math.abs(k.length - w.length) > max) continue;
      if (k[0] !== w[0] && k[1] !== w[1]) continue;
      const d = DamerauLevenshteinDistance(w, k, { transposition_cost: 1 } as never);
      if (d < bestD) {
        bestD = d;
        best = k;
      }
    }
    return bestD <= max ? best : w;
  }

  /** Two-word replacements ("sewer slide"), and two halves of a split key word ("su icide"). */
  private joinPhrases(words: string[]): string[] {
    if (words.length < 2) return words;
    const out: string[] = [];
    for (let i = 0; i < words.length; i++) {
      if (i + 1 < words.length) {
        // "2" and "4" read as "to" and "for" before a word they cannot be counting ("want it all 2 stop", "ask 4 pics")
        if (words[i] === '2' && TO_BEFORE.has(words[i + 1])) {
          out.push('to');
          continue;
        }
        if (words[i] === '4' && FOR_BEFORE.has(words[i + 1])) {
          out.push('for');
          continue;
        }
        const rep = this.phraseStarts.has(words[i]) ? this.phrases.get(`${words[i]} ${words[i + 1]}`) : undefined;
        if (rep) {
          out.push(...rep);
          i++;
          continue;
        }
        // joined only when the joined word stays one word (text-speak turns "selfharm" back into "self harm", and
        // patterns are written that way)
        if (words[i].length + words[i + 1].length >= 6 && this.keyTermStarts.has(words[i])) {
          const cat = words[i] + words[i + 1];
          if (this.keyTermSet.has(cat) && !this.textspeak.has(cat)) {
            out.push(cat);
            i++;
            continue;
          }
        }
      }
      out.push(words[i]);
    }
    return out;
  }
}

const PUNCT = new Set(["'", '!', '*', '|']);
function trimPunct(t: string): string {
  // most words neither start nor end with one: no regex pass for them
  if (t.length === 0 || (!PUNCT.has(t[0]) && !PUNCT.has(t[t.length - 1]))) return t;
  return t.replace(/^['!*|]+|['!*|]+$/g, '');
}

function deLeet(w: string): string {
  let out = '';
  for (let i = 0; i < w.length; i++) {
    const c = w[i];
    const m = LEET[c];
    if (m === undefined) {
      out += c;
      continue;
    }
    const prev = w[i - 1];
    const next = w[i + 1];
    const letterBefore = prev !== undefined && /[a-z]/.test(prev);
    const letterAfter = next !== undefined && /[a-z]/.test(next);
    if ((c === '!' || c === '|') && !(letterBefore && letterAfter)) continue;
    out += letterBefore || letterAfter ? m : c;
  }
  return out;
}
