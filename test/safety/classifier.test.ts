/**
 * The trained classifier beside the rules: it learns only from development lines, may add a safeguarding flag the
 * rules missed (never a crisis), says so in plain words, and does not overrule a rule that was softened on purpose.
 */
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDetectorFrom } from '../../core/safety/detector';
import { loadSafetyData, SAFETY_DIR, type SafetyData } from '../../core/safety/load';
import { readCorpus } from '../../scripts/safety-eval';

const shipped = loadSafetyData();

test('the training lines are labelled and never include a held-out line of the corpus', () => {
  expect(shipped.training?.length ?? 0).toBeGreaterThan(600);
  const holdout = new Set(readCorpus().filter((l) => l.split === 'holdout').map((l) => l.text.trim().toLowerCase()));
  const leaked = (shipped.training ?? []).filter((l) => holdout.has(l.text.trim().toLowerCase()));
  expect(leaked).toEqual([]);
});

test('a bad training line is reported with the file and line number', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'safety-train-'));
  for (const f of ['lexicon.json', 'normalise.json', 'rules.json']) copyFileSync(path.join(SAFETY_DIR, f), path.join(dir, f));
  writeFileSync(path.join(dir, 'training.jsonl'), `${JSON.stringify({ text: 'hello', level: 'none', category: null })}\n${JSON.stringify({ text: 'x', level: 'crisis', category: null })}\n`);
  expect(() => loadSafetyData(dir)).toThrow(/training\.jsonl line 2/);
});

/** A made-up word the rules know nothing about, which the training lines tie to abuse. */
function withTraining(enabled: boolean): SafetyData {
  const training: NonNullable<SafetyData['training']> = [];
  for (let i = 0; i < 30; i++) training.push({ text: `the glimmerpox thing happened again ${i}`, level: 'safeguarding', category: 'abuse' });
  for (let i = 0; i < 30; i++) training.push({ text: `i went to the shops with my mate ${i}`, level: 'none', category: null });
  for (let i = 0; i < 30; i++) training.push({ text: `i want to kill myself ${i}`, level: 'crisis', category: 'suicide' });
  return { ...shipped, training, rules: { ...shipped.rules, classifier: { enabled, threshold: 0.99, alpha: 0.5 } } };
}

test('what the rules miss but the classifier is sure of is raised to safeguarding, with a plain reason and no quote', () => {
  const d = createDetectorFrom(withTraining(true));
  const r = d.detect('the glimmerpox thing happened again last night');
  expect(r.level).toBe('safeguarding');
  expect(r.category).toBe('abuse');
  expect(r.reasons[0]).toMatch(/trained classifier/i);
  expect(r.reasons[0]).toMatch(/abuse/);
  expect(r.reasons.join(' ')).not.toMatch(/glimmerpox/);
  // the same message with the classifier switched off is not raised
  expect(createDetectorFrom(withTraining(false)).detect('the glimmerpox thing happened again last night').level).toBe('none');
});

test('the classifier never raises to crisis on its own and never overrules a softened rule', () => {
  const d = createDetectorFrom(withTraining(true));
  // words it has only seen in crisis lines, with no rule matching: safeguarding at most
  expect(d.detect('want myself').level).not.toBe('crisis');
  // a negated rule match stays a concern even though the classifier has seen "kill myself" as crisis
  const r = d.detect('i would never kill myself');
  expect(r.level).toBe('concern');
  expect(r.reasons.join(' ')).not.toMatch(/trained classifier/i);
});

test('harmless everyday messages are not raised by the shipped classifier', () => {
  const d = createDetectorFrom(shipped);
  for (const t of ['can you help me with my homework', 'i love my dog', 'what time does the bus come', 'my mum made pasta for tea']) {
    expect(d.detect(t).level).not.toMatch(/crisis|safeguarding/);
  }
});

