/**
 * Compiles lexicon patterns (see schema.ts) and finds them in a token list.
 * Each pattern is a short fixed list of elements; a match is tried only at positions whose word can start it
 * (an index by word id), gaps are bounded (at most 5 words), so scanning is linear in the message length.
 *
 * Why everything here is integers in typed arrays: the safety check runs once per message inside a busy turn, and
 * between two messages the adapter, dialogs and storage push its tables out of the CPU's caches. Measured that way
 * (scripts/detector-identity.ts --time), the search's cost was cache misses, not work: Sets, Maps and small objects
 * spread over the heap, several misses for every pattern tried (about 180 tries per message). So:
 * - words, stems and prefixes are small integer ids (normalise.ts gives each token its ids once, see WordInfo);
 * - an alternative (a|b|@group) is a short sorted run of ids, so matching a token is a search in a few adjacent ints;
 * - every pattern, alternative and choice lives in one Int32Array (`code`), built once, so the parts of a pattern
 *   and the alternatives patterns share sit next to each other;
 * - the candidate lists (which patterns can start at a word) are an open-addressing table of ints, not a Map of arrays,
 *   and each candidate carries 64 bits saying what its second word can be (secondSig), so most candidates of an
 *   everyday word ("i", "can", "my") are passed over without reading their pattern.
 * The results are exactly those of the object version this replaced (scripts/detector-identity.ts checks every line of
 * the corpora byte for byte), including the order of matches, which decides ties between rules.
 */
import { prefixId, readIds, stem, vocabulary, wordId, type Tok, type WordInfo } from './normalise';
import { patternElements } from './schema';

/**
 * The compiled form of every pattern of every set, end to end. Layouts (offsets are into `code`):
 * - alternative at a: [flags, nKeys, ...keys ascending, nPrefixes, ...prefix ids ascending]. A key is a word's id * 2
 *   (matches the token's word exactly) or a stem's id * 2 + 1 (matches the token's stem). flags: NUM (#n), OPTIONAL.
 * - choice at c: [optional 0/1, nOptions, where its option offsets are, mask, nAlways, ...always, ...table]: the options
 *   whose first alternative has a prefix or #n (always tried), then an open-addressing table of (id + 1, list offset)
 *   pairs, mask + 1 of them, giving for a word or stem id the options whose first alternative names it exactly, as a list
 *   [length, ...option numbers ascending]. An option is [length, ...alternative offsets]. The table is why a choice of
 *   39 options does not check 39 first words at every token (see emitChoice).
 * - pattern at p: elements as pairs [op, arg] ending with [END, 0]: [ALT, alternative offset], [GAP, max words],
 *   [CHOICE, choice offset].
 */
let code = new Int32Array(1 << 14);
let used = 0;
function emit(xs: number[]): number {
  const at = used;
  if (used + xs.length > code.length) {
    let size = code.length * 2;
    while (used + xs.length > size) size *= 2;
    const grown = new Int32Array(size);
    grown.set(code.subarray(0, used));
    code = grown;
  }
  code.set(xs, used);
  used += xs.length;
  return at;
}

const NUM = 1;
const OPTIONAL = 2;
const END = 0;
const ALT = 1;
const GAP = 2;
const CHOICE = 3;

