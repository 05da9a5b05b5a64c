/**
 * npm run --silent build && node dist/scripts/safety-fresh.js <file.jsonl> [--errors] [--json]
 * Scores a fresh labelled set (JSON lines {"id","text","level","category"}, e.g. a batch written by someone who never
 * saw the detector) exactly as `npm run safety:classify` would read it: each text alone, no conversation context.
 *   recall        crisis+safeguarding lines whose result is crisis or safeguarding
 *   false alarms  share of "none" lines raised to crisis or safeguarding
 *   category      share of crisis+safeguarding lines caught with the labelled category (and the share among caught)
 * --errors lists the misses, false alarms and wrong categories (only for a set you are allowed to tune on).
 */
import { createDetector, type Detector } from '../core/safety';
import { evaluate, readCorpus, type CorpusLine, type SplitReport } from './safety-eval';

/** safety-eval's figures for a split, for one file, with the category scores and the lines behind them. */
export interface FreshReport extends Pick<SplitReport, 'lines' | 'positives' | 'recall' | 'harmless' | 'falseAlarmRate' | 'concernRaisedRate'> {
  file: string;
  /** caught with the labelled category, over all crisis+safeguarding lines */
  categoryAccuracy: number;
  /** caught with the labelled category, over the caught ones */
  categoryAccuracyCaught: number;
  misses: Array<{ id?: unknown; level: string; category: string | null; text: string }>;
  falseAlarms: Array<{ id?: unknown; level: string; got: string; gotCategory: string | null; text: string }>;
  wrongCategory: Array<{ id?: unknown; category: string | null; gotCategory: string | null; text: string }>;
}

type FreshLine = CorpusLine & { id?: unknown };

export function readFresh(file: string): FreshLine[] {
  return readCorpus(file) as FreshLine[];
}

export function scoreFresh(file: string, detector: Detector = createDetector()): FreshReport {
  // no conversation context: safety:classify reads each line alone
  const lines = readFresh(file).map((l) => ({ ...l, recent: undefined }));
  const r = evaluate(detector, lines);
  const wrongCategory: FreshReport['wrongCategory'] = [];
  let same = 0;
  let caught = 0;
  for (const l of lines) {
    if (l.level !== 'crisis' && l.level !== 'safeguarding') continue;
    const got = detector.detect(l.text);
    if (got.level !== 'crisis' && got.level !== 'safeguarding') continue;
    caught++;
    if (got.category === l.category) same++;
    else wrongCategory.push({ id: l.id, category: l.category, gotCategory: got.category, text: l.text });
  }
  const strip = (l: FreshLine) => ({ id: l.id, level: l.level, category: l.category, text: l.text });
  return {
    file,
    lines: r.lines,
    positives: r.positives,
    recall: r.recall,
    harmless: r.harmless,
    falseAlarmRate: r.falseAlarmRate,
    concernRaisedRate: r.concernRaisedRate,
    categoryAccuracy: r.positives ? same / r.positives : 1,
    categoryAccuracyCaught: caught ? same / caught : 1,
    misses: r.misses.map((m) => strip(m as FreshLine)),
    falseAlarms: r.falseAlarms.map((f) => ({ ...strip(f as FreshLine), got: f.got, gotCategory: f.gotCategory })),
    wrongCategory,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

if (require.main === module) {
  const args = process.argv.slice(2);
  const files = args.filter((a) => !a.startsWith('--'));
  if (files.length === 0) {
    process.stderr.write('usage: node dist/scripts/safety-fresh.js <file.jsonl> [more.jsonl] [--errors] [--json]\n');
    process.exit(2);
  }
  const detector = createDetector();
  for (const file of files) {
    const r = scoreFresh(file, detector);
    if (args.includes('--json')) {
      const { misses, falseAlarms, wrongCategory, ...figures } = r;
      process.stdout.write(JSON.stringify(args.includes('--errors') ? r : { ...figures, missed: misses.length, falseAlarmCount: falseAlarms.length, wrongCategoryCount: wrongCategory.length }) + '\n');
      continue;
    }
    const w = (s: string) => process.stdout.write(s + '\n');
    w(`\n== ${file}: ${r.lines} lines ==`);
    w(`recall, crisis+safeguarding raised to crisis/safeguarding: ${r.recall.toFixed(3)} (${r.positives - r.misses.length}/${r.positives})`);
    w(`false alarms, "none" lines raised to crisis/safeguarding: ${pct(r.falseAlarmRate)} (${r.falseAlarms.filter((f) => f.level === 'none').length}/${r.harmless})`);
    w(`concern lines raised to crisis/safeguarding: ${pct(r.concernRaisedRate)}`);
    w(`category right: ${pct(r.categoryAccuracy)} of crisis+safeguarding lines; ${pct(r.categoryAccuracyCaught)} of those caught`);
    if (args.includes('--errors')) {
      w('-- misses --');
      for (const m of r.misses) w(`  ${String(m.id)} [${m.level}/${m.category}] ${m.text}`);
      w('-- false alarms (none or concern raised) --');
      for (const f of r.falseAlarms) w(`  ${String(f.id)} [${f.level} -> ${f.got}/${f.gotCategory}] ${f.text}`);
      w('-- wrong category (caught) --');
      for (const c of r.wrongCategory) w(`  ${String(c.id)} [${c.category} -> ${c.gotCategory}] ${c.text}`);
    }
  }
}
