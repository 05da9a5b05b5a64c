/**
 * The gate: on the held-out split of the labelled corpus (lines never used to tune the lexicons), recall of
 * crisis+safeguarding messages >= 0.95 and at most 5% of harmless messages raised to crisis or safeguarding.
 */
import { evaluateCorpus, readCorpus } from '../../scripts/safety-eval';

const corpus = readCorpus();

test('the corpus is big enough, labelled, with a held-out slice and at least 40% hard negatives', () => {
  expect(corpus.length).toBeGreaterThanOrEqual(600);
  for (const l of corpus) {
    expect(typeof l.text).toBe('string');
    expect(['crisis', 'safeguarding', 'concern', 'none']).toContain(l.level);
  }
  const holdout = corpus.filter((l) => l.split === 'holdout').length;
  expect(holdout / corpus.length).toBeGreaterThanOrEqual(0.18);
  const negatives = corpus.filter((l) => l.level === 'none' || l.level === 'concern').length;
  expect(negatives / corpus.length).toBeGreaterThanOrEqual(0.4);
});

describe('targets', () => {
  const { dev, holdout } = evaluateCorpus(undefined, corpus);
  test('development split', () => {
    expect(dev.recall).toBeGreaterThanOrEqual(0.95);
    expect(dev.falseAlarmRate).toBeLessThanOrEqual(0.05);
  });
  // The target was not met on the held-out split as a whole until session 6. Each batch of held-out lines is written before
  // any tuning, scored once and never tuned on. Measured on all 839 held-out lines: recall 0.888, false alarms 4.5%
  // (the false-alarm half of the target is met; recall is not). After the answers to Starling's own questions were
  // checked (test/safety/answers.test.ts, 2026-11-30): recall 0.892, false alarms 4.2%. After the gaps a fresh blind batch
  // showed were fixed in general ways (scripts/safety-fresh.ts; batch A kept as dev lines, then new phrasings written per category): recall 0.904, false alarms 4.2%. Before the sixteenth batch: 0.907 / 5.2% on 411
  // lines. Batches scored on their own when written: the sixteenth, 179 lines, 0.892 / 6.2%; the twenty-first, 82
  // lines written after four batches of tuning, 0.647 / 10.3%; the twenty-fifth, 68 lines, 0.867 / 9.5%; the
  // thirtieth, 39 lines, 0.810 / 0%; the thirty-eighth, 60 lines written after all the tuning, 0.706 / 0%. New
  // phrasings still beat the rules: on unseen sets expect recall well below the whole split's figure. After the
  // classifier also learned from three more blind batches (D, E, F, training only): recall 0.924, false alarms 3.9%; with a lower bar for messages of 12 words or more
  // (shorter ones keep the old bar): recall 0.939, false alarms 3.9%. Then blind batch G (400 lines, never trained or
  // tuned on; 0.681 / 3.0% before this classifier work, 0.873 / 3.0% after) joined the split: all 1239 held-out lines
  // 0.919 / 3.6%. After rules fixed the kinds of error two new blind batches (L, N) showed, and the classifier learned
  // from eleven blind batches (H-T but M and O, which stay unseen) with alpha 0.4 and a bar of 0.9, chosen by leaving
  // one batch out at a time (scripts/safety-crossval.ts: recall 0.865 -> 0.909 at the same false alarms on hands it
  // never learned from): 0.949 / 4.3%. Short messages (under 12 words) then got a stricter bar (0.99999), because most
  // short messages are answers to Starling's own questions and harmless ones were being raised (answers.test.ts), and
  // a concern rule agreeing no longer lowers it for them: 0.931 / 3.6%. After rule fixes for the kinds of false alarm
  // two more blind batches (Q, R: lessons, the news, long messages) showed: 0.931 / 3.2%. Session 6: eight more blind
  // batches in training (M, O, U, V, W, X, AA, AB), then AC and AD: 0.943 / 3.6%; rules masks for the kinds of false
  // alarm W-AD showed; then logistic regression beside naive Bayes, either raising a message of 12 words or more (chosen
  // by leaving one batch out at a time, scripts/safety-lr-crossval.ts): 0.955 / 3.6%; with it reading short messages too (bar 0.99) and more rule
  // fixes: 0.958 / 3.4%. The target is met on this split;
  // the unseen blind sets (test/safety/blind.test.ts) are the harder measure, and this floor stops it getting worse.
  test('held-out split does not fall below where it stands, which meets the issue target (recall >= 0.95, false alarms <= 5%)', () => {
    expect(holdout.recall).toBeGreaterThanOrEqual(0.958);
    expect(holdout.falseAlarmRate).toBeLessThanOrEqual(0.035);
  });
});