export interface Compiled<T> {
  /** where the pattern starts in `code` */
  at: number;
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
const altCache = new Map<string, number>();
function makeAlt(list: string[], optional: boolean): number {
  const key = `${optional ? '?' : ''}${list.join('|')}`;
  const hit = altCache.get(key);
  if (hit !== undefined) return hit;
  const alt = buildAlt(list, optional);
  altCache.set(key, alt);
  return alt;
}

function buildAlt(list: string[], optional: boolean): number {
  const keys = new Set<number>();
  const prefixes = new Set<number>();
  let flags = optional ? OPTIONAL : 0;
  for (const a0 of list) {
    const a = a0.replace(/'/g, '');
    if (a === '#n') flags |= NUM;
    else if (a.endsWith('*')) prefixes.add(prefixId(a.slice(0, -1)));
    else {
      // short words (under 4 letters) match only exactly: their stems collide ("sos" and "so")
      const s = stem(a);
      if (a.length >= 4 && s.length >= 3) keys.add(wordId(s) * 2 + 1);
      keys.add(wordId(a) * 2);
    }
  }
  const k = [...keys].sort((x, y) => x - y);
  const p = [...prefixes].sort((x, y) => x - y);
  return emit([flags, k.length, ...k, p.length, ...p]);
}

/** The ids of the words and stems an alternative matches exactly (the keys of the candidate index). */
function altWordIds(a: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < code[a + 1]; i++) out.push(code[a + 2 + i] >> 1);
  return out;
}
const altHasPrefixes = (a: number) => code[a + 2 + code[a + 1]] > 0;
const altHasNum = (a: number) => (code[a] & NUM) !== 0;

/** Pattern words go through the same text-speak table as messages ("dont" -> "do not"). */
export type Expand = (word: string) => string[];
const same: Expand = (w) => [w];

export function compile<T>(pattern: string, item: T, groups: Groups, where: string, expand: Expand = same): Compiled<T> {
  const one = (w: string) => {
    if (w.startsWith('@') || w.startsWith('#') || w.endsWith('*')) return w;
    const x = expand(w);
    return x.length === 1 ? x[0] : w;
  };
  const els: number[] = [];
  for (const el of patternElements(pattern)) {
    const optional = el.startsWith('?');
    const body = optional ? el.slice(1) : el;
    if (body.startsWith('..')) els.push(GAP, Number(body.slice(2)));
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
      const key = `${optional ? '?' : ''}${options.map((o) => o.join(' ')).join('|')}`;
      let at = choiceCache.get(key);
      if (at === undefined) choiceCache.set(key, (at = emitChoice(options, optional)));
      els.push(CHOICE, at);
    } else els.push(ALT, makeAlt(items(body, groups, where).map(one), optional));
  }
  els.push(END, 0);
  const key = els.join(',');
  let at = patternCache.get(key);
  if (at === undefined) patternCache.set(key, (at = emit(els)));
  return { at, item };
}

/**
 * Compiled code is never changed, so a choice or a pattern already compiled to the same alternatives is reused: a
 * detector built again (the sweep and cross-validation scripts build dozens) adds nothing to `code`.
 */
const choiceCache = new Map<string, number>();
const patternCache = new Map<string, number>();

/**
 * A choice, with an index of its options by the words their first alternative names (a token tries only options that
 * can fit it, in their written order), kept inside the choice's own record so a look-up stays within its few lines.
 */
function emitChoice(options: number[][], optional: boolean): number {
  const optionAt = options.map((o) => emit([o.length, ...o]));
  const byId = new Map<number, number[]>();
  const always: number[] = [];
  options.forEach((o, n) => {
    const first = o[0];
    if (altHasPrefixes(first) || altHasNum(first)) always.push(n);
    for (const id of new Set(altWordIds(first))) {
      let l = byId.get(id);
      if (!l) byId.set(id, (l = []));
      l.push(n);
    }
  });
  let size = 2;
  while (size < byId.size * 2) size *= 2;
  const lists = new Map<number, number>();
  for (const [id, l] of byId) lists.set(id, emit([l.length, ...l]));
  const table = new Array<number>(size * 2).fill(0);
  for (const [id, at] of lists) {
    let h = slot(id, size - 1);
    while (table[h * 2] !== 0) h = (h + 1) & (size - 1);
    table[h * 2] = id + 1;
    table[h * 2 + 1] = at;
  }
  const optionTable = emit(optionAt);
  return emit([optional ? 1 : 0, options.length, optionTable, size - 1, always.length, ...always, ...table]);
}

