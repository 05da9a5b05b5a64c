/**
 * A small trained classifier beside the rules: multinomial naive Bayes over the normalised word stems of a message
 * (the same natural tokeniser, Porter stemmer, text-speak and misspelling handling the rules use) and pairs of
 * neighbouring stems, trained at start-up on the labelled messages in content/safety/training.jsonl.
 *
 * Why not natural's own BayesClassifier/LogisticRegressionClassifier: they turn every message into a dense vector
 * over the whole vocabulary (a scan of every known word per message), which is too slow for the 0.2 ms budget and
 * for 20,000-character messages. This one looks up only the message's own features (linear in its length).
 *
 * It only ever adds a safeguarding flag the rules missed, never a crisis, and says so in plain words.
 */
import type { Tok } from './normalise';
import type { SafetyCategory } from './types';

export interface TrainingExample {
  toks: Tok[];
  /** the category for a message a duty worker must see (crisis or safeguarding); null for harmless or concern */
  label: SafetyCategory | null;
}

export interface ClassifierVerdict {
  /** probability the message is one a duty worker must see */
  risk: number;
  /** the most likely category when it is */
  category: SafetyCategory;
}

/** Everything training works out (the fields of SafetyClassifier of the same names). */
export interface ClassifierTables {
  classes: string[];
  logPrior: Float64Array;
  stemIds: Map<string, number>;
  uni: Int32Array;
  pairs: Int32Array;
  pairMask: number;
  logLik: Float64Array;
  featureOf: Map<string, number>;
  byText: boolean;
}

const NONE = '__none__';
const MAX_FEATURES = 4000;

/**
 * The features of a message in order: each stem, then its pair with the next stem in the same sentence. A long message:
 * the classifier reads its start and its end (a disclosure is often at the end).
 */
export function walkFeatures(toks: Tok[], uni: (s: string) => void, pair: (a: string, b: string) => void): void {
  const visit = (i: number) => {
    const t = toks[i];
    uni(t.s);
    if (i + 1 < toks.length && toks[i + 1].sent === t.sent) pair(t.s, toks[i + 1].s);
  };
  const n = Math.min(toks.length, MAX_FEATURES);
  for (let i = 0; i < n; i++) visit(i);
  if (toks.length > MAX_FEATURES) for (let i = toks.length - MAX_FEATURES; i < toks.length; i++) visit(i);
}

/** Stems and neighbouring stem pairs (within a sentence), each counted once per message (the training's view). */
export function features(toks: Tok[]): string[] {
  const seen = new Set<string>();
  walkFeatures(
    toks,
    (s) => seen.add(s),
    (a, b) => seen.add(`${a}_${b}`),
  );
  return [...seen];
}

/**
 * Why the trained tables are integers and typed arrays: the classifier reads every message inside a busy turn, when its
 * tables have fallen out of the CPU's caches (see patterns.ts). A Set of feature strings per message, a new string for
 * every neighbouring pair and a Map<string, Float64Array> look-up each cost an allocation and several cache misses per
 * feature. Here a stem is looked up once (its id), a pair is found by its two ids in an open-addressing table of ints,
 * every feature's log-likelihoods sit in one Float64Array, and a feature is counted once per message by a stamp.
 * The verdicts are those of the string version (same features, summed in the same order).
 */
export class SafetyClassifier {
  private readonly classes: string[];
  private readonly logPrior: Float64Array;
  /** stem -> id, for every stem of a feature seen in training */
  private readonly stemIds: Map<string, number>;
  /** the feature number of each stem id's single-stem feature, or -1 */
  private readonly uni: Int32Array;
  /** pairs of neighbouring stems as an open-addressing table of [first stem id + 1, second stem id, feature number] */
  private readonly pairs: Int32Array;
  private readonly pairMask: number;
  /** log P(feature | class): feature f's values for the classes at f * classes.length */
  private readonly logLik: Float64Array;
  /** feature text -> feature number (only for the slow way, see byText) */
  private readonly featureOf: Map<string, number>;
  /**
   * A pair's text is its two stems joined by "_", so the pair (a, b) names one feature only while no stem contains "_"
   * (the tokeniser splits words there and normalise.json has none). Should one ever, in training (byText) or in a
   * message, that message is read by the features' texts, as the string version did.
   */
  private readonly byText: boolean;
  /** per-message de-duplication of features without a Set */
  private readonly seen: Uint32Array;
  private stamp = 0;

