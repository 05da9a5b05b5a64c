/**
 * Keeps a trained classifier's tables on disk so the next process with the same training need not train again: naive
 * Bayes (classifier.ts) and the logistic regression beside it (logistic.ts), each in its own file.
 *
 * Why: training both (tokenising ~14,000 lines, counting their features, ten passes of logistic regression) takes
 * seconds, and several times that under Jest. A service trains once at start-up and never needs this, but the test
 * suite builds a detector in most of its ~140 files, one process each, so it is switched on only where
 * STARLING_SAFETY_CACHE_DIR names a folder (test/support/env.ts sets it).
 *
 * The file's name is a hash of everything the tables depend on: the training lines, the normaliser's data and
 * vocabulary, the smoothing (or logistic regression's options), the source of the code that turns text into features
 * and learns from them, and natural's version. Any change to one of them names a different file, so a stale table is never read. A file that cannot be
 * read is trained again and written over; one that cannot be written is not an error (the tables are still used).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { types } from 'node:util';
import { deserialize, serialize } from 'node:v8';
import { SafetyClassifier, type ClassifierTables } from './classifier';
import { LogisticClassifier, type LogisticTables } from './logistic';

/** the code whose behaviour shapes the tables: this folder's tokeniser/normaliser and classifier (whose features()
 * logistic regression reads too), and for logistic regression its own file and the seeded shuffle it trains with */
const SOURCES = ['normalise', 'classifier'];
const LOGISTIC_SOURCES = [...SOURCES, 'logistic', '../random'];

function sourceText(sources: string[]): string {
  const ext = path.extname(__filename);
  return sources.map((n) => readFileSync(path.join(__dirname, n + ext), 'utf8')).join('\n');
}

function naturalVersion(): string {
  try {
    return (JSON.parse(readFileSync(require.resolve('natural/package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/** The cache file's name for these inputs (exported for the tests). */
export function cacheKey(inputs: unknown, sources = SOURCES): string {
  return createHash('sha256')
    .update(JSON.stringify(inputs))
    .update('\0')
    .update(sourceText(sources))
    .update('\0')
    .update(naturalVersion())
    .digest('hex')
    .slice(0, 32);
}

/** (util.types, not instanceof: the tables are made in Node's own realm, which under Jest is not the test's) */
function looksLikeTables(t: unknown): t is ClassifierTables {
  const x = t as Partial<ClassifierTables> | null;
  return (
    !!x &&
    Array.isArray(x.classes) &&
    types.isFloat64Array(x.logPrior) &&
    types.isMap(x.stemIds) &&
    types.isInt32Array(x.uni) &&
    types.isInt32Array(x.pairs) &&
    typeof x.pairMask === 'number' &&
    types.isFloat64Array(x.logLik) &&
    types.isMap(x.featureOf) &&
    typeof x.byText === 'boolean'
  );
}

function looksLikeLogisticTables(t: unknown): t is LogisticTables {
  const x = t as Partial<LogisticTables> | null;
  return !!x && Array.isArray(x.classes) && types.isMap(x.featureOf) && types.isFloat64Array(x.w) && types.isFloat64Array(x.bias);
}

/** the tables in `file` when they look right, else what train() makes, written there for the next process */
function cached<C, T>(file: string, looksRight: (t: unknown) => t is T, fromTables: (t: T) => C, train: () => C, tablesOf: (c: C) => T, dir: string): C {
  try {
    const tables: unknown = deserialize(readFileSync(file));
    if (looksRight(tables)) return fromTables(tables);
  } catch {
    // absent or unreadable: train below
  }
  const classifier = train();
  try {
    mkdirSync(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, serialize(tablesOf(classifier)));
    renameSync(tmp, file); // whole or not at all, for other processes reading at the same time
  } catch {
    // a read-only or full disk only costs the next process a training
  }
  return classifier;
}

/**
 * The classifier train() makes from these inputs, read from the cache folder when one is set and holds it.
 * `inputs` must name everything train() reads besides the code (see the file comment).
 */
export function trainedClassifier(inputs: unknown, train: () => SafetyClassifier, dir = process.env.STARLING_SAFETY_CACHE_DIR): SafetyClassifier {
  if (!dir) return train();
  const file = path.join(dir, `classifier-${cacheKey(inputs)}.v8`);
  return cached(file, looksLikeTables, (t) => new SafetyClassifier(t), train, (c) => c.tables(), dir);
}

/** The same for the logistic regression beside naive Bayes (logistic.ts); `inputs` must include its options. */
export function trainedLogistic(inputs: unknown, train: () => LogisticClassifier, dir = process.env.STARLING_SAFETY_CACHE_DIR): LogisticClassifier {
  if (!dir) return train();
  const file = path.join(dir, `logistic-${cacheKey(inputs, LOGISTIC_SOURCES)}.v8`);
  return cached(file, looksLikeLogisticTables, (t) => new LogisticClassifier(t), train, (c) => c.tables(), dir);
}