/** Where the list of options of the choice at c whose first alternative names id starts, or -1. */
function choiceList(c: number, id: number): number {
  if (id < 0) return -1;
  const mask = code[c + 3];
  const table = c + 5 + code[c + 4];
  for (let h = slot(id, mask); ; h = (h + 1) & mask) {
    const s = code[table + h * 2];
    if (s === id + 1) return code[table + h * 2 + 1];
    if (s === 0) return -1;
  }
}

/** The alternatives a pattern's first element can start with (a choice: the first of each option; a gap: none). */
function firstAlts(at: number): number[] {
  const op = code[at];
  const arg = code[at + 1];
  if (op === ALT) return [arg];
  if (op !== CHOICE) return [];
  return choiceOptions(arg).map((o) => code[o + 1]);
}

/** The offsets of a choice's options, in order. */
function choiceOptions(c: number): number[] {
  const out: number[] = [];
  for (let n = 0; n < code[c + 1]; n++) out.push(code[code[c + 2] + n]);
  return out;
}

/**
 * What the token after a pattern's first word must be, as 64 bits (two ints): one bit per key (word or stem id) of the
 * alternatives one of which must match it; 0 when nothing can be said (a gap or an optional element next, a match that
 * may end after one word, a prefix or #n). It sits beside the pattern in the candidate lists, so scan() passes over
 * most candidates of an everyday word ("i", "can", "do" start dozens of patterns each) without reading the pattern:
 * no bit in common with the next token's two bits (its word's and its stem's) means the pattern cannot match there;
 * a bit in common is only a maybe, and the pattern is then tried in full.
 */
function secondSig(at: number): [number, number] {
  const alts = secondAlts(at);
  if (!alts) return [0, 0];
  const sig: [number, number] = [0, 0];
  for (const a of alts) {
    if (altHasPrefixes(a) || altHasNum(a)) return [0, 0];
    for (let i = 0; i < code[a + 1]; i++) {
      const h = keyHash(code[a + 2 + i]);
      sig[h >> 5] |= 1 << (h & 31);
    }
  }
  return sig;
}

/** The alternatives one of which the token after the first must match, or null when there is no such rule. */
function secondAlts(at: number): number[] | null {
  // what the element at pc asks of the token it starts at (null: nothing certain)
  const required = (pc: number): number[] | null => {
    const arg = code[pc + 1];
    if (code[pc] === ALT) return code[arg] & OPTIONAL ? null : [arg];
    if (code[pc] === CHOICE) return code[arg] === 1 ? null : choiceOptions(arg).map((o) => code[o + 1]);
    return null; // the end, or a gap
  };
  const arg = code[at + 1];
  if (code[at] === ALT) return code[arg] & OPTIONAL ? null : required(at + 2);
  if (code[at] !== CHOICE || code[arg] === 1) return null;
  const out: number[] = [];
  for (const o of choiceOptions(arg)) {
    // an option of two words or more: its second; of one word: what follows the choice
    const next = code[o] >= 2 ? [code[o + 2]] : required(at + 2);
    if (!next) return null;
    out.push(...next);
  }
  return out;
}

/**
 * Bloom bits of the elements a pattern cannot match without, for scan()'s check per sentence (see PatternSet.possible):
 * [n, then for each of up to two elements: nBits, ...bits], or null when no element after the first is certain to
 * need a word or stem named exactly. An element qualifies when it is not optional and matches only by word or stem
 * (an alternative, or a choice's options' first alternatives, without prefix or #n): whatever comes before it, a
 * match must then take a token of the sentence that has one of its keys. The first element is left out (its word is
 * usually what made the pattern a candidate). Patterns like "@other ..4 (kill|...) (herself|...)" start at every "he"
 * or "my mum", and the gap makes secondSig say nothing; their later words are mostly absent from the sentence.
 */
