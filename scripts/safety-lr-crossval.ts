/**
 * npm run --silent build && node dist/scripts/safety-lr-crossval.js --batches l.jsonl,m.jsonl,...
 *   [--epochs 10] [--rate 0.2] [--l2 1e-4] [--seed 1] [--short-words 12] [--per-batch 6]
 *
 * Leave one batch out (as scripts/safety-crossval.ts): naive Bayes (classifier.ts) against logistic regression
 * (logistic.ts) over the same features, alone and together. For each batch in --batches, both are trained on the
 * shipped training lines plus the other batches, and the full detector (rules + classifier) scores the batch left
 * out; the corpus's held-out split is scored with both trained on every batch. Prints aggregate figures only (never
 * lines): recall of crisis+safeguarding, harmless raised, concern lines raised, per batch and pooled, for
 *   nb    naive Bayes in the detector, over a sweep of its threshold and short-message threshold (shipped marked *)
 *   lr    logistic regression in its place, over a sweep of the same two thresholds
 *   min   both must agree: raised only when each clears its own bars
 *   max   either: raised when one clears its own bars
 *
 * How the sweep stays fast but exact: the classifier can only turn the detector's result into safeguarding (when its
 * risk clears the bar) or leave it be. So each line is run through the detector twice per fold, once with a
 * classifier that never raises and once with one that always does, recording the words the detector hands the
 * classifier; a setting then decides per line which of the two results stands (risk >= its bar). The detector's
 * concern-agreement bar (concernThreshold) is left out of every setting (the shipped 0.99 is above the shipped 0.9
 * threshold, so it changes nothing there); the NB row at the shipped settings is checked against evaluate() itself.
 */
import { SafetyClassifier, type ClassifierVerdict, type TrainingExample } from '../core/safety/classifier';
import { createDetectorFrom } from '../core/safety/detector';
import { loadSafetyData } from '../core/safety/load';
import { LogisticClassifier } from '../core/safety/logistic';
import type { Tok } from '../core/safety/normalise';
import type { TrainingLine } from '../core/safety/schema';
import { LEVEL_RANK, type SafetyLevel } from '../core/safety/types';
import { evaluate, readCorpus, type CorpusLine } from './safety-eval';
import { arg, asTraining, batchName, fmtTally, list, readBatch, zeroTally, type Tally } from './lib/crossval';

const raised = (l: SafetyLevel) => LEVEL_RANK[l] >= LEVEL_RANK.safeguarding;

const base = loadSafetyData();
const shipped = base.rules.classifier!;
const shortWords = Number(arg('--short-words') ?? shipped.shortWords ?? 0);
const lrOpts = {
  epochs: Number(arg('--epochs') ?? 10),
  rate: Number(arg('--rate') ?? 0.2),
  l2: Number(arg('--l2') ?? 1e-4),
  seed: Number(arg('--seed') ?? 1),
};
const perBatch = Number(arg('--per-batch') ?? 6);
const batches = list(arg('--batches')).map(readBatch);
const holdout = readCorpus().filter((l) => l.split === 'holdout');

/** one scored line: its label, the detector's result without and with the classifier raising, and the two verdicts */
interface Scored {
  level: SafetyLevel;
  without: boolean;
  withRaise: boolean;
  short: boolean;
  nb: ClassifierVerdict | null;
  lr: ClassifierVerdict | null;
}

/** Trains both on the shipped lines plus `extra`, and scores `lines` as described in the file comment. */
function fold(extra: TrainingLine[], lines: CorpusLine[]): { scored: Scored[]; check: ReturnType<typeof evaluate>; trainMs: number } {
  let nb: SafetyClassifier | null = null;
  let lr: LogisticClassifier | null = null;
  let trainMs = 0;
  let mode: 'never' | 'always' | 'nb' = 'never';
  let seen: Tok[] | null = null;
  // naive Bayes alone inside the detector (the sweep combines it with logistic regression itself, below)
  const cc = { ...shipped, logistic: undefined };
  const det = createDetectorFrom({ ...base, training: [...base.training!, ...extra], rules: { ...base.rules, classifier: cc } }, 'content/safety', {
    classifier: (examples: TrainingExample[]) => {
      nb = new SafetyClassifier(examples, shipped.alpha);
      const t0 = performance.now();
      lr = new LogisticClassifier(examples, lrOpts);
      trainMs = performance.now() - t0;
      return {
        classify(toks: Tok[]) {
          seen = toks;
          if (mode === 'nb') return nb!.classify(toks);
          return mode === 'always' ? { risk: 1, category: 'abuse' } : null;
        },
      };
    },
  });
  // the shipped NB, through evaluate() itself (the check on the two-pass sweep)
  mode = 'nb';
  const check = evaluate(det, lines);
  const scored: Scored[] = [];
  for (const line of lines) {
    const ctx = line.recent || line.answering ? { recent: line.recent, answering: line.answering } : undefined;
    seen = null;
    mode = 'never';
    const without = raised(det.detect(line.text, ctx).level);
    const words = seen as Tok[] | null;
    mode = 'always';
    const withRaise = raised(det.detect(line.text, ctx).level);
    scored.push({
      level: line.level,
      without,
      withRaise,
      short: words ? words.length < shortWords : false,
      nb: words ? nb!.classify(words) : null,
      lr: words ? lr!.classify(words) : null,
    });
  }
  return { scored, check, trainMs };
}