test('when the classifier raises a message, the alert names its category, not a weak rule about something else', () => {
  const d = createDetectorFrom(withTraining(true));
  // "im 14" alone is a weak grooming concern; the words the classifier ties to abuse are what raised it
  const r = d.detect('the glimmerpox thing happened again and im 14');
  expect(r.level).toBe('safeguarding');
  expect(r.category).toBe('abuse');
  expect(r.subcategory).toBeUndefined();
});

test('a short message must meet the higher bar for short messages before the classifier raises it', () => {
  // "glimmerpox" is in 25 abuse lines and 5 harmless ones: more likely risky than not, but far from sure
  const training: NonNullable<SafetyData['training']> = [];
  for (let i = 0; i < 25; i++) training.push({ text: `glimmerpox ${i}`, level: 'safeguarding', category: 'abuse' });
  for (let i = 0; i < 5; i++) training.push({ text: `glimmerpox ${i}`, level: 'none', category: null });
  const at = (extra: object) =>
    createDetectorFrom({ ...shipped, training, rules: { ...shipped.rules, classifier: { enabled: true, threshold: 0.55, alpha: 0.5, ...extra } } }).detect('glimmerpox');
  expect(at({}).level).toBe('safeguarding');
  expect(at({ shortWords: 3, shortThreshold: 0.99 }).level).toBe('none');
  // a message as long as shortWords is held to the ordinary threshold
  expect(at({ shortWords: 1, shortThreshold: 0.99 }).level).toBe('safeguarding');
});

describe('logistic regression beside naive Bayes (rules.json classifier.logistic)', () => {
  // "glimmerpox happened" is in 10 abuse lines and 20 harmless ones: naive Bayes gives the message below about 0.97,
  // logistic regression about 0.74
  const training: NonNullable<SafetyData['training']> = [];
  for (let i = 0; i < 10; i++) training.push({ text: `glimmerpox happened ${i}`, level: 'safeguarding', category: 'abuse' });
  for (let i = 0; i < 20; i++) training.push({ text: `glimmerpox happened ${i}`, level: 'none', category: null });
  for (let i = 0; i < 30; i++) training.push({ text: `i went to the shops with my mate ${i}`, level: 'none', category: null });
  const logistic = { enabled: true, threshold: 0.3, epochs: 10, rate: 0.2, l2: 1e-4, seed: 1 };
  const at = (extra: object) =>
    createDetectorFrom({ ...shipped, training, rules: { ...shipped.rules, classifier: { enabled: true, threshold: 0.99, alpha: 0.5, ...extra } } });
  const msg = 'glimmerpox happened again last night after school';

  test('raises what either one is sure enough of, and says which one judged it', () => {
    expect(at({}).detect(msg).level).toBe('none');
    const r = at({ logistic }).detect(msg);
    expect(r.level).toBe('safeguarding');
    expect(r.category).toBe('abuse');
    expect(r.reasons[0]).toMatch(/^A trained classifier \(logistic regression\)/);
    expect(r.reasons[0]).toMatch(/a person should judge it/);
    const both = at({ threshold: 0.9, logistic }).detect(msg);
    expect(both.reasons[0]).toMatch(/^Two trained classifiers \(naive Bayes and logistic regression\)/);
    expect(at({ logistic: { ...logistic, enabled: false } }).detect(msg).level).toBe('none');
  });

  test('its own short-message bar, or none of a say in short messages when shortMessages is false', () => {
    expect(at({ shortWords: 20, logistic }).detect(msg).level).toBe('safeguarding');
    expect(at({ shortWords: 20, logistic: { ...logistic, shortThreshold: 0.9 } }).detect(msg).level).toBe('none');
    expect(at({ shortWords: 20, logistic: { ...logistic, shortMessages: false } }).detect(msg).level).toBe('none');
    expect(at({ shortWords: 3, logistic: { ...logistic, shortMessages: false } }).detect(msg).level).toBe('safeguarding');
  });

  test('it never raises to crisis and never overrules a softened rule', () => {
    const d = at({ logistic: { ...logistic, threshold: 0.01 } });
    expect(d.detect('i would never kill myself').level).toBe('concern');
    expect(d.detect(msg).level).toBe('safeguarding');
  });
});
