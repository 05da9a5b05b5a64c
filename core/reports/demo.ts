/**
 * A seeded, made-up data set for trying the report with nothing else running (`npm run report -- --demo`).
 * The same seed and period always give the same records. Nobody in it is real.
 */
import { AGE_BANDS, AgeBand } from '../ageBands';
import { Bank, loadBank } from '../outcomes/bank';
import { nextItems, shortFormItems } from '../outcomes/shortForm';
import { AREA_IDS, AreaAnswer, AreaId, CheckInRecord, LocalArea, OutcomeAnswerRecord, Step } from '../records/types';
import type { Period } from './period';
import { seededRandom } from '../random';
import type { ReportData } from './load';

const AREA_WEIGHTS: [LocalArea | undefined, number][] = [
  ['coventry', 45],
  ['warwickshire', 40],
  ['buckinghamshire', 4],
  ['milton_keynes', 3],
  ['elsewhere', 3],
  [undefined, 5],
];

function weighted<T>(rnd: () => number, items: [T, number][]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = rnd() * total;
  for (const [v, w] of items) if ((r -= w) < 0) return v;
  return items[items.length - 1][0];
}

const clampStep = (n: number): Step => Math.min(5, Math.max(1, Math.round(n))) as Step;

export function demoData(period: Period, opts: { seed?: number; people?: number; bank?: Bank } = {}): ReportData {
  const rnd = seededRandom(opts.seed ?? 42);
  const bank = opts.bank ?? loadBank();
  const people = opts.people ?? 320;
  const span = period.endMs - period.startMs;
  const checkIns: CheckInRecord[] = [];
  const answers: OutcomeAnswerRecord[] = [];
  for (let p = 0; p < people; p++) {
    const uid = `demo-${String(p).padStart(4, '0')}`;
    const ageBand: AgeBand = weighted(rnd, [[AGE_BANDS[0], 25], [AGE_BANDS[1], 40], [AGE_BANDS[2], 35]]);
    const area = weighted(rnd, AREA_WEIGHTS);
    const visits = 1 + Math.floor(rnd() * 4);
    const base = 1.5 + rnd() * 2.5;
    const trend = rnd() * 1.2 - 0.3;
    const times = Array.from({ length: visits }, () => period.startMs + Math.floor(rnd() * span)).sort((a, b) => a - b);
    const history: OutcomeAnswerRecord[] = [];
    times.forEach((t, v) => {
      const id = `${uid}-c${v}`;
      const level = base + trend * v;
      const stepAnswers: Partial<Record<AreaId, AreaAnswer>> = {};
      for (const a of AREA_IDS) stepAnswers[a] = { step: rnd() < 0.05 ? null : clampStep(level + (rnd() * 2 - 1)) };
      const completed = rnd() > 0.1;
      checkIns.push({
        id,
        uid,
        ageBand,
        ...(area ? { area } : {}),
        startedAt: new Date(t).toISOString(),
        ...(completed ? { completedAt: new Date(t + 600_000).toISOString() } : {}),
        status: completed ? 'completed' : 'stopped',
        answers: stepAnswers,
      });
      const items = v === 0 || rnd() < 0.5 ? shortFormItems(bank) : nextItems(history, 4, bank);
      items.forEach((item, i) => {
        const at = new Date(Math.min(t + 660_000 + i * 20_000, period.endMs - 1)).toISOString();
        const skip = item.flags.aboutServices && rnd() < 0.2;
        const rec: OutcomeAnswerRecord = {
          uid,
          frameworkId: item.id,
          answer: skip ? null : clampStep(level + (rnd() * 2 - 1)),
          at,
          ageBand,
          ...(area ? { area } : {}),
          checkInId: id,
        };
        history.push(rec);
        answers.push(rec);
      });
    });
  }
  return { checkIns, answers };
}