/** a setting: which classifier(s), and each one's bars for longer and for short messages */
interface Setting {
  kind: 'nb' | 'lr' | 'min' | 'max';
  nb?: [number, number];
  lr?: [number, number];
}
const clears = (v: ClassifierVerdict | null, bars: [number, number], short: boolean) => !!v && v.risk >= (short ? Math.max(bars[0], bars[1]) : bars[0]);
function decide(s: Setting, x: Scored): boolean {
  if (x.without === x.withRaise) return x.without;
  const a = s.nb ? clears(x.nb, s.nb, x.short) : false;
  const b = s.lr ? clears(x.lr, s.lr, x.short) : false;
  const up = s.kind === 'nb' ? a : s.kind === 'lr' ? b : s.kind === 'min' ? a && b : a || b;
  return up ? x.withRaise : x.without;
}

const zero = zeroTally;
function tallyOf(s: Setting, xs: Scored[], t = zero()): Tally {
  for (const x of xs) {
    const up = decide(s, x);
    if (raised(x.level)) {
      t.pos++;
      if (up) t.caught++;
    } else if (x.level === 'none') {
      t.harmless++;
      if (up) t.fa++;
    } else {
      t.concern++;
      if (up) t.concernRaised++;
    }
  }
  return t;
}
const recall = (t: Tally) => t.caught / Math.max(1, t.pos);
const faRate = (t: Tally) => t.fa / Math.max(1, t.harmless);
const fmt = fmtTally;
const label = (s: Setting) =>
  [s.kind, s.nb ? `nb ${s.nb[0]}/${s.nb[1]}` : '', s.lr ? `lr ${s.lr[0]}/${s.lr[1]}` : ''].filter(Boolean).join(' ') +
  (s.kind === 'nb' && s.nb![0] === shipped.threshold && s.nb![1] === shipped.shortThreshold ? ' *' : '');

// the sweep
const nbT = [0.5, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99];
const nbS = [0.9, 0.99, 0.999, 0.9999, 0.99999, 0.999999];
const lrT = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
const lrS = [0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.98];
const settings: Setting[] = [];
const nbBars: Array<[number, number]> = [];
for (const t of nbT) for (const s of nbS) if (s >= t) nbBars.push([t, s]);
const lrBars: Array<[number, number]> = [];
for (const t of lrT) for (const s of lrS) if (s >= t) lrBars.push([t, s]);
for (const b of nbBars) settings.push({ kind: 'nb', nb: b });
for (const b of lrBars) settings.push({ kind: 'lr', lr: b });
for (const kind of ['min', 'max'] as const) for (const a of nbBars) for (const b of lrBars) settings.push({ kind, nb: a, lr: b });

const t0 = performance.now();
const folds = batches.map((b, i) => {
  const r = fold(
    batches.filter((_, j) => j !== i).flatMap((o) => asTraining(o.lines)),
    b.lines,
  );
  process.stderr.write(`fold ${batchName(b.f)} done (${((performance.now() - t0) / 1000).toFixed(0)} s, LR trained in ${r.trainMs.toFixed(0)} ms)\n`);
  return r;
});
const all = fold(
  batches.flatMap((o) => asTraining(o.lines)),
  holdout,
);

