/**
 * Blind batches (test/safety/blind/README.md): messages written by someone who never saw the detector. Their lines are
 * never tuned on; these floors only stop a change from quietly making the check worse on messages like the clinical
 * review's. M, O, U and V were scored unseen and then became training lines (session 6); Y and Z took their place.
 */
import path from 'node:path';
import { createDetector } from '../../core/safety';
import { scoreFresh } from '../../scripts/safety-fresh';

const detector = createDetector();
const file = (b: string) => path.join(__dirname, 'blind', `batch-${b}.jsonl`);

test('batch C (sealed): recall at least 0.89, harmless raised at most 1%', () => {
  const r = scoreFresh(file('c'), detector);
  expect(r.lines).toBe(344);
  expect(r.recall).toBeGreaterThanOrEqual(0.89);
  expect(r.falseAlarmRate).toBeLessThanOrEqual(0.01);
});

function pooled(batches: string[]): { positives: number; recall: number; falseAlarmRate: number } {
  let caught = 0;
  let positives = 0;
  let raised = 0;
  let harmless = 0;
  for (const b of batches) {
    const r = scoreFresh(file(b), detector);
    caught += Math.round(r.recall * r.positives);
    positives += r.positives;
    raised += Math.round(r.falseAlarmRate * r.harmless);
    harmless += r.harmless;
  }
  return { positives, recall: caught / positives, falseAlarmRate: raised / harmless };
}