function requiredBits(at: number): number[] | null {
  const sets: number[][] = [];
  for (let pc = at + 2; code[pc] !== END; pc += 2) {
    const op = code[pc];
    const arg = code[pc + 1];
    let alts: number[] | null = null;
    if (op === ALT && !(code[arg] & OPTIONAL)) alts = [arg];
    else if (op === CHOICE && code[arg] !== 1) alts = choiceOptions(arg).map((o) => code[o + 1]);
    if (!alts || alts.some((a) => altHasPrefixes(a) || altHasNum(a))) continue;
    const bits = new Set<number>();
    for (const a of alts) for (let i = 0; i < code[a + 1]; i++) bits.add(bloomBit(code[a + 2 + i]));
    if (bits.size > 0) sets.push([...bits].sort((x, y) => x - y));
  }
  if (!sets.length) return null;
  sets.sort((x, y) => x.length - y.length);
  const out = [Math.min(2, sets.length)];
  for (const b of sets.slice(0, 2)) out.push(b.length, ...b);
  return out;
}

/** Which of BLOOM_BITS bits stands for a key in a sentence's bloom filter. */
const BLOOM_SHIFT = 21; // 2048 bits
const bloomBit = (key: number) => Math.imul(key, 0x2545f491) >>> BLOOM_SHIFT;

/** Which of 64 bits stands for a key (a word's id * 2, or a stem's id * 2 + 1). */
const keyHash = (key: number) => Math.imul(key, 0x9e3779b1) >>> 26;

/**
 * Lists of pattern numbers by a word's id, in two typed arrays: an open-addressing table of (id + 1, start) pairs and
 * the lists end to end ([length, then k and the two ints of its second-token bits (see secondSig) for each]). A look-up touches a line or
 * two, where a Map of arrays touches several.
 */
class IdLists {
  private readonly slots: Int32Array;
  private readonly mask: number;
  readonly data: Int32Array;

  constructor(lists: Map<number, number[]>) {
    let size = 8;
    while (size < lists.size * 2) size *= 2; // at most half full, so a look-up rarely probes twice
    this.mask = size - 1;
    this.slots = new Int32Array(size * 2);
    const data: number[] = [];
    for (const [id, ks] of lists) {
      let h = slot(id, this.mask);
      while (this.slots[h * 2] !== 0) h = (h + 1) & this.mask;
      this.slots[h * 2] = id + 1;
      this.slots[h * 2 + 1] = data.length;
      data.push(ks.length / 3, ...ks);
    }
    this.data = Int32Array.from(data);
  }

  /** Where id's list starts in data ([length, ...]), or -1. */
  at(id: number): number {
    if (id < 0) return -1;
    for (let h = slot(id, this.mask); ; h = (h + 1) & this.mask) {
      const s = this.slots[h * 2];
      if (s === id + 1) return this.slots[h * 2 + 1];
      if (s === 0) return -1;
    }
  }
}
/** Multiplicative hashing spreads neighbouring ids (words of one pattern get consecutive ids) over the table. */
const slot = (id: number, mask: number) => Math.imul(id, 0x9e3779b1) & mask;

/** A set of patterns indexed by what their first element can match. */
export class PatternSet<T> {
  private readonly list: Compiled<T>[];
  /** pattern numbers by the id of a word or stem their first element matches exactly */
  private readonly byId: IdLists;
  /** patterns whose first element has a prefix (word*), each as [k, nFirsts, ...its first alternatives] */
  private readonly byPrefix: Int32Array;
  private readonly byNum: Int32Array;
  /** per-token de-duplication of candidates without allocating a Set for every word */
  private readonly seen: Uint32Array;
  private stamp = 0;
  /** per pattern, where its required bits start in req (see requiredBits), or -1 */
  private readonly reqAt: Int32Array;
  private readonly req: Int32Array;
  /** the bloom filter of the keys of the sentence being scanned (its unmasked tokens in [from, to)) */
  private readonly bloom = new Int32Array(1 << (32 - BLOOM_SHIFT - 5));
  /** per pattern, the sentence stamp its check was last made for, and its answer */
  private readonly checked: Uint32Array;
  private readonly passed: Uint8Array;
  private sentStamp = 0;