// the check: the shipped NB setting through the sweep equals evaluate() through the detector itself
const shippedSetting: Setting = { kind: 'nb', nb: [shipped.threshold, shipped.shortThreshold ?? shipped.threshold] };
for (const [i, f] of [...folds, all].entries()) {
  const t = tallyOf(shippedSetting, f.scored);
  const r = f.check;
  if (Math.round(r.recall * r.positives) !== t.caught || Math.round(r.falseAlarmRate * r.harmless) !== t.fa)
    throw new Error(`the sweep disagrees with evaluate() on fold ${i}: ${fmt(t)} against recall ${r.recall}, harmless raised ${r.falseAlarmRate}`);
}

interface Row {
  s: Setting;
  cells: Tally[];
  pooled: Tally;
  hold: Tally;
}
const rows: Row[] = settings.map((s) => {
  const pooled = zero();
  const cells = folds.map((f) => tallyOf(s, f.scored));
  for (const f of folds) tallyOf(s, f.scored, pooled);
  return { s, cells, pooled, hold: tallyOf(s, all.scored) };
});

const header = ['setting', ...batches.map((b) => batchName(b.f)), 'pooled', 'holdout'].join('\t');
const line = (r: Row) => [label(r.s), ...r.cells.map(fmt), fmt(r.pooled), fmt(r.hold)].join('\t');
console.log(`LR ${JSON.stringify(lrOpts)}, shortWords ${shortWords}; columns: recall/harmless raised/concern raised`);
console.log(header);
const shippedRow = rows.find((r) => label(r.s).endsWith('*'))!;
console.log(line(shippedRow));
// the floor: what the rules raise with no classifier at all
console.log(line({ s: { kind: 'nb', nb: [2, 2] }, cells: folds.map((f) => tallyOf({ kind: 'nb', nb: [2, 2] }, f.scored)), pooled: tallyOf({ kind: 'nb', nb: [2, 2] }, folds.flatMap((f) => f.scored)), hold: tallyOf({ kind: 'nb', nb: [2, 2] }, all.scored) }).replace(/^nb nb 2\/2/, 'rules only'));
console.log('\nLR alone in NB\'s place, short bar = long bar:');
for (const r of rows) if (r.s.kind === 'lr' && r.s.lr![0] === r.s.lr![1]) console.log(line(r));
const caps = [faRate(shippedRow.pooled), 0.04, 0.05, 0.06];
for (const cap of caps) {
  console.log(`\nbest pooled recall with pooled harmless raised <= ${(cap * 100).toFixed(1)}% (ties: fewer harmless raised):`);
  for (const kind of ['nb', 'lr', 'min', 'max'] as const) {
    const ok = rows.filter((r) => r.s.kind === kind && faRate(r.pooled) <= cap);
    ok.sort((a, b) => recall(b.pooled) - recall(a.pooled) || faRate(a.pooled) - faRate(b.pooled));
    for (const r of ok.slice(0, kind === 'nb' || kind === 'lr' ? 2 : perBatch / 2)) console.log(line(r));
  }
}

// the sweep above picks each family's best setting on the very batches it reports, which flatters the family with more
// settings to pick from (min and max have thousands, nb a few dozen); here each batch is scored with the setting that
// was best on the other batches only (pooled recall at <= cap harmless raised), so no batch chose its own thresholds
for (const cap of [faRate(shippedRow.pooled), 0.05]) {
  console.log(`\nthresholds chosen without the batch (best on the other batches at <= ${(cap * 100).toFixed(1)}% harmless raised), then pooled:`);
  for (const kind of ['nb', 'lr', 'min', 'max'] as const) {
    const pooled = zero();
    const chosen: string[] = [];
    folds.forEach((f, i) => {
      let best: Row | null = null;
      let bestT: Tally | null = null;
      for (const r of rows) {
        if (r.s.kind !== kind) continue;
        const t = zero();
        for (const [j, c] of r.cells.entries())
          if (j !== i) for (const k of Object.keys(t) as Array<keyof Tally>) t[k] += c[k];
        if (faRate(t) > cap) continue;
        if (!bestT || recall(t) > recall(bestT) || (recall(t) === recall(bestT) && faRate(t) < faRate(bestT))) {
          best = r;
          bestT = t;
        }
      }
      if (!best) return;
      chosen.push(label(best.s));
      for (const k of Object.keys(pooled) as Array<keyof Tally>) pooled[k] += best.cells[i][k];
    });
    console.log(`${kind}\t${fmt(pooled)}\t(${[...new Set(chosen)].join('; ')})`);
  }
}
