/**
 * A classifier read back from the training cache must judge every message exactly as a freshly trained one, and the
 * cache must never hand back tables trained on something else, nor break start-up when its folder is unusable.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { SafetyClassifier } from '../../core/safety/classifier';
import { createDetectorFrom } from '../../core/safety/detector';
import { loadSafetyData } from '../../core/safety/load';
import { Normaliser } from '../../core/safety/normalise';
import { LogisticClassifier } from '../../core/safety/logistic';
import { trainedClassifier, trainedLogistic } from '../../core/safety/trainedCache';
import { readCorpus } from '../../scripts/safety-eval';

const shipped = loadSafetyData();
const norm = new Normaliser(shipped.normalise, new Set());
const lines = [
  { text: 'he hits me when he is drunk', category: 'abuse' as const },
  { text: 'my step dad hurts me', category: 'abuse' as const },
  { text: 'i want to go to the cinema', category: null },
  { text: 'football was good today', category: null },
];
const train = jest.fn(() => new SafetyClassifier(lines.map((l) => ({ toks: norm.tokens(l.text), label: l.category })), 0.4));
const trainLr = jest.fn(() => new LogisticClassifier(lines.map((l) => ({ toks: norm.tokens(l.text), label: l.category }))));
const tempDir = () => mkdtempSync(path.join(tmpdir(), 'safety-cache-'));

beforeEach(() => {
  train.mockClear();
  trainLr.mockClear();
});

test('the second build reads the tables back instead of training, and judges messages the same', () => {
  const dir = tempDir();
  const first = trainedClassifier({ lines }, train, dir);
  const second = trainedClassifier({ lines }, train, dir);
  expect(train).toHaveBeenCalledTimes(1);
  for (const t of ['my step dad hits me', 'cinema with my dad', 'he is drunk again', 'zzz']) {
    expect(second.classify(norm.tokens(t))).toEqual(first.classify(norm.tokens(t)));
  }
});

test('logistic regression too: the second build reads its tables back, in a file of its own, and judges the same', () => {
  const dir = tempDir();
  const first = trainedLogistic({ lines }, trainLr, dir);
  const second = trainedLogistic({ lines }, trainLr, dir);
  expect(trainLr).toHaveBeenCalledTimes(1);
  for (const t of ['my step dad hits me', 'cinema with my dad', 'he is drunk again', 'zzz']) {
    expect(second.classify(norm.tokens(t))).toEqual(first.classify(norm.tokens(t)));
  }
  // the same inputs for naive Bayes name another file, not the logistic one
  trainedClassifier({ lines }, train, dir);
  expect(train).toHaveBeenCalledTimes(1);
  expect(readdirSync(dir).sort().map((f) => f.replace(/-.*/, ''))).toEqual(['classifier', 'logistic']);
  // naive Bayes tables in the logistic file are not taken for logistic ones
  const lrFile = readdirSync(dir).find((f) => f.startsWith('logistic-'))!;
  writeFileSync(path.join(dir, lrFile), serialize(train().tables()));
  expect(trainedLogistic({ lines }, trainLr, dir).classify(norm.tokens('my step dad hits me'))?.category).toBe('abuse');
  expect(trainLr).toHaveBeenCalledTimes(2);
});

test('different training is trained again, not read from the other training\'s file', () => {
  const dir = tempDir();
  trainedClassifier({ lines }, train, dir);
  trainedClassifier({ lines: lines.slice(1) }, train, dir);
  expect(train).toHaveBeenCalledTimes(2);
  expect(readdirSync(dir).filter((f) => f.endsWith('.v8'))).toHaveLength(2);
});

test('a damaged cache file is trained again and written over', () => {
  const dir = tempDir();
  trainedClassifier({ lines }, train, dir);
  const [file] = readdirSync(dir);
  writeFileSync(path.join(dir, file), 'not a table');
  const c = trainedClassifier({ lines }, train, dir);
  expect(train).toHaveBeenCalledTimes(2);
  expect(c.classify(norm.tokens('my step dad hits me'))?.category).toBe('abuse');
  trainedClassifier({ lines }, train, dir);
  expect(train).toHaveBeenCalledTimes(2);
});

test('a cache folder that cannot be made still gives a trained classifier', () => {
  const blocker = path.join(tempDir(), 'a-file');
  writeFileSync(blocker, 'x');
  const c = trainedClassifier({ lines }, train, path.join(blocker, 'cache'));
  expect(c.classify(norm.tokens('my step dad hits me'))?.category).toBe('abuse');
});

test('a detector built from the cache gives the same verdicts on the corpus as one trained now', () => {
  // the shipped content with every fourth training line (a quarter of the training time, which is slow under Jest;
  // what is checked is that reading the tables back changes nothing, whatever they were trained on)
  const data = { ...shipped, training: shipped.training!.filter((_, i) => i % 4 === 0) };
  const saved = process.env.STARLING_SAFETY_CACHE_DIR;
  try {
    // an empty cache folder: this build trains both models now (and writes them), the next reads them back
    const dir = (process.env.STARLING_SAFETY_CACHE_DIR = tempDir());
    const fresh = createDetectorFrom(data);
    const files = readdirSync(dir).sort();
    expect(files.map((f) => f.replace(/-.*/, ''))).toEqual(['classifier', 'logistic']);
    const cached = createDetectorFrom(data); // reads them
    const texts = readCorpus().map((l) => l.text);
    expect(texts.length).toBeGreaterThan(600);
    const verdicts = (d: typeof fresh, some = texts) => some.map((t) => JSON.stringify(d.detect(t)));
    const want = verdicts(fresh);
    expect(verdicts(cached)).toEqual(want);
    // logistic regression read back gives every corpus message the same risk and category as one trained now
    const lc = data.rules.classifier!.logistic!;
    const opts = { epochs: lc.epochs, rate: lc.rate, l2: lc.l2, seed: lc.seed };
    const full = new Normaliser(data.normalise, new Set());
    const examples = data.training!.map((l) => ({ toks: full.tokens(l.text), label: l.level === 'crisis' || l.level === 'safeguarding' ? l.category : null }));
    const lrFresh = new LogisticClassifier(examples, opts);
    const lrBack = new LogisticClassifier(deserialize(serialize(lrFresh.tables())) as ReturnType<LogisticClassifier['tables']>);
    expect(texts.map((t) => lrBack.classify(full.tokens(t)))).toEqual(texts.map((t) => lrFresh.classify(full.tokens(t))));
    // and it did read the files: swap in the tables of the four-line training above, one model at a time, and the verdicts change
    // (on the first 1,000 messages: enough to differ, and each pass over the corpus is slow)
    const [nbFile, lrFile] = files;
    const some = texts.slice(0, 1000);
    writeFileSync(path.join(dir, nbFile), serialize(train().tables()));
    expect(verdicts(createDetectorFrom(data), some)).not.toEqual(want.slice(0, 1000));
    writeFileSync(path.join(dir, lrFile), serialize(trainLr().tables()));
    expect(verdicts(createDetectorFrom(data), some)).not.toEqual(want.slice(0, 1000));
    expect(readdirSync(dir).sort()).toEqual(files);
  } finally {
    process.env.STARLING_SAFETY_CACHE_DIR = saved;
  }
});
