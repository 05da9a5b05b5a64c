/** The commissioner report as one tidy CSV table: a few summary rows, then one row per measure and group. */
import type { PublishedReport } from './publish';
import { csvTable } from './csvCells';

export const REPORT_CSV_HEADER = [
  'section',
  'measure_type',
  'measure_id',
  'measure_label',
  'outcome',
  'outcome_title',
  'group_type',
  'group',
  'young_people',
  'answer_1',
  'answer_2',
  'answer_3',
  'answer_4',
  'answer_5',
  'people_with_2_or_more_answers',
  'improved',
  'same',
  'worse',
  'average_change',
  'level_1',
  'level_2',
  'level_3',
  'level_4',
  'people_with_2_or_more_check_ins',
  'level_lower',
  'level_same',
  'level_higher',
] as const;

export function renderCsv(r: PublishedReport): string {
  const pad = (n: number) => Array<string>(n).fill('');
  const summary = (id: string, label: string, value: unknown = '') =>
    ['summary', 'summary', id, label, '', '', 'all', 'all', value, ...pad(18)];
  const rows: unknown[][] = [
    summary('period', `From ${r.period.from} to ${r.period.to} (UTC, both days included)`),
    summary('young_people', 'Young people with an outcome answer or a completed My Star check-in', r.summary.youngPeople),
    summary('with_outcome_answers', 'Young people who answered outcome questions', r.summary.withOutcomeAnswers),
    summary('with_check_ins', 'Young people who completed a My Star check-in', r.summary.withCheckIns),
    summary('outcome_answers', 'Outcome answers given (not people)', r.summary.outcomeAnswers),
    summary('check_ins', 'My Star check-ins completed (not people)', r.summary.checkIns),
  ];
  if (r.empty) rows.push(summary('note', r.note ?? 'No data in this period'));
  rows.push(summary('rule', `Suppression: ${r.suppressionRule}`));
  for (const m of r.measures) {
    for (const g of m.groups) {
      rows.push([
        'measure',
        m.kind,
        m.id,
        m.label,
        m.outcome ?? '',
        m.outcomeTitle ?? '',
        g.groupType,
        g.group,
        g.people,
        ...g.answers,
        g.travelled.people,
        g.travelled.improved,
        g.travelled.same,
        g.travelled.worse,
        g.travelled.averageChange,
        ...pad(8),
      ]);
    }
  }
  const t = r.thresholdLevels;
  rows.push(summary('threshold_note', t.note));
  for (const n of t.levelNames) rows.push(summary(`threshold_level_${n.level}`, n.name));
  for (const g of t.groups) {
    rows.push([
      'threshold_level',
      'threshold_level',
      'suggested_level',
      t.label,
      '',
      '',
      g.groupType,
      g.group,
      g.people,
      ...pad(10),
      ...g.levels,
      g.moved.people,
      g.moved.lower,
      g.moved.same,
      g.moved.higher,
    ]);
  }
  return csvTable(REPORT_CSV_HEADER, rows);
}
