/**
 * npm run --silent build && node dist/scripts/safety-sweep.js [--extra a.jsonl,b.jsonl] [--sets g.jsonl,b.jsonl]
 *   [--thresholds 0.99,0.999] [--concern 0.9,0.99] [--alphas 0.5] [--short-words 0,9] [--short-threshold 0.999]
 * Model choices for the classifier by aggregate score only: for each setting it prints recall / false alarms /
 * category right on the corpus's held-out split and on each given fresh set (never their lines). --extra adds
 * labelled lines (fresh batches you may train on) to the training lines for this run only.
 */
import { createDetectorFrom } from '../core/safety/detector';
import { loadSafetyData } from '../core/safety/load';
import type { TrainingLine } from '../core/safety/schema';
import { evaluate, readCorpus, type CorpusLine } from './safety-eval';
import { readFresh } from './safety-fresh';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../core/paths';
import { LEVEL_RANK } from '../core/safety';
import type { Detector } from '../core/safety';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const list = (s: string | undefined, d: string[]) => (s ? s.split(',').filter(Boolean) : d);

function score(det: Detector, lines: CorpusLine[]): string {
  const r = evaluate(det, lines);
  let same = 0;
  for (const l of lines) {
    if (l.level !== 'crisis' && l.level !== 'safeguarding') continue;
    const got = det.detect(l.text, l.recent ? { recent: l.recent } : undefined);
    if ((got.level === 'crisis' || got.level === 'safeguarding') && got.category === l.category) same++;
  }
  return `${r.recall.toFixed(3)}/${(r.falseAlarmRate * 100).toFixed(1)}%/${(r.positives ? same / r.positives : 1).toFixed(2)}/c${(r.concernRaisedRate * 100).toFixed(0)}%`;
}

/** the answers to Starling's own questions in test/safety/answers.test.ts (harmless ones must not alert, risky ones must) */
function answerList(name: string): string[][] {
  const src = readFileSync(path.join(ROOT, 'test', 'safety', 'answers.test.ts'), 'utf8');
  const start = src.indexOf(`const ${name}:`);
  const open = src.indexOf('= [', start) + 2;
  const close = src.indexOf('\n];', open);
  return new Function(`return ${src.slice(open, close + 2)}`)() as string[][];
}
const HARMLESS = answerList('HARMLESS');
const RISKY = answerList('RISKY');
const raised = (det: Detector, t: string) => LEVEL_RANK[det.detect(t).level] >= LEVEL_RANK.safeguarding;

const base = loadSafetyData();
const extra: TrainingLine[] = list(arg('--extra'), []).flatMap((f) =>
  readFresh(f).map((l) => ({ text: l.text, level: l.level, category: l.category })),
);
const sets: Array<[string, CorpusLine[]]> = [['holdout', readCorpus().filter((l) => l.split === 'holdout')]];
for (const f of list(arg('--sets'), [])) sets.push([f.replace(/.*\//, ''), readFresh(f).map((l) => ({ ...l, recent: undefined }))]);
const cls = base.rules.classifier!;
console.log(`training lines ${base.training!.length} + ${extra.length}; columns: recall/false alarms/category right/concern lines raised`);
console.log(['alpha', 'thr', 'concern', 'shortW', ...sets.map((s) => s[0])].join('\t'));
for (const alpha of list(arg('--alphas'), [String(cls.alpha)]).map(Number))
  for (const threshold of list(arg('--thresholds'), [String(cls.threshold)]).map(Number))
    for (const concern of list(arg('--concern'), [String(cls.concernThreshold ?? threshold)]).map(Number))
      for (const shortWords of list(arg('--short-words'), [String(cls.shortWords ?? 0)]).map(Number)) {
        const shortThreshold = Number(arg('--short-threshold') ?? cls.shortThreshold ?? 0.999);
      const data = { ...base, training: [...base.training!, ...extra], rules: { ...base.rules, classifier: { ...cls, alpha, threshold, concernThreshold: concern, shortWords, shortThreshold } } };
      const t0 = Date.now();
      const det = createDetectorFrom(data);
      const built = Date.now() - t0;
      console.log([alpha, threshold, concern, shortWords, ...sets.map(([, l]) => score(det, l)), `answers: ${HARMLESS.filter((a) => raised(det, a[1])).length} harmless raised, ${RISKY.filter((a) => !raised(det, a[1])).length} risky missed`, `${built}ms`].join('\t'));
    }
