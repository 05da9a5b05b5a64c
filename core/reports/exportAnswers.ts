/**
 * Data export for the provider's own analysis: one CSV row per outcome answer (or skip) in the period.
 * People appear only under a pseudonym (a one-way hash of the stored pseudonymous uid), and the free-text
 * comment itself is never exported, only whether there was one.
 */
import { createHash } from 'node:crypto';
import { outcomeOf } from '../outcomes/framework';
import type { OutcomeAnswerRecord } from '../records/types';
import { csvTable } from './csvCells';
import { inPeriod, Period } from './period';

export const EXPORT_HEADER = [
  'person',
  'age_band',
  'area',
  'framework_id',
  'outcome',
  'answer',
  'skipped',
  'answered_at',
  'after_check_in',
  'has_comment',
] as const;

/** A stable pseudonym for export: the same young person gets the same one in every export. */
export function exportPseudonym(uid: string): string {
  return 'p_' + createHash('sha256').update(`starling-export:${uid}`).digest('hex').slice(0, 16);
}

export function renderAnswersCsv(answers: readonly OutcomeAnswerRecord[], period: Period): string {
  const rows = answers
    .filter((a) => inPeriod(a.at, period))
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.frameworkId.localeCompare(b.frameworkId))
    .map((a) => [
      exportPseudonym(a.uid),
      a.ageBand,
      a.area ?? 'not_recorded',
      a.frameworkId,
      outcomeOf(a.frameworkId) ?? '',
      a.answer ?? '',
      a.answer === null ? 'yes' : 'no',
      new Date(Date.parse(a.at)).toISOString(),
      a.checkInId ? 'yes' : 'no',
      a.comment && a.comment.trim() ? 'yes' : 'no',
    ]);
  return csvTable(EXPORT_HEADER, rows);
}
