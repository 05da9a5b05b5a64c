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

test('batch C (sealed): recall at least 0.91, harmless raised at most 1%', () => {
  const r = scoreFresh(file('c'), detector);
  expect(r.lines).toBe(344);
  expect(r.recall).toBeGreaterThanOrEqual(0.91);
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

// Y and Z were written blind on 2026-11-30 and scored in totals twice: before session 6's changes (0.932 recall, 5.0%
// harmless raised) and after them (0.962, 5.5%: the recall half of the target is met on them, the false-alarm
// half is not). They have not been read line by line.
test('batches Y and Z (unseen: 16-25s and 8-25s): recall at least 0.96, harmless raised at most 5.5%', () => {
  const r = pooled(['y', 'z']);
  expect(r.positives).toBe(500);
  expect(r.recall).toBeGreaterThanOrEqual(0.96);
  expect(r.falseAlarmRate).toBeLessThanOrEqual(0.055);
});

// AE and AF were written blind on 2026-11-30 after all of session 6's tuning and scored once, in totals: the issue's
// target is met on them. Never read line by line.
test('batches AE and AF (unseen, scored once after all tuning: 8-25s and 11-22s): recall at least 0.97, harmless raised at most 3%', () => {
  const r = pooled(['ae', 'af']);
  expect(r.positives).toBe(500);
  expect(r.recall).toBeGreaterThanOrEqual(0.97);
  expect(r.falseAlarmRate).toBeLessThanOrEqual(0.03);
});
