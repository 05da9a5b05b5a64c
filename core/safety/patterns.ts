/**
 * Compiles lexicon patterns (see schema.ts) and finds them in a token list.
 * Each pattern is a short fixed list of elements; a match is tried only at positions whose word can start it
 * (an index by stem), gaps are bounded (at most 5 words), so scanning is linear in the message length.
 */
import { stem, type Tok } from './normalise';
import { patternElements } from './schema';

interface Alt {
  kind: 'alt';
  /** short words (under 4 letters) match only exactly: their stems collide ("sos" and "so") */
  exact: Set<string>;
  stems: Set<string>;
  prefixes: string[];
  num: boolean;
  optional: boolean;
}
interface Gap {
  kind: 'gap';
  max: number;
}
interface Choice {
  kind: 'choice';
  options: Alt[][];
  optional: boolean;
  /** option numbers by a word or stem their first word matches exactly (so a token tries only options that can fit) */
  byWord: Map<string, number[]>;
  /** options whose first word is a prefix or a number: always tried */
  always: number[];
}
type El = Alt | Gap | Choice;

export interface Compiled<T> {
  els: El[];
  item: T;
}

export interface Match<T> {
  item: T;
  start: number;
  /** exclusive */
  end: number;
}

type Groups = Record<string, string[]>;

function items(body: string, groups: Groups, where: string): string[] {
  const out: string[] = [];
  for (const a of body.split('|')) {
    if (a.startsWith('@')) {
      const g = groups[a.slice(1)];
      if (!g) throw new Error(`Invalid safety data in ${where}: unknown group ${a}`);
      out.push(...g);
    } else out.push(a);
  }
  return out;
}