  /** Trains on the examples, or takes the tables of a classifier trained before (see tables() and trainedCache.ts). */
  constructor(source: TrainingExample[] | ClassifierTables, alpha = 0.5) {
    if (!Array.isArray(source)) {
      ({
        classes: this.classes,
        logPrior: this.logPrior,
        stemIds: this.stemIds,
        uni: this.uni,
        pairs: this.pairs,
        pairMask: this.pairMask,
        logLik: this.logLik,
        featureOf: this.featureOf,
        byText: this.byText,
      } = source);
      this.seen = new Uint32Array(this.featureOf.size);
      return;
    }
    const examples = source;
    this.stemIds = new Map();
    this.featureOf = new Map();
    const classSet = new Set<string>([NONE]);
    for (const e of examples) classSet.add(e.label ?? NONE);
    this.classes = [...classSet];
    const k = this.classes.length;
    const idx = new Map(this.classes.map((c, i) => [c, i]));
    const docs = new Float64Array(k);
    const totals = new Float64Array(k);
    const counts = new Map<string, Float64Array>();
    for (const e of examples) {
      const c = idx.get(e.label ?? NONE)!;
      docs[c]++;
      for (const f of features(e.toks)) {
        let a = counts.get(f);
        if (!a) counts.set(f, (a = new Float64Array(k)));
        a[c]++;
        totals[c]++;
      }
    }
    const vocab = counts.size + 1;
    // the corpus's mix of risky and harmless messages is not the mix a live service sees, so the priors are fixed
    // and the thresholds in rules.json set the balance (chosen by the aggregate scores of the corpus's held-out split,
    // the blind batch B and the answers to Starling's own questions, never their lines: scripts/safety-sweep.ts)
    // half for harmless, half shared by the risk categories in proportion to their examples
    this.logPrior = new Float64Array(k);
    let riskDocs = 0;
    for (let c = 0; c < k; c++) if (this.classes[c] !== NONE) riskDocs += docs[c];
    for (let c = 0; c < k; c++) {
      if (this.classes[c] === NONE) this.logPrior[c] = Math.log(0.5);
      else this.logPrior[c] = docs[c] > 0 && riskDocs > 0 ? Math.log((0.5 * docs[c]) / riskDocs) : -Infinity;
    }
    // each feature text gets a number, in the order first seen
    this.logLik = new Float64Array(counts.size * k);
    const featureOf = this.featureOf;
    for (const [f, a] of counts) {
      const n = featureOf.size;
      featureOf.set(f, n);
      for (let c = 0; c < k; c++) this.logLik[n * k + c] = Math.log((a[c] + alpha) / (totals[c] + alpha * vocab));
    }
    this.seen = new Uint32Array(counts.size);
    const stemId = (s: string) => {
      let id = this.stemIds.get(s);
      if (id === undefined) this.stemIds.set(s, (id = this.stemIds.size));
      return id;
    };
    const pairList: Array<[number, number, number]> = [];
    const pairSeen = new Set<number>();
    const uniList: Array<[number, number]> = [];
    for (const e of examples) {
      walkFeatures(
        e.toks,
        (s) => uniList.push([stemId(s), featureOf.get(s)!]),
        (a, b) => {
          const f = featureOf.get(`${a}_${b}`)!;
          if (!pairSeen.has(f)) pairList.push([stemId(a), stemId(b), f]);
          pairSeen.add(f);
        },
      );
    }
    this.byText = [...this.stemIds.keys()].some((s) => s.includes('_'));
    this.uni = new Int32Array(this.stemIds.size).fill(-1);
    for (const [id, f] of uniList) this.uni[id] = f;
    let size = 8;
    while (size < pairList.length * 2) size *= 2; // at most half full, so a look-up rarely probes twice
    this.pairMask = size - 1;
    this.pairs = new Int32Array(size * 3);
    for (const [a, b, f] of pairList) {
      let h = pairSlot(a, b, this.pairMask);
      for (; this.pairs[h * 3] !== 0; h = (h + 1) & this.pairMask) if (this.pairs[h * 3] === a + 1 && this.pairs[h * 3 + 1] === b) break;
      this.pairs[h * 3] = a + 1;
      this.pairs[h * 3 + 1] = b;
      this.pairs[h * 3 + 2] = f;
    }
  }

