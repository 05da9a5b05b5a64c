/**
 * npm run safety:eval [-- --errors] [-- --write-training]
 * Recall per category and per level, and the false-alarm rate on harmless messages, on the labelled corpus
 * (test/safety/corpus.jsonl), reported separately for the development lines and the held-out lines
 * ("split":"holdout", never used to tune the lexicons). --errors lists misses and false alarms on the development
 * split only (the held-out split shows figures, never its lines). --write-training rewrites
 * content/safety/training.jsonl (what the classifier learns from) from the development lines, keeping its lines that
 * are not in the corpus (blind batches added for training only).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../core/paths';
import { SAFETY_DIR } from '../core/safety/load';
import { createDetector, LEVEL_RANK, type Answering, type Detector, type SafetyCategory, type SafetyLevel } from '../core/safety';

export interface CorpusLine {
  text: string;
  level: SafetyLevel;
  category: SafetyCategory | null;
  split?: 'dev' | 'holdout';
  recent?: string[];
  /** the question the message answers (test/safety/answering-corpus.jsonl) */
  answering?: Answering;
}

export interface SplitReport {
  lines: number;
  positives: number;
  /** crisis+safeguarding messages raised to crisis or safeguarding */
  recall: number;
  /** harmless (level none) messages */
  harmless: number;
  /** share of harmless messages raised to crisis or safeguarding */
  falseAlarmRate: number;
  /** share of concern-labelled messages raised to crisis or safeguarding */
  concernRaisedRate: number;
  byLevel: Record<string, { n: number; caught: number; exact: number }>;
  byCategory: Record<string, { n: number; caught: number; sameCategory: number }>;
  misses: CorpusLine[];
  falseAlarms: Array<CorpusLine & { got: SafetyLevel; gotCategory: SafetyCategory | null }>;
}

export const CORPUS_FILE = path.join(ROOT, 'test', 'safety', 'corpus.jsonl');
/** short answers with the question they answer (hand-written, used to tune content/safety/answering.json) */
export const ANSWERING_CORPUS_FILE = path.join(ROOT, 'test', 'safety', 'answering-corpus.jsonl');

export function readCorpus(file = CORPUS_FILE): CorpusLine[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      try {
        return JSON.parse(l) as CorpusLine;
      } catch {
        throw new Error(`${file} line ${i + 1} is not valid JSON`);
      }
    });
}

const raised = (l: SafetyLevel) => LEVEL_RANK[l] >= LEVEL_RANK.safeguarding;

export function evaluate(detector: Detector, lines: CorpusLine[]): SplitReport {
  const r: SplitReport = { lines: lines.length, positives: 0, recall: 1, harmless: 0, falseAlarmRate: 0, concernRaisedRate: 0, byLevel: {}, byCategory: {}, misses: [], falseAlarms: [] };
  let caught = 0;
  let fa = 0;
  let concern = 0;
  let concernRaised = 0;
  for (const line of lines) {
    const got = detector.detect(line.text, line.recent || line.answering ? { recent: line.recent, answering: line.answering } : undefined);
    const lv = (r.byLevel[line.level] ??= { n: 0, caught: 0, exact: 0 });
    lv.n++;
    if (got.level === line.level) lv.exact++;
    if (raised(line.level)) {
      r.positives++;
      const c = (r.byCategory[line.category ?? 'none'] ??= { n: 0, caught: 0, sameCategory: 0 });
      c.n++;
      if (raised(got.level)) {
        caught++;
        lv.caught++;
        c.caught++;
        if (got.category === line.category) c.sameCategory++;
      } else r.misses.push(line);
    } else if (line.level === 'none') {
      r.harmless++;
      if (raised(got.level)) {
        fa++;
        r.falseAlarms.push({ ...line, got: got.level, gotCategory: got.category });
      }
    } else {
      concern++;
      if (raised(got.level)) {
        concernRaised++;
        r.falseAlarms.push({ ...line, got: got.level, gotCategory: got.category });
      }
    }
  }
  r.recall = r.positives ? caught / r.positives : 1;
  r.falseAlarmRate = r.harmless ? fa / r.harmless : 0;
  r.concernRaisedRate = concern ? concernRaised / concern : 0;
  return r;
}

