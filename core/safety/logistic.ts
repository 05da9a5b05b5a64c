/**
 * The second trained model beside naive Bayes (classifier.ts): sparse multinomial logistic regression over exactly
 * the same features (normalised word stems and neighbouring stem pairs, features() of classifier.ts), with the same
 * classify(toks) -> { risk, category } | null shape. The detector runs both and either may raise a message, each
 * against its own bars (rules.json classifier and classifier.logistic; detector.ts withClassifier).
 *
 * Why: naive Bayes adds up every feature's evidence as if the features were independent, so a stem and the pairs
 * around it are counted several times over and a short harmless message with a few "risky" words ("is this chat
 * private? like does my school see what i type") comes out at risk > 0.9. Logistic regression learns the weights
 * jointly (correlated features share the evidence) and its probabilities are far better calibrated.
 *
 * Why hand-written: natural's LogisticRegressionClassifier and ml.js's logistic regression work on dense vectors over
 * the whole vocabulary (tens of thousands of features per message, in training and in every look-up), which is far too
 * slow both to train on ~13,000 lines and to classify within the detector's budget. Here a message is the list of its
 * own feature numbers; training is per-example AdaGrad with L2 on the weights a message touches, and classifying is
 * one pass over the message's features (linear in its length).
 *
 * Deterministic: the examples are shuffled by a seeded generator each epoch, so the same lines train the same weights.
 */
import type { Tok } from './normalise';
import type { SafetyCategory } from './types';
import { features, walkFeatures, type ClassifierVerdict, type TrainingExample } from './classifier';
import { seededRandom } from '../random';

export interface LogisticOptions {
  /** passes over the training lines */
  epochs?: number;
  /** AdaGrad's base learning rate */
  rate?: number;
  /** L2 penalty on each weight a message touches (applied as it is touched) */
  l2?: number;
  /** seed of the shuffle */
  seed?: number;
  /** weigh the lines so harmless and risky lines count half each (naive Bayes's fixed priors); default true */
  balance?: boolean;
}

const NONE = '__none__';

/** Everything training works out (the fields of LogisticClassifier of the same names), for trainedCache.ts. */
export interface LogisticTables {
  classes: string[];
  featureOf: Map<string, number>;
  w: Float64Array;
  bias: Float64Array;
}

export class LogisticClassifier {
  private readonly classes: string[];
  private readonly none: number;
  /** feature text -> feature number */
  private readonly featureOf: Map<string, number> = new Map();
  /** feature f's weight for class c at f * classes.length + c */
  private readonly w: Float64Array;
  private readonly bias: Float64Array;
  /** for classify(): a stem's feature number, and a pair's (first stem -> next stem -> number), so reading a message
   * builds no strings; both are worked out from featureOf (features of more than one "_" are reached by text only) */
  private readonly uniOf = new Map<string, number>();
  private readonly pairOf = new Map<string, Map<string, number>>();
  /** which features this message has counted already (a stamp per feature instead of features()'s Set) */
  private seen: Uint32Array = new Uint32Array(0);
  private stamp = 0;

