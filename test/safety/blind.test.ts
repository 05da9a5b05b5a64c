/**
 * Blind batches (test/safety/blind/README.md): messages written by someone who never saw the detector. Their lines are
 * never tuned on; these floors only stop a change from quietly making the check worse on messages like the clinical
 * review's. Figures as measured on 2026-11-30 (session 5); the target (recall >= 0.95, harmless raised <= 5%) is not met.
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

test('batches M and O (unseen: 12-14s and 18-25s): recall at least 0.91, harmless raised at most 5%', () => {
  const r = pooled(['m', 'o']);
  expect(r.positives).toBeGreaterThan(450);
  expect(r.recall).toBeGreaterThanOrEqual(0.91);
  expect(r.falseAlarmRate).toBeLessThanOrEqual(0.05);
});

test('batches U and V (unseen, written after all of session 5\'s tuning: 8-13s and 14-25s): recall at least 0.93, harmless raised at most 3%', () => {
  const r = pooled(['u', 'v']);
  expect(r.positives).toBeGreaterThan(350);
  expect(r.recall).toBeGreaterThanOrEqual(0.93);
  expect(r.falseAlarmRate).toBeLessThanOrEqual(0.03);
});