  constructor(list: Compiled<T>[]) {
    this.list = list;
    this.seen = new Uint32Array(list.length);
    this.checked = new Uint32Array(list.length);
    this.passed = new Uint8Array(list.length);
    this.reqAt = new Int32Array(list.length).fill(-1);
    const req: number[] = [];
    const byId = new Map<number, number[]>();
    const byPrefix: number[] = [];
    const byNum: number[] = [];
    list.forEach((c, k) => {
      let pre = false;
      let num = false;
      const firsts = firstAlts(c.at);
      const sig = secondSig(c.at);
      for (const first of firsts) {
        for (const id of altWordIds(first)) {
          let l = byId.get(id);
          if (!l) byId.set(id, (l = []));
          if (l[l.length - 3] !== k) l.push(k, sig[0], sig[1]); // k only grows, so its last entry is the only possible repeat
        }
        if (altHasPrefixes(first)) pre = true;
        if (altHasNum(first)) num = true;
      }
      const rb = requiredBits(c.at);
      if (rb) {
        this.reqAt[k] = req.length;
        req.push(...rb);
      }
      if (pre) byPrefix.push(k, firsts.length, ...firsts);
      if (num) byNum.push(k);
    });
    this.byId = new IdLists(byId);
    this.byPrefix = Int32Array.from(byPrefix);
    this.byNum = Int32Array.from(byNum);
    this.req = Int32Array.from(req);
  }

  /** Fills the bloom filter with the keys of sentence toks[i].sent's unmasked tokens from i to before to. */
  private fillBloom(toks: Tok[], masked: Uint8Array | undefined, i: number, to: number): void {
    const bloom = this.bloom;
    bloom.fill(0);
    if (++this.sentStamp === 0xffffffff) {
      this.checked.fill(0);
      this.sentStamp = 1;
    }
    const sent = toks[i].sent;
    for (let j = i; j < to && toks[j].sent === sent; j++) {
      if (masked && masked[j]) continue;
      const x = toks[j].x;
      if (x.wi >= 0) {
        const b = bloomBit(x.wi * 2);
        bloom[b >> 5] |= 1 << (b & 31);
      }
      if (x.si >= 0) {
        const b = bloomBit(x.si * 2 + 1);
        bloom[b >> 5] |= 1 << (b & 31);
      }
    }
  }

  /** False when pattern k cannot match in the current sentence: an element it needs has no key in the bloom filter. */
  private possible(k: number): boolean {
    let r = this.reqAt[k];
    if (r < 0) return true;
    if (this.checked[k] === this.sentStamp) return this.passed[k] === 1;
    const req = this.req;
    const bloom = this.bloom;
    let ok = true;
    for (let e = 0, ne = req[r++]; e < ne && ok; e++) {
      const nb = req[r++];
      const end = r + nb;
      ok = false;
      for (; r < end; r++) {
        const b = req[r];
        if ((bloom[b >> 5] & (1 << (b & 31))) !== 0) {
          ok = true;
          break;
        }
      }
      r = end;
    }
    this.checked[k] = this.sentStamp;
    this.passed[k] = ok ? 1 : 0;
    return ok;
  }

  /** All matches (one per pattern and start position). Masked tokens cannot be part of a match. */
  find(toks: Tok[], masked?: Uint8Array, from = 0, to = toks.length): Match<T>[] {
    const out: Match<T>[] = [];
    this.scan(toks, masked, from, to, out);
    return out;
  }

  /** True when any pattern matches wholly inside toks[from, to). */
  any(toks: Tok[], from = 0, to = toks.length): boolean {
    return this.scan(toks, undefined, Math.max(0, from), Math.min(toks.length, to), null);
  }