  /** Trains on the examples, or takes the tables of a classifier trained before (see tables() and trainedCache.ts). */
  constructor(source: TrainingExample[] | LogisticTables, opts: LogisticOptions = {}) {
    this.none = 0;
    if (!Array.isArray(source)) {
      this.classes = source.classes;
      this.featureOf = source.featureOf;
      this.w = source.w;
      this.bias = source.bias;
      this.index();
      return;
    }
    const examples = source;
    const epochs = opts.epochs ?? 10;
    const rate = opts.rate ?? 0.2;
    const l2 = opts.l2 ?? 1e-4;
    const balance = opts.balance ?? true;
    const classSet = new Set<string>([NONE]);
    for (const e of examples) classSet.add(e.label ?? NONE);
    this.classes = [...classSet];
    const k = this.classes.length;
    const idx = new Map(this.classes.map((c, i) => [c, i]));
    const xs: Int32Array[] = [];
    const ys = new Int32Array(examples.length);
    for (let i = 0; i < examples.length; i++) {
      ys[i] = idx.get(examples[i].label ?? NONE)!;
      const fs = features(examples[i].toks);
      const ids = new Int32Array(fs.length);
      for (let j = 0; j < fs.length; j++) {
        let f = this.featureOf.get(fs[j]);
        if (f === undefined) this.featureOf.set(fs[j], (f = this.featureOf.size));
        ids[j] = f;
      }
      xs.push(ids);
    }
    // example weights: harmless lines and risky lines each carry half the total, as naive Bayes's priors do
    const weight = new Float64Array(examples.length).fill(1);
    if (balance) {
      let risky = 0;
      for (let i = 0; i < ys.length; i++) if (ys[i] !== this.none) risky++;
      const harmless = ys.length - risky;
      if (risky > 0 && harmless > 0)
        for (let i = 0; i < ys.length; i++) weight[i] = ys[i] === this.none ? ys.length / (2 * harmless) : ys.length / (2 * risky);
    }
    const nf = this.featureOf.size;
    this.w = new Float64Array(nf * k);
    this.bias = new Float64Array(k);
    const g2 = new Float64Array(nf * k);
    const b2 = new Float64Array(k);
    const p = new Float64Array(k);
    const order = Int32Array.from(examples.keys());
    const rand = seededRandom(opts.seed ?? 1); // the shuffle must not depend on Math.random
    const eps = 1e-8;
    for (let epoch = 0; epoch < epochs; epoch++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        const t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      for (const n of order) {
        const x = xs[n];
        this.scores(x, p);
        softmax(p);
        const y = ys[n];
        const sw = weight[n];
        for (let c = 0; c < k; c++) {
          const err = sw * (p[c] - (c === y ? 1 : 0));
          b2[c] += err * err;
          this.bias[c] -= (rate * err) / (Math.sqrt(b2[c]) + eps);
          for (let j = 0; j < x.length; j++) {
            const at = x[j] * k + c;
            const g = err + l2 * this.w[at];
            g2[at] += g * g;
            this.w[at] -= (rate * g) / (Math.sqrt(g2[at]) + eps);
          }
        }
      }
    }
    this.index();
  }

  private index(): void {
    for (const [f, n] of this.featureOf) {
      const at = f.indexOf('_');
      if (at < 0) this.uniOf.set(f, n);
      else if (f.indexOf('_', at + 1) < 0) {
        const a = f.slice(0, at);
        let next = this.pairOf.get(a);
        if (!next) this.pairOf.set(a, (next = new Map()));
        next.set(f.slice(at + 1), n);
      }
    }
    this.seen = new Uint32Array(this.featureOf.size);
  }

  /** What training learned, to be kept and handed back to the constructor instead of the examples. */
  tables(): LogisticTables {
    const { classes, featureOf, w, bias } = this;
    return { classes, featureOf, w, bias };
  }

  /** the class scores (bias plus the features' weights) of a message's feature numbers, into `out` */
  private scores(x: ArrayLike<number>, out: Float64Array): void {
    const k = this.classes.length;
    for (let c = 0; c < k; c++) out[c] = this.bias[c];
    for (let j = 0; j < x.length; j++) {
      const at = x[j] * k;
      for (let c = 0; c < k; c++) out[c] += this.w[at + c];
    }
  }

  classify(toks: Tok[]): ClassifierVerdict | null {
    if (toks.length === 0) return null;
    const ids: number[] = [];
    if (toks.some((t) => t.s.includes('_'))) {
      // a pair's text would be ambiguous: look the features up by text
      for (const f of features(toks)) {
        const n = this.featureOf.get(f);
        if (n !== undefined) ids.push(n); // words never seen in training say nothing either way
      }
    } else {
      // the same features in the same order as features() lists them, each once
      if (++this.stamp === 0xffffffff) {
        this.seen.fill(0);
        this.stamp = 1;
      }
      const st = this.stamp;
      const add = (n: number | undefined) => {
        if (n === undefined || this.seen[n] === st) return;
        this.seen[n] = st;
        ids.push(n);
      };
      walkFeatures(
        toks,
        (s) => add(this.uniOf.get(s)),
        (a, b) => add(this.pairOf.get(a)?.get(b)),
      );
    }
    if (ids.length === 0) return null;
    const k = this.classes.length;
    const p = new Float64Array(k);
    this.scores(ids, p);
    softmax(p);
    let best = -1;
    for (let c = 0; c < k; c++) if (c !== this.none && (best < 0 || p[c] > p[best])) best = c;
    if (best < 0) return null;
    return { risk: 1 - p[this.none], category: this.classes[best] as SafetyCategory };
  }
}

/** scores to probabilities, in place */
function softmax(p: Float64Array): void {
  let max = -Infinity;
  for (let c = 0; c < p.length; c++) if (p[c] > max) max = p[c];
  let sum = 0;
  for (let c = 0; c < p.length; c++) sum += p[c] = Math.exp(p[c] - max);
  for (let c = 0; c < p.length; c++) p[c] /= sum;
}
