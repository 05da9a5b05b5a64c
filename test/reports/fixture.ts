/**
 * A small hand-made data set whose figures are worked out by hand in the tests (January 2026).
 *
 * Outcome 3.6 (help while waiting), answers first -> latest in January:
 *   12-15, Coventry:        u1 2->4, u2 3->3, u3 4->2, u4 5, u5 1->3, u6 4
 *   8-11, Warwickshire:     v1 5, v2 2->5, v3 3                  (3 people: must be hidden)
 *   16-25, area not given:  w1 3->4, w2 4->4, w3 2->4, w4 4, w5 5->4, w6 4
 * plus records that must NOT count: u1 answered 1 on 31 Dec and 5 on 1 Feb; x1 only skipped.
 *
 * My Star "being_safe", completed check-ins in January (12-15, Coventry):
 *   s1 2->3, s2 2->4, s3 3->3, s4 4->3, s5 1->2
 * plus a stopped check-in, one in progress, and one completed in February (none count).
 */
import type { AgeBand } from '../../core/ageBands';
import { CheckInRecord, LocalArea, OutcomeAnswerRecord, Step } from '../../core/records/types';
import { parsePeriod } from '../../core/reports';

export const JANUARY = parsePeriod('2026-01-01', '2026-01-31');

const day = (d: number, m = 1) => new Date(Date.UTC(2026, m - 1, d, 12)).toISOString();

function answers(uid: string, band: AgeBand, area: LocalArea | undefined, values: (number | null)[], id = '3.6', start = 3): OutcomeAnswerRecord[] {
  return values.map((v, i) => ({
    uid,
    frameworkId: id,
    answer: v as OutcomeAnswerRecord['answer'],
    at: day(start + i * 10),
    ageBand: band,
    ...(area ? { area } : {}),
  }));
}

export function fixtureAnswers(): OutcomeAnswerRecord[] {
  return [
    ...answers('u1', '12-15', 'coventry', [2, 4]),
    ...answers('u2', '12-15', 'coventry', [3, 3]),
    ...answers('u3', '12-15', 'coventry', [4, 2]),
    ...answers('u4', '12-15', 'coventry', [5]),
    ...answers('u5', '12-15', 'coventry', [1, null, 3]),
    ...answers('u6', '12-15', 'coventry', [4]),
    ...answers('v1', '8-11', 'warwickshire', [5]),
    ...answers('v2', '8-11', 'warwickshire', [2, 5]),
    ...answers('v3', '8-11', 'warwickshire', [3]),
    ...answers('w1', '16-25', undefined, [3, 4]),
    ...answers('w2', '16-25', undefined, [4, 4]),
    ...answers('w3', '16-25', undefined, [2, 4]),
    ...answers('w4', '16-25', undefined, [4]),
    ...answers('w5', '16-25', undefined, [5, 4]),
    ...answers('w6', '16-25', undefined, [4]),
    { uid: 'u1', frameworkId: '3.6', answer: 1, at: '2025-12-31T23:59:59.000Z', ageBand: '12-15', area: 'coventry' },
    { uid: 'u1', frameworkId: '3.6', answer: 5, at: '2026-02-01T00:00:00.000Z', ageBand: '12-15', area: 'coventry' },
    ...answers('x1', '12-15', 'coventry', [null]),
  ];
}

function checkIn(uid: string, n: number, step: Step, status: CheckInRecord['status'] = 'completed', d = 5 + n * 10, m = 1): CheckInRecord {
  return {
    id: `${uid}-${n}`,
    uid,
    ageBand: '12-15',
    area: 'coventry',
    startedAt: day(d, m),
    ...(status === 'completed' ? { completedAt: day(d, m) } : {}),
    status,
    answers: { being_safe: { step }, friends: { step: null } },
  };
}

export function fixtureCheckIns(): CheckInRecord[] {
  const pairs: [string, Step, Step][] = [
    ['s1', 2, 3],
    ['s2', 2, 4],
    ['s3', 3, 3],
    ['s4', 4, 3],
    ['s5', 1, 2],
  ];
  return [
    ...pairs.flatMap(([uid, a, b]) => [checkIn(uid, 0, a), checkIn(uid, 1, b)]),
    checkIn('s1', 2, 1, 'stopped'),
    checkIn('s2', 2, 1, 'in_progress'),
    checkIn('s3', 3, 5, 'completed', 2, 2),
  ];
}

/**
 * A larger hand-made set for outcome 2.3, big enough that nothing is hidden. People by LATEST answer 1..5:
 *   8-11  (Coventry):     5, 6, 7, 8, 9   = 35
 *   12-15 (Coventry):     6, 6, 6, 6, 6   = 30
 *   16-25 (Warwickshire): 5, 5,10,10,10   = 40
 * Everyone answered twice: latest 1 came from 3 (-2), latest 2 from 3 (-1), latest 3 from 3 (0),
 * latest 4 from 2 (+2), latest 5 from 2 (+3).
 */
export const B_COUNTS: Record<AgeBand, number[]> = { '8-11': [5, 6, 7, 8, 9], '12-15': [6, 6, 6, 6, 6], '16-25': [5, 5, 10, 10, 10] };
const B_FIRST = [3, 3, 3, 2, 2];
const B_AREA: Record<AgeBand, LocalArea> = { '8-11': 'coventry', '12-15': 'coventry', '16-25': 'warwickshire' };

export function fixtureB(): OutcomeAnswerRecord[] {
  const out: OutcomeAnswerRecord[] = [];
  for (const band of Object.keys(B_COUNTS) as AgeBand[]) {
    B_COUNTS[band].forEach((n, i) => {
      for (let k = 0; k < n; k++) out.push(...answers(`b-${band}-${i + 1}-${k}`, band, B_AREA[band], [B_FIRST[i], i + 1], '2.3', 4));
    });
  }
  return out;
}