  /** Adds the matches to out; with out null, stops at the first and says whether there was one. */
  private scan(toks: Tok[], masked: Uint8Array | undefined, from: number, to: number, out: Match<T>[] | null): boolean {
    // ids read before a later pattern named more words are read again (only ever at start-up)
    const version = vocabulary.version;
    for (let i = from; i < to; i++) if (toks[i].x.v !== version) readIds(toks[i].x);
    const seen = this.seen;
    const data = this.byId.data;
    let sentNow = -1;
    for (let i = from; i < to; i++) {
      if (masked && masked[i]) continue;
      if (toks[i].sent !== sentNow) {
        sentNow = toks[i].sent;
        this.fillBloom(toks, masked, i, to);
      }
      const x = toks[i].x;
      if (++this.stamp === 0xffffffff) {
        seen.fill(0);
        this.stamp = 1;
      }
      const st = this.stamp;
      // the bits of the keys the next token can match by, its word's and its stem's (none when it cannot continue a
      // match: the end, another sentence, or masked)
      let lo = 0;
      let hi = 0;
      const j = i + 1;
      if (j < to && toks[j].sent === toks[i].sent && !(masked && masked[j])) {
        const y = toks[j].x;
        const hw = y.wi >= 0 ? keyHash(y.wi * 2) : -1;
        const hs = y.si >= 0 ? keyHash(y.si * 2 + 1) : -1;
        if (hw >= 0) {
          if (hw < 32) lo |= 1 << hw;
          else hi |= 1 << (hw - 32);
        }
        if (hs >= 0) {
          if (hs < 32) lo |= 1 << hs;
          else hi |= 1 << (hs - 32);
        }
      }
      // candidates in this order: by stem, by word, by prefix, by number; each tried once
      for (let pass = 0; pass < 2; pass++) {
        if (pass === 1 && x.wi === x.si) break;
        const at = this.byId.at(pass === 0 ? x.si : x.wi);
        if (at < 0) continue;
        for (let q = at + 1, end = at + 1 + 3 * data[at]; q < end; q += 3) {
          const k = data[q];
          if (seen[k] === st) continue;
          const sl = data[q + 1];
          const sh = data[q + 2];
          if ((sl !== 0 || sh !== 0) && (sl & lo) === 0 && (sh & hi) === 0) seen[k] = st; // cannot match here (see secondSig)
          else if (this.tryAt(k, st, toks, i, to, masked, out) && !out) return true;
        }
      }
      // a first alternative that matches the word exactly or by stem put its pattern in the lists above (tried and
      // marked seen), so here only a prefix or a number can add one: a word with neither skips the loop
      const bp = this.byPrefix;
      if (x.pre.length > 0 || x.num) {
        for (let q = 0; q < bp.length; q += 2 + bp[q + 1]) {
          const k = bp[q];
          if (seen[k] === st) continue;
          let can = false;
          for (let f = q + 2, end = q + 2 + bp[q + 1]; f < end && !can; f++) can = altMatches(bp[f], x);
          if (can && this.tryAt(k, st, toks, i, to, masked, out) && !out) return true;
        }
      }
      if (x.num) {
        for (let q = 0; q < this.byNum.length; q++) {
          const k = this.byNum[q];
          if (seen[k] !== st && this.tryAt(k, st, toks, i, to, masked, out) && !out) return true;
        }
      }
    }
    return false;
  }

  /** Tries pattern k at token i; true when it matched (and was added to out, if given). */
  private tryAt(k: number, st: number, toks: Tok[], i: number, to: number, masked: Uint8Array | undefined, out: Match<T>[] | null): boolean {
    this.seen[k] = st;
    if (!this.possible(k)) return false;
    const c = this.list[k];
    const end = matchFrom(c.at, toks, i, toks[i].sent, to, masked);
    if (end < 0) return false;
    if (out) out.push({ item: c.item, start: i, end });
    return true;
  }
}