export function evaluateCorpus(detector = createDetector(), lines = readCorpus()): { dev: SplitReport; holdout: SplitReport } {
  return {
    dev: evaluate(detector, lines.filter((l) => l.split !== 'holdout')),
    holdout: evaluate(detector, lines.filter((l) => l.split === 'holdout')),
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function print(name: string, r: SplitReport): void {
  const w = (s: string) => process.stdout.write(s + '\n');
  w(`\n== ${name}: ${r.lines} messages ==`);
  w(`recall, crisis+safeguarding raised to crisis/safeguarding: ${pct(r.recall)} (${r.positives - r.misses.length}/${r.positives})`);
  w(`false alarms on harmless messages (raised to crisis/safeguarding): ${pct(r.falseAlarmRate)} of ${r.harmless}`);
  w(`concern-labelled messages raised to crisis/safeguarding: ${pct(r.concernRaisedRate)}`);
  w('per level (caught = raised to crisis/safeguarding; exact = same level):');
  for (const lv of ['crisis', 'safeguarding', 'concern', 'none']) {
    const x = r.byLevel[lv];
    if (x) w(`  ${lv.padEnd(13)} n=${String(x.n).padStart(4)}  caught ${pct(x.caught / x.n).padStart(6)}  exact ${pct(x.exact / x.n).padStart(6)}`);
  }
  w('per category (crisis+safeguarding messages):');
  for (const [c, x] of Object.entries(r.byCategory).sort()) {
    w(`  ${c.padEnd(33)} n=${String(x.n).padStart(4)}  recall ${pct(x.caught / x.n).padStart(6)}  same category ${pct(x.sameCategory / x.n).padStart(6)}`);
  }
}

/** The classifier's training lines: the development split only, never a held-out line. */
/** The development lines, then the lines of `existing` (the current training file) that are not in the corpus at all:
 * fresh batches written blind and added for training only (never held-out lines), which a rewrite must keep. */
export function trainingLines(lines = readCorpus(), existing = ''): string {
  const inCorpus = new Set(lines.map((l) => l.text));
  const kept = existing
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as CorpusLine)
    .filter((l) => !inCorpus.has(l.text));
  return lines
    .filter((l) => l.split !== 'holdout')
    .concat(kept)
    .map((l) => JSON.stringify({ text: l.text, level: l.level, category: l.category }))
    .join('\n')
    .concat('\n');
}

if (require.main === module) {
  if (process.argv.includes('--write-training')) {
    const file = path.join(SAFETY_DIR, 'training.jsonl');
    writeFileSync(file, trainingLines(readCorpus(), readFileSync(file, 'utf8')));
    process.stdout.write(`wrote ${file} from the development split and the training-only lines it already held\n`);
  }
  const started = Date.now();
  const detector = createDetector();
  const { dev, holdout } = evaluateCorpus(detector);
  print('development split', dev);
  print('held-out split (never used for tuning)', holdout);
  const answerLines = readCorpus(ANSWERING_CORPUS_FILE);
  const answering = evaluate(detector, answerLines);
  print('short answers read with the question they answer (hand-written, used for tuning)', answering);
  const alone = evaluate(detector, answerLines.map(({ answering: _q, ...l }) => l));
  process.stdout.write(`the same answers read without their question: recall ${pct(alone.recall)}, false alarms ${pct(alone.falseAlarmRate)}\n`);
  if (process.argv.includes('--errors')) {
    process.stdout.write('\n-- development misses --\n');
    for (const m of dev.misses) process.stdout.write(`  [${m.level}/${m.category}] ${m.text}\n`);
    process.stdout.write('-- development false alarms --\n');
    for (const m of dev.falseAlarms) process.stdout.write(`  [${m.level} -> ${m.got}/${m.gotCategory}] ${m.text}\n`);
    process.stdout.write('-- answers: misses and false alarms --\n');
    for (const m of answering.misses) process.stdout.write(`  [${m.level}/${m.category}] ${m.text} (${JSON.stringify(m.answering)})\n`);
    for (const m of answering.falseAlarms) process.stdout.write(`  [${m.level} -> ${m.got}/${m.gotCategory}] ${m.text} (${JSON.stringify(m.answering)})\n`);
  }
  process.stdout.write(`\n(evaluated in ${Date.now() - started} ms)\n`);
}
