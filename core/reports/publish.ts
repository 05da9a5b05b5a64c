/**
 * Turns raw figures into the published report: every number a commissioner sees has been through suppression.
 * Renderers (csv, json, html) only ever see a PublishedReport.
 */
import { ALL_GROUP, ALL_GROUPS, AREA_GROUPS, BAND_GROUPS, GroupDef, GroupType } from './labels';
import type { LevelStats, RawMeasure, RawReport } from './aggregate';
import { THRESHOLD_LABEL, THRESHOLD_LEVEL_NAMES, THRESHOLD_LEVELS, THRESHOLD_NOTE } from './labels';
import { averageCell, Cell, countCell, Line, protect } from './suppress';

export interface PublishedGroup {
  groupType: GroupType;
  group: string;
  label: string;
  people: Cell;
  /** young people by latest answer 1..5 */
  answers: [Cell, Cell, Cell, Cell, Cell];
  travelled: { people: Cell; improved: Cell; same: Cell; worse: Cell; averageChange: Cell };
}

export interface PublishedMeasure {
  kind: 'framework' | 'mystar';
  id: string;
  label: string;
  outcome?: number;
  outcomeTitle?: string;
  groups: PublishedGroup[];
}

export interface PublishedLevelGroup {
  groupType: GroupType;
  group: string;
  label: string;
  people: Cell;
  /** young people by the suggested level (1..4) of their latest completed check-in */
  levels: [Cell, Cell, Cell, Cell];
  /** people with 2+ completed check-ins: latest level lower (less need), the same, or higher than their first */
  moved: { people: Cell; lower: Cell; same: Cell; higher: Cell };
}

export interface PublishedLevels {
  label: string;
  note: string;
  levelNames: { level: number; name: string }[];
  groups: PublishedLevelGroup[];
}

export interface PublishedReport {
  title: string;
  period: { from: string; to: string };
  generatedAt: string;
  empty: boolean;
  note?: string;
  summary: { youngPeople: Cell; withOutcomeAnswers: Cell; withCheckIns: Cell; outcomeAnswers: Cell; checkIns: Cell };
  measures: PublishedMeasure[];
  /** suggested Buckinghamshire threshold levels from My Star check-ins (groups empty when the report is empty) */
  thresholdLevels: PublishedLevels;
  legend: Record<string, string>;
  suppressionRule: string;
}

export const LEGEND: Record<string, string> = {
  '<5': 'fewer than 5 young people (0 to 4), hidden so nobody can be identified',
  c: 'hidden so that a "<5" figure cannot be worked out by subtraction from a total',
};

export const SUPPRESSION_RULE =
  'Any figure counting fewer than 5 young people, or worked out from fewer than 5 (an average), is shown as "<5". ' +
  'Where the cells of a row or column add up to a shown total, more cells (shown as "c") or the total are hidden until ' +
  'no "<5" figure can be worked out or narrowed down by subtraction. Local areas with no young people at all in the period are left out.';

const ANSWER_COLS = ['a1', 'a2', 'a3', 'a4', 'a5'] as const;
const TRAVEL_COLS = ['t_improved', 't_same', 't_worse'] as const;
const COLS = [...ANSWER_COLS, 'people', ...TRAVEL_COLS, 't_people'] as const;

const cellKey = (group: string, col: string) => `${group}|${col}`;

/**
 * The groups shown: all, the three age bands, and the local areas that have at least one young person anywhere in
 * the report (an area nobody in the period came from is left out rather than shown as a row of "<5").
 */
export function shownGroups(areasPresent: readonly string[]): GroupDef[] {
  return [ALL_GROUP, ...BAND_GROUPS, ...AREA_GROUPS.filter((g) => areasPresent.includes(g.key))];
}

/** The additive lines of one measure's table. */
export function measureLines(groups: readonly GroupDef[] = ALL_GROUPS): Line[] {
  const lines: Line[] = [];
  const bands = groups.filter((g) => g.type === 'age_band');
  const areas = groups.filter((g) => g.type === 'area');
  for (const g of groups) {
    lines.push({ parts: ANSWER_COLS.map((c) => cellKey(g.key, c)), total: cellKey(g.key, 'people') });
    lines.push({ parts: TRAVEL_COLS.map((c) => cellKey(g.key, c)), total: cellKey(g.key, 't_people') });
  }
  for (const col of COLS) {
    lines.push({ parts: bands.map((g) => cellKey(g.key, col)), total: cellKey(ALL_GROUP.key, col) });
    if (areas.length > 0) lines.push({ parts: areas.map((g) => cellKey(g.key, col)), total: cellKey(ALL_GROUP.key, col) });
  }
  return lines;
}