/** Whether code[from, from + n), ascending, holds key: a scan that stops early for short runs, else a binary search. */
function has(from: number, n: number, key: number): boolean {
  if (n <= 16) {
    for (let i = from, end = from + n; i < end; i++) {
      const v = code[i];
      if (v >= key) return v === key;
    }
    return false;
  }
  let lo = from;
  let hi = from + n - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = code[mid];
    if (v === key) return true;
    if (v < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

function altMatches(a: number, x: WordInfo): boolean {
  const nk = code[a + 1];
  if (nk > 0 && ((x.wi >= 0 && has(a + 2, nk, x.wi * 2)) || (x.si >= 0 && has(a + 2, nk, x.si * 2 + 1)))) return true;
  if (x.num && (code[a] & NUM) !== 0) return true;
  const p = a + 2 + nk;
  const np = code[p];
  if (np > 0) for (let i = 0; i < x.pre.length; i++) if (has(p + 1, np, x.pre[i])) return true;
  return false;
}

/** Option o (one alternative per token) at token i, then the rest of the pattern after the choice at pc. */
function matchOption(pc: number, o: number, toks: Tok[], i: number, sent: number, to: number, masked?: Uint8Array): number {
  let j = i;
  for (let q = o + 1, end = o + 1 + code[o]; q < end; q++) {
    if (tokOk(toks, j, sent, to, masked) && altMatches(code[q], toks[j].x)) j++;
    else return -1;
  }
  return matchFrom(pc + 2, toks, j, sent, to, masked);
}

function tokOk(toks: Tok[], i: number, sent: number, to: number, masked?: Uint8Array): boolean {
  return i < to && toks[i].sent === sent && !(masked && masked[i]);
}

/** Matches the pattern elements from pc on at token i; the end of the match (exclusive) or -1. */
function matchFrom(pc: number, toks: Tok[], i: number, sent: number, to: number, masked?: Uint8Array): number {
  const op = code[pc];
  if (op === END) return i;
  const arg = code[pc + 1];
  if (op === GAP) {
    for (let k = 0; k <= arg; k++) {
      const j = i + k;
      if (j > to) break;
      if (k > 0 && toks[j - 1].sent !== sent) break;
      const r = matchFrom(pc + 2, toks, j, sent, to, masked);
      if (r >= 0) return r;
    }
    return -1;
  }
  let optional: boolean;
  if (op === CHOICE) {
    optional = code[arg] === 1;
    if (i < to) {
      // the options that can start at this token, in their written order: those indexed under its word, under its
      // stem, and those always tried (three ascending lists, merged as they are walked)
      const x = toks[i].x;
      const a = choiceList(arg, x.wi);
      const b = x.si !== x.wi ? choiceList(arg, x.si) : -1;
      let ia = a < 0 ? 0 : a + 1;
      const ea = a < 0 ? 0 : a + 1 + code[a];
      let ib = b < 0 ? 0 : b + 1;
      const eb = b < 0 ? 0 : b + 1 + code[b];
      let ic = arg + 5;
      const ec = ic + code[arg + 4];
      for (;;) {
        let n = 0x7fffffff;
        if (ia < ea && code[ia] < n) n = code[ia];
        if (ib < eb && code[ib] < n) n = code[ib];
        if (ic < ec && code[ic] < n) n = code[ic];
        if (n === 0x7fffffff) break;
        if (ia < ea && code[ia] === n) ia++;
        if (ib < eb && code[ib] === n) ib++;
        if (ic < ec && code[ic] === n) ic++;
        const r = matchOption(pc, code[code[arg + 2] + n], toks, i, sent, to, masked);
        if (r >= 0) return r;
      }
    }
  } else {
    optional = (code[arg] & OPTIONAL) !== 0;
    if (tokOk(toks, i, sent, to, masked) && altMatches(arg, toks[i].x)) {
      const r = matchFrom(pc + 2, toks, i + 1, sent, to, masked);
      if (r >= 0) return r;
    }
  }
  return optional ? matchFrom(pc + 2, toks, i, sent, to, masked) : -1;
}
