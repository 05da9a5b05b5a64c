/**
 * The logistic regression experiment (core/safety/logistic.ts): it learns what the training lines tie to a category,
 * trains the same weights from the same lines, and reads empty and very long messages; the detector takes one in
 * place of naive Bayes only when a caller asks (createDetectorFrom's options).
 */
import { createDetectorFrom } from '../../core/safety/detector';
import { loadSafetyData, type SafetyData } from '../../core/safety/load';
import { LogisticClassifier } from '../../core/safety/logistic';
import type { TrainingExample } from '../../core/safety/classifier';
import type { Tok } from '../../core/safety/normalise';

/** tokens as the classifier reads them (only the stem and the sentence matter to its features) */
const toks = (text: string): Tok[] => text.split(' ').map((w) => ({ w, s: w, sent: 0 }) as unknown as Tok);

function examples(): TrainingExample[] {
  const out: TrainingExample[] = [];
  for (let i = 0; i < 30; i++) out.push({ toks: toks(`the glimmerpox thing happened again n${i}`), label: 'abuse' });
  for (let i = 0; i < 30; i++) out.push({ toks: toks(`i went to the shops with my mate n${i}`), label: null });
  for (let i = 0; i < 30; i++) out.push({ toks: toks(`i want to kill myself n${i}`), label: 'suicide' });
  return out;
}

test('learns a made-up word tied to a category, and that everyday words are harmless', () => {
  const lr = new LogisticClassifier(examples());
  const v = lr.classify(toks('the glimmerpox thing happened last night'));
  expect(v?.category).toBe('abuse');
  expect(v!.risk).toBeGreaterThan(0.8);
  expect(lr.classify(toks('i went to the shops'))!.risk).toBeLessThan(0.2);
  expect(lr.classify(toks('i want to kill myself'))?.category).toBe('suicide');
});

test('is deterministic: the same lines train the same weights', () => {
  const a = new LogisticClassifier(examples(), { seed: 7 });
  const b = new LogisticClassifier(examples(), { seed: 7 });
  for (const m of ['the glimmerpox thing', 'my mate went to the shops', 'kill the thing again']) expect(a.classify(toks(m))).toEqual(b.classify(toks(m)));
});

test('an empty message, or one with no word seen in training, gets no verdict; a 20,000-word message is read quickly', () => {
  const lr = new LogisticClassifier(examples());
  expect(lr.classify([])).toBeNull();
  expect(lr.classify(toks('zzz qqq'))).toBeNull();
  const long = toks(Array.from({ length: 20000 }, (_, i) => (i % 50 === 49 ? 'glimmerpox' : `filler${i % 300}`)).join(' '));
  const t0 = performance.now();
  const v = lr.classify(long);
  expect(performance.now() - t0).toBeLessThan(200);
  expect(v?.category).toBe('abuse');
});

test('the detector uses a classifier handed to it in place of naive Bayes', () => {
  const shipped = loadSafetyData();
  const data: SafetyData = {
    ...shipped,
    training: [
      ...Array.from({ length: 30 }, (_, i) => ({ text: `the glimmerpox thing happened again ${i}`, level: 'safeguarding' as const, category: 'abuse' as const })),
      ...Array.from({ length: 30 }, (_, i) => ({ text: `i went to the shops with my mate ${i}`, level: 'none' as const, category: null })),
    ],
    rules: { ...shipped.rules, classifier: { enabled: true, threshold: 0.7, alpha: 0.5 } },
  };
  let trainedOn = 0;
  const d = createDetectorFrom(data, 'content/safety', {
    classifier: (ex) => {
      trainedOn = ex.length;
      return new LogisticClassifier(ex);
    },
  });
  expect(trainedOn).toBe(60);
  const r = d.detect('the glimmerpox thing happened again last night');
  expect(r.level).toBe('safeguarding');
  expect(r.category).toBe('abuse');
  expect(d.detect('i went to the shops with my mate').level).toBe('none');
});