export function publishMeasure(m: RawMeasure, groups: readonly GroupDef[] = ALL_GROUPS): PublishedMeasure {
  const values = new Map<string, number>();
  for (const g of groups) {
    const s = m.groups[g.key];
    ANSWER_COLS.forEach((c, i) => values.set(cellKey(g.key, c), s.answers[i]));
    values.set(cellKey(g.key, 'people'), s.people);
    values.set(cellKey(g.key, 't_improved'), s.travelled.improved);
    values.set(cellKey(g.key, 't_same'), s.travelled.same);
    values.set(cellKey(g.key, 't_worse'), s.travelled.worse);
    values.set(cellKey(g.key, 't_people'), s.travelled.people);
  }
  const cells = protect(values, measureLines(groups));
  const get = (g: string, c: string) => cells.get(cellKey(g, c)) as Cell;
  return {
    kind: m.kind,
    id: m.id,
    label: m.label,
    ...(m.outcome !== undefined ? { outcome: m.outcome, outcomeTitle: m.outcomeTitle } : {}),
    groups: groups.map((g) => {
      const s = m.groups[g.key];
      const tPeople = get(g.key, 't_people');
      return {
        groupType: g.type,
        group: g.value,
        label: g.label,
        people: get(g.key, 'people'),
        answers: ANSWER_COLS.map((c) => get(g.key, c)) as PublishedGroup['answers'],
        travelled: {
          people: tPeople,
          improved: get(g.key, 't_improved'),
          same: get(g.key, 't_same'),
          worse: get(g.key, 't_worse'),
          averageChange: averageCell(s.travelled.sumChange, tPeople, s.travelled.people),
        },
      };
    }),
  };
}

const LEVEL_COLS = ['l1', 'l2', 'l3', 'l4'] as const;
const MOVE_COLS = ['m_lower', 'm_same', 'm_higher'] as const;

/** The additive lines of the level table: the same shape as a measure's, with four level cells. */
export function levelLines(groups: readonly GroupDef[] = ALL_GROUPS): Line[] {
  const lines: Line[] = [];
  const bands = groups.filter((g) => g.type === 'age_band');
  const areas = groups.filter((g) => g.type === 'area');
  for (const g of groups) {
    lines.push({ parts: LEVEL_COLS.map((c) => cellKey(g.key, c)), total: cellKey(g.key, 'people') });
    lines.push({ parts: MOVE_COLS.map((c) => cellKey(g.key, c)), total: cellKey(g.key, 'm_people') });
  }
  for (const col of [...LEVEL_COLS, 'people', ...MOVE_COLS, 'm_people']) {
    lines.push({ parts: bands.map((g) => cellKey(g.key, col)), total: cellKey(ALL_GROUP.key, col) });
    if (areas.length > 0) lines.push({ parts: areas.map((g) => cellKey(g.key, col)), total: cellKey(ALL_GROUP.key, col) });
  }
  return lines;
}

export function publishLevels(levels: Record<string, LevelStats>, groups: readonly GroupDef[] = ALL_GROUPS): PublishedLevels {
  const values = new Map<string, number>();
  for (const g of groups) {
    const s = levels[g.key];
    LEVEL_COLS.forEach((c, i) => values.set(cellKey(g.key, c), s.levels[i]));
    values.set(cellKey(g.key, 'people'), s.people);
    values.set(cellKey(g.key, 'm_lower'), s.moved.lower);
    values.set(cellKey(g.key, 'm_same'), s.moved.same);
    values.set(cellKey(g.key, 'm_higher'), s.moved.higher);
    values.set(cellKey(g.key, 'm_people'), s.moved.people);
  }
  const cells = protect(values, levelLines(groups));
  const get = (g: string, c: string) => cells.get(cellKey(g, c)) as Cell;
  return {
    label: THRESHOLD_LABEL,
    note: THRESHOLD_NOTE,
    levelNames: THRESHOLD_LEVELS.map((level) => ({ level, name: THRESHOLD_LEVEL_NAMES[level] })),
    groups: groups.map((g) => ({
      groupType: g.type,
      group: g.value,
      label: g.label,
      people: get(g.key, 'people'),
      levels: LEVEL_COLS.map((c) => get(g.key, c)) as PublishedLevelGroup['levels'],
      moved: { people: get(g.key, 'm_people'), lower: get(g.key, 'm_lower'), same: get(g.key, 'm_same'), higher: get(g.key, 'm_higher') },
    })),
  };
}

export function publishReport(raw: RawReport, now: Date = new Date()): PublishedReport {
  const empty = raw.youngPeople === 0;
  return {
    title: 'Starling: Coventry & Warwickshire outcomes and My Star report',
    period: raw.period,
    generatedAt: now.toISOString(),
    empty,
    ...(empty
      ? { note: `No outcome answers or completed My Star check-ins between ${raw.period.from} and ${raw.period.to}.` }
      : {}),
    summary: {
      youngPeople: countCell(raw.youngPeople),
      withOutcomeAnswers: countCell(raw.withOutcomeAnswers),
      withCheckIns: countCell(raw.withCheckIns),
      outcomeAnswers: countCell(raw.outcomeAnswerCount),
      checkIns: countCell(raw.checkInCount),
    },
    measures: empty ? [] : raw.measures.map((m) => publishMeasure(m, shownGroups(raw.areasPresent))),
    thresholdLevels: empty
      ? { ...publishLevels(raw.levels, []), groups: [] }
      : publishLevels(raw.levels, shownGroups(raw.areasPresent)),
    legend: LEGEND,
    suppressionRule: SUPPRESSION_RULE,
  };
}