  /** What training learned, to be kept and handed back to the constructor instead of the examples. */
  tables(): ClassifierTables {
    const { classes, logPrior, stemIds, uni, pairs, pairMask, logLik, featureOf, byText } = this;
    return { classes, logPrior, stemIds, uni, pairs, pairMask, logLik, featureOf, byText };
  }

  /** The feature number of the pair (a, b) of stem ids, or -1 when training never saw it. */
  private pairFeature(a: number, b: number): number {
    if (a < 0 || b < 0) return -1;
    for (let h = pairSlot(a, b, this.pairMask); ; h = (h + 1) & this.pairMask) {
      const x = this.pairs[h * 3];
      if (x === 0) return -1;
      if (x === a + 1 && this.pairs[h * 3 + 1] === b) return this.pairs[h * 3 + 2];
    }
  }

  classify(toks: Tok[]): ClassifierVerdict | null {
    if (toks.length === 0) return null;
    if (this.byText) return this.classifyByText(toks);
    const k = this.classes.length;
    const score = Float64Array.from(this.logPrior);
    let known = 0;
    // features in the order features() lists them, each counted once (a stamp per feature instead of a Set)
    if (++this.stamp === 0xffffffff) {
      this.seen.fill(0);
      this.stamp = 1;
    }
    const st = this.stamp;
    const add = (f: number) => {
      if (f < 0 || this.seen[f] === st) return; // words never seen in training say nothing either way
      this.seen[f] = st;
      known++;
      for (let c = 0; c < k; c++) score[c] += this.logLik[f * k + c];
    };
    const ids = new Int32Array(toks.length);
    for (let i = 0; i < toks.length; i++) {
      const s = toks[i].s;
      if (s.includes('_')) return this.classifyByText(toks); // a pair's text would be ambiguous
      ids[i] = this.stemIds.get(s) ?? -1;
    }
    const visit = (i: number) => {
      const a = ids[i];
      add(a >= 0 ? this.uni[a] : -1);
      if (i + 1 < toks.length && toks[i + 1].sent === toks[i].sent) add(this.pairFeature(a, ids[i + 1]));
    };
    const n = Math.min(toks.length, MAX_FEATURES);
    for (let i = 0; i < n; i++) visit(i);
    if (toks.length > MAX_FEATURES) for (let i = toks.length - MAX_FEATURES; i < toks.length; i++) visit(i);
    return known === 0 ? null : this.verdict(score);
  }

  /** The verdict from the features' texts, as the string version read every message (see byText). */
  private classifyByText(toks: Tok[]): ClassifierVerdict | null {
    const k = this.classes.length;
    const score = Float64Array.from(this.logPrior);
    let known = 0;
    for (const f of features(toks)) {
      const n = this.featureOf.get(f);
      if (n === undefined) continue;
      known++;
      for (let c = 0; c < k; c++) score[c] += this.logLik[n * k + c];
    }
    return known === 0 ? null : this.verdict(score);
  }

  private verdict(score: Float64Array): ClassifierVerdict | null {
    const k = this.classes.length;
    let max = -Infinity;
    for (let c = 0; c < k; c++) if (score[c] > max) max = score[c];
    let sum = 0;
    const p = new Float64Array(k);
    for (let c = 0; c < k; c++) sum += p[c] = Math.exp(score[c] - max);
    let risk = 0;
    let best = -1;
    for (let c = 0; c < k; c++) {
      if (this.classes[c] === NONE) continue;
      risk += p[c] / sum;
      if (best < 0 || p[c] > p[best]) best = c;
    }
    if (best < 0) return null;
    return { risk, category: this.classes[best] as SafetyCategory };
  }
}

/** Spreads pairs of stem ids over the pair table. */
const pairSlot = (a: number, b: number, mask: number) => (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) & mask;
