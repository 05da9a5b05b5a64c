/**
 * npm run --silent build && node dist/scripts/safety-crossval.js --batches l.jsonl,m.jsonl,... [--also h.jsonl,...]
 *   [--thresholds 0.7,0.8] [--short-threshold 0.999] [--alpha 0.5] [--sets c.jsonl] [--training old-training.jsonl]
 *
 * Leave one batch out: does training the classifier on blind-written batches help on a batch written by a hand it
 * never learned from? For each batch in --batches, the classifier is trained on the shipped training lines plus the
 * other batches (and any --also lines), and scored on the batch left out. The baseline row trains on the shipped lines
 * only. Prints aggregate figures only (never lines), so the batches stay blind: recall of crisis+safeguarding,
 * harmless raised, and concern lines raised, per held-out batch and pooled.
 */
import { createDetectorFrom } from '../core/safety/detector';
import { loadSafetyData } from '../core/safety/load';
import type { TrainingLine } from '../core/safety/schema';
import { evaluate, readCorpus, type CorpusLine } from './safety-eval';
import { arg, asTraining, batchName, fmtTally, list, readBatch, zeroTally, type Tally } from './lib/crossval';
import { readFresh } from './safety-fresh';


const loaded = loadSafetyData();
// --training: the classifier's own lines from another file (e.g. the training file before the batches were added),
// so a batch that is now in the shipped lines can still be left out
const trainingFile = arg('--training');
const base = trainingFile ? { ...loaded, training: asTraining(readFresh(trainingFile)) } : loaded;
const cls = base.rules.classifier!;
const batches = list(arg('--batches')).map(readBatch);
const also: TrainingLine[] = list(arg('--also')).flatMap((f) => asTraining(readFresh(f)));
const sets = list(arg('--sets')).map(readBatch);
const holdout = readCorpus().filter((l) => l.split === 'holdout');

const zero = zeroTally;
function tally(t: Tally, r: ReturnType<typeof evaluate>): void {
  t.pos += r.positives;
  t.caught += Math.round(r.recall * r.positives);
  t.harmless += r.harmless;
  t.fa += Math.round(r.falseAlarmRate * r.harmless);
  const concernN = r.byLevel.concern?.n ?? 0;
  t.concern += concernN;
  t.concernRaised += Math.round(r.concernRaisedRate * concernN);
}
const fmt = fmtTally;

const thresholds = list(arg('--thresholds')).map(Number);
if (!thresholds.length) thresholds.push(cls.threshold);
const shortThreshold = Number(arg('--short-threshold') ?? cls.shortThreshold ?? cls.threshold);
const alpha = Number(arg('--alpha') ?? cls.alpha);

console.log(`shipped training lines ${base.training!.length}, --also ${also.length}; columns: recall/harmless raised/concern raised`);
console.log(['thr', 'training', ...batches.map((b) => batchName(b.f)), 'pooled', 'holdout', ...sets.map((s) => batchName(s.f))].join('\t'));
/** One cell: the figures of `det` on `lines`, added to `pooled` too when given. */
function cell(det: ReturnType<typeof createDetectorFrom>, lines: CorpusLine[], pooled?: Tally): string {
  const t = zero();
  const r = evaluate(det, lines);
  tally(t, r);
  if (pooled) tally(pooled, r);
  return fmt(t);
}

for (const threshold of thresholds) {
  const classifier = { ...cls, threshold, shortThreshold, alpha };
  const build = (extra: TrainingLine[]) => createDetectorFrom({ ...base, training: [...base.training!, ...also, ...extra], rules: { ...base.rules, classifier } });
  // baseline: the shipped training lines (plus --also) only, scored on every batch
  const det0 = build([]);
  const pooled0 = zero();
  const cells0 = batches.map((b) => cell(det0, b.lines, pooled0));
  console.log([threshold, 'shipped', ...cells0, fmt(pooled0), cell(det0, holdout), ...sets.map((x) => cell(det0, x.lines))].join('\t'));
  // each batch scored by a classifier that learned from the others
  const pooled = zero();
  const cells = batches.map((b, i) => cell(build(batches.filter((_, j) => j !== i).flatMap((o) => asTraining(o.lines))), b.lines, pooled));
  // the corpus's held-out split and other sets, with every batch learned
  const detAll = build(batches.flatMap((o) => asTraining(o.lines)));
  console.log([threshold, '+others', ...cells, fmt(pooled), cell(detAll, holdout), ...sets.map((x) => cell(detAll, x.lines))].join('\t'));
}