/** Plain words a pattern uses (for the vocabulary that spaced-out letters may join into). */
export function patternWords(pattern: string, groups: Groups): string[] {
  const words: string[] = [];
  for (const el of pattern.replace(/[()?]/g, ' ').split(/[\s|]+/)) {
    if (!el || el.startsWith('..') || el === '#n') continue;
    const alts = el.startsWith('@') ? groups[el.slice(1)] ?? [] : [el];
    for (const a of alts) if (!a.endsWith('*')) words.push(a.replace(/'/g, ''));
  }
  return words;
}

/** Alternatives are never changed once built, so the same list (a group used by hundreds of patterns) is built once. */
const altCache = new Map<string, Alt>();
function makeAlt(list: string[], optional: boolean): Alt {
  const key = `${optional ? '?' : ''}${list.join('|')}`;
  const hit = altCache.get(key);
  if (hit) return hit;
  const alt = buildAlt(list, optional);
  altCache.set(key, alt);
  return alt;
}

function buildAlt(list: string[], optional: boolean): Alt {
  const alt: Alt = { kind: 'alt', exact: new Set(), stems: new Set(), prefixes: [], num: false, optional };
  for (const a0 of list) {
    const a = a0.replace(/'/g, '');
    if (a === '#n') alt.num = true;
    else if (a.endsWith('*')) alt.prefixes.push(a.slice(0, -1));
    else {
      const s = stem(a);
      if (a.length >= 4 && s.length >= 3) alt.stems.add(s);
      alt.exact.add(a);
    }
  }
  return alt;
}

/** Pattern words go through the same text-speak table as messages ("dont" -> "do not"). */
export type Expand = (word: string) => string[];
const same: Expand = (w) => [w];

export function compile<T>(pattern: string, item: T, groups: Groups, where: string, expand: Expand = same): Compiled<T> {
  const one = (w: string) => {
    if (w.startsWith('@') || w.startsWith('#') || w.endsWith('*')) return w;
    const x = expand(w);
    return x.length === 1 ? x[0] : w;
  };
  const els: El[] = [];
  for (const el of patternElements(pattern)) {
    const optional = el.startsWith('?');
    const body = optional ? el.slice(1) : el;
    if (body.startsWith('..')) els.push({ kind: 'gap', max: Number(body.slice(2)) });
    else if (body.startsWith('(')) {
      const options = body
        .slice(1, -1)
        .split('|')
        .map((seq) =>
          seq
            .trim()
            .split(/\s+/)
            .flatMap((w) => (w.startsWith('@') || w.startsWith('#') || w.endsWith('*') ? [w] : expand(w.replace(/'/g, ''))))
            .map((w) => makeAlt(items(w, groups, where), false)),
        );
      els.push(indexChoice(options, optional));
    } else els.push(makeAlt(items(body, groups, where).map(one), optional));
  }
  return { els, item };
}

function indexChoice(options: Alt[][], optional: boolean): Choice {
  const byWord = new Map<string, number[]>();
  const always: number[] = [];
  options.forEach((o, n) => {
    const a = o[0];
    if (a.prefixes.length || a.num) always.push(n);
    for (const k of new Set([...a.exact, ...a.stems])) {
      let l = byWord.get(k);
      if (!l) byWord.set(k, (l = []));
      l.push(n);
    }
  });
  return { kind: 'choice', options, optional, byWord, always };
}

/** The options of a choice that can start at token t, in their written order (no allocation in the common cases). */
function optionsFor(el: Choice, t: Tok): number[] {
  const a = el.byWord.get(t.w);
  const b = t.s !== t.w ? el.byWord.get(t.s) : undefined;
  const always = el.always;
  if (!always.length) {
    if (!b) return a ?? NONE;
    if (!a) return b;
  }
  return mergeSorted(mergeSorted(a ?? NONE, b ?? NONE), always);
}

/** Two ascending lists of option numbers merged into one, without repeats. */
function mergeSorted(x: number[], y: number[]): number[] {
  if (!y.length) return x;
  if (!x.length) return y;
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    const v = j >= y.length || (i < x.length && x[i] <= y[j]) ? x[i++] : y[j++];
    if (out.length === 0 || out[out.length - 1] !== v) out.push(v);
  }
  return out;
}
const NONE: number[] = [];

function altMatches(a: Alt, t: Tok): boolean {
  if (a.exact.has(t.w) || a.stems.has(t.s)) return true;
  if (a.num && /^\d+$/.test(t.w)) return true;
  for (const p of a.prefixes) if (t.w.startsWith(p)) return true;
  return false;
}

function firstAlts(el: El): Alt[] {
  if (el.kind === 'alt') return [el];
  if (el.kind === 'choice') return el.options.map((o) => o[0]);
  return [];
}

/** A set of patterns indexed by what their first element can match. */
export class PatternSet<T> {
  private readonly list: Compiled<T>[];
  /** pattern numbers by a stem or word their first element matches exactly */
  private readonly byStem = new Map<string, number[]>();
  /** patterns whose first element has a prefix (word*), with that element's alternatives */
  private readonly byPrefix: Array<{ k: number; firsts: Alt[] }> = [];
  private readonly byNum: number[] = [];
  /** per-token de-duplication of candidates without allocating a Set for every word */
  private readonly seen: Uint32Array;
  private stamp = 0;

  constructor(list: Compiled<T>[]) {
    this.list = list;
    this.seen = new Uint32Array(list.length);
    list.forEach((c, k) => {
      let pre = false;
      let num = false;
      const firsts = firstAlts(c.els[0]);
      for (const first of firsts) {
        for (const s of [...first.stems, ...first.exact]) {
          let l = this.byStem.get(s);
          if (!l) this.byStem.set(s, (l = []));
          if (!l.includes(k)) l.push(k);
        }
        if (first.prefixes.length) pre = true;
        if (first.num) num = true;
      }
      if (pre) this.byPrefix.push({ k, firsts });
      if (num) this.byNum.push(k);
    });
  }

  /** All matches (one per pattern and start position). Masked tokens cannot be part of a match. */
  find(toks: Tok[], masked?: Uint8Array, from = 0, to = toks.length): Match<T>[] {
    const out: Match<T>[] = [];
    const seen = this.seen;
    for (let i = from; i < to; i++) {
      if (masked && masked[i]) continue;
      const t = toks[i];
      if (++this.stamp === 0xffffffff) {
        seen.fill(0);
        this.stamp = 1;
      }
      const st = this.stamp;
      // candidates in the same order as before: by stem, by word, by prefix, by number; each tried once
      const a = this.byStem.get(t.s);
      if (a) for (const k of a) if (seen[k] !== st) this.tryAt(k, st, toks, i, to, masked, out);
      if (t.w !== t.s) {
        const b = this.byStem.get(t.w);
        if (b) for (const k of b) if (seen[k] !== st) this.tryAt(k, st, toks, i, to, masked, out);
      }
      for (const p of this.byPrefix) if (seen[p.k] !== st && p.firsts.some((f) => altMatches(f, t))) this.tryAt(p.k, st, toks, i, to, masked, out);
      if (this.byNum.length && /^\d+$/.test(t.w)) for (const k of this.byNum) if (seen[k] !== st) this.tryAt(k, st, toks, i, to, masked, out);
    }
    return out;
  }

  private tryAt(k: number, st: number, toks: Tok[], i: number, to: number, masked: Uint8Array | undefined, out: Match<T>[]): void {
    this.seen[k] = st;
    const c = this.list[k];
    const end = matchFrom(c.els, 0, toks, i, toks[i].sent, to, masked);
    if (end >= 0) out.push({ item: c.item, start: i, end });
  }

  /** True when any pattern matches wholly inside toks[from, to). */
  any(toks: Tok[], from = 0, to = toks.length): boolean {
    return this.find(toks, undefined, Math.max(0, from), Math.min(toks.length, to)).length > 0;
  }
}

function tokOk(toks: Tok[], i: number, sent: number, to: number, masked?: Uint8Array): boolean {
  return i < to && toks[i].sent === sent && !(masked && masked[i]);
}

function matchFrom(els: El[], e: number, toks: Tok[], i: number, sent: number, to: number, masked?: Uint8Array): number {
  if (e === els.length) return i;
  const el = els[e];
  if (el.kind === 'gap') {
    for (let k = 0; k <= el.max; k++) {
      const j = i + k;
      if (j > to) break;
      if (k > 0 && toks[j - 1].sent !== sent) break;
      const r = matchFrom(els, e + 1, toks, j, sent, to, masked);
      if (r >= 0) return r;
    }
    return -1;
  }
  if (el.kind === 'choice') {
    const cands = i < to && toks[i] ? optionsFor(el, toks[i]) : NONE;
    for (const n of cands) {
      const opt = el.options[n];
      let j = i;
      let ok = true;
      for (const a of opt) {
        if (tokOk(toks, j, sent, to, masked) && altMatches(a, toks[j])) j++;
        else {
          ok = false;
          break;
        }
      }
      if (ok) {
        const r = matchFrom(els, e + 1, toks, j, sent, to, masked);
        if (r >= 0) return r;
      }
    }
  } else if (tokOk(toks, i, sent, to, masked) && altMatches(el, toks[i])) {
    const r = matchFrom(els, e + 1, toks, i + 1, sent, to, masked);
    if (r >= 0) return r;
  }
  if (el.optional) return matchFrom(els, e + 1, toks, i, sent, to, masked);
  return -1;
}
