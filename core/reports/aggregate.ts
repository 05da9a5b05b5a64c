/**
 * Raw report figures (before suppression): pure functions over check-in and outcome answer records.
 *
 * For each framework item and each My Star area, and for every group (all, each age band, each local area):
 * - people: young people with at least one answer in the period (skips do not count);
 * - answers[0..4]: those people by their LATEST answer in the period (1..5), so each person counts once and the
 *   five cells add up to `people`;
 * - travelled: people with two or more answers in the period, split by whether their latest answer is higher
 *   (improved), equal (same) or lower (worse) than their first, with the sum of (latest - first).
 * A person's group is taken from their latest answer for that measure (age band and area can change over time).
 */
import type { AgeBand } from '../ageBands';
import { Bank, loadBank } from '../outcomes/bank';
import type { OutcomeId } from '../outcomes/framework';
import { professionalSummary } from '../mystar/professional';
import { AREA_IDS, AreaId, CheckInRecord, LocalArea, OutcomeAnswerRecord } from '../records/types';
import { ALL_GROUPS, MY_STAR_AREA_LABELS } from './labels';
import { inPeriod, Period } from './period';

export interface GroupStats {
  people: number;
  answers: [number, number, number, number, number];
  travelled: { people: number; improved: number; same: number; worse: number; sumChange: number };
}

/** Young people by the suggested threshold level (1-4) of their latest completed check-in in the period. */
export interface LevelStats {
  people: number;
  levels: [number, number, number, number];
  /** people with two or more completed check-ins in the period: latest level lower (less need), same or higher */
  moved: { people: number; lower: number; same: number; higher: number };
}

export interface RawMeasure {
  kind: 'framework' | 'mystar';
  id: string;
  label: string;
  outcome?: OutcomeId;
  outcomeTitle?: string;
  /** keyed by GroupDef.key */
  groups: Record<string, GroupStats>;
}

export interface RawReport {
  period: { from: string; to: string };
  youngPeople: number;
  withOutcomeAnswers: number;
  withCheckIns: number;
  outcomeAnswerCount: number;
  checkInCount: number;
  /** area group keys ('area:coventry', 'area:not_recorded') with at least one young person in the report */
  areasPresent: string[];
  measures: RawMeasure[];
  /** suggested threshold levels, keyed by GroupDef.key */
  levels: Record<string, LevelStats>;
}

/** One person's dated answers (1-5) to one measure, with where they were at the time. */
interface Point {
  uid: string;
  at: number;
  value: number;
  band: AgeBand;
  area?: LocalArea;
}

const emptyStats = (): GroupStats => ({
  people: 0,
  answers: [0, 0, 0, 0, 0],
  travelled: { people: 0, improved: 0, same: 0, worse: 0, sumChange: 0 },
});

/** Folds dated answers into stats per group. */
export function statsFor(points: Point[]): Record<string, GroupStats> {
  const groups: Record<string, GroupStats> = Object.fromEntries(ALL_GROUPS.map((g) => [g.key, emptyStats()]));
  const byUid = new Map<string, Point[]>();
  for (const p of points) byUid.set(p.uid, [...(byUid.get(p.uid) ?? []), p]);
  for (const list of byUid.values()) {
    list.sort((a, b) => a.at - b.at);
    const first = list[0];
    const latest = list[list.length - 1];
    const keys = ['all', `band:${latest.band}`, `area:${latest.area ?? 'not_recorded'}`];
    for (const k of keys) {
      const g = groups[k];
      if (!g) continue;
      g.people++;
      g.answers[latest.value - 1]++;
      if (list.length >= 2) {
        const change = latest.value - first.value;
        g.travelled.people++;
        g.travelled.sumChange += change;
        if (change > 0) g.travelled.improved++;
        else if (change < 0) g.travelled.worse++;
        else g.travelled.same++;
      }
    }
  }
  return groups;
}

const valid = (v: unknown): v is 1 | 2 | 3 | 4 | 5 => v === 1 || v === 2 || v === 3 || v === 4 || v === 5;

/** Completed check-ins in the period; the time of a check-in is when it was completed. */
export function completedInPeriod(checkIns: readonly CheckInRecord[], period: Period): CheckInRecord[] {
  return checkIns.filter((c) => c.status === 'completed' && inPeriod(c.completedAt ?? c.startedAt, period));
}

export function answersInPeriod(answers: readonly OutcomeAnswerRecord[], period: Period): OutcomeAnswerRecord[] {
  return answers.filter((a) => inPeriod(a.at, period));
}

const completedTime = (c: CheckInRecord) => Date.parse(c.completedAt ?? c.startedAt);

/**
 * Young people by the suggested threshold level of their latest completed check-in in the period, and the move
 * from their first to their latest level in the period. Each level is worked out by professionalSummary (the same
 * rule the duty worker sees), comparing a check-in with the same person's previous completed check-in among the
 * records given (an earlier one before the period counts when it is given). Nothing is stored.
 */
export function levelStats(allCheckIns: readonly CheckInRecord[], inPeriod: readonly CheckInRecord[]): Record<string, LevelStats> {
  const groups: Record<string, LevelStats> = Object.fromEntries(
    ALL_GROUPS.map((g) => [g.key, { people: 0, levels: [0, 0, 0, 0], moved: { people: 0, lower: 0, same: 0, higher: 0 } }]),
  );
  const history = new Map<string, CheckInRecord[]>();
  for (const c of allCheckIns) if (c.status === 'completed') history.set(c.uid, [...(history.get(c.uid) ?? []), c]);
  for (const list of history.values()) list.sort((a, b) => completedTime(a) - completedTime(b));
  const levelOf = (c: CheckInRecord) => {
    const list = history.get(c.uid) ?? [c];
    const i = list.findIndex((x) => x.id === c.id);
    return professionalSummary(c, i > 0 ? list[i - 1] : undefined).level;
  };
  const byUid = new Map<string, CheckInRecord[]>();
  for (const c of inPeriod) byUid.set(c.uid, [...(byUid.get(c.uid) ?? []), c]);
  for (const list of byUid.values()) {
    list.sort((a, b) => completedTime(a) - completedTime(b));
    const latest = list[list.length - 1];
    const level = levelOf(latest);
    const first = list.length >= 2 ? levelOf(list[0]) : undefined;
    for (const k of ['all', `band:${latest.ageBand}`, `area:${latest.area ?? 'not_recorded'}`]) {
      const g = groups[k];
      if (!g) continue;
      g.people++;
      g.levels[level - 1]++;
      if (first !== undefined) {
        g.moved.people++;
        if (level < first) g.moved.lower++;
        else if (level > first) g.moved.higher++;
        else g.moved.same++;
      }
    }
  }
  return groups;
}

export function buildRawReport(input: {
  checkIns: readonly CheckInRecord[];
  answers: readonly OutcomeAnswerRecord[];
  period: Period;
  bank?: Bank;
  /** completed check-ins before the period, used only as "last time" for threshold levels */
  earlierCheckIns?: readonly CheckInRecord[];
}): RawReport {
  const bank = input.bank ?? loadBank();
  const checkIns = completedInPeriod(input.checkIns, input.period);
  const answers = answersInPeriod(input.answers, input.period);

  const measures: RawMeasure[] = [];
  for (const item of bank.items) {
    const points: Point[] = answers
      .filter((a) => a.frameworkId === item.id && valid(a.answer))
      .map((a) => ({ uid: a.uid, at: Date.parse(a.at), value: a.answer as number, band: a.ageBand, area: a.area }));
    measures.push({
      kind: 'framework',
      id: item.id,
      label: item.label,
      outcome: item.outcome,
      outcomeTitle: bank.outcomes.find((o) => o.id === item.outcome)?.title,
      groups: statsFor(points),
    });
  }
  for (const area of AREA_IDS as readonly AreaId[]) {
    const points: Point[] = [];
    for (const c of checkIns) {
      const step = c.answers[area]?.step;
      if (valid(step)) points.push({ uid: c.uid, at: Date.parse(c.completedAt ?? c.startedAt), value: step, band: c.ageBand, area: c.area });
    }
    measures.push({ kind: 'mystar', id: area, label: MY_STAR_AREA_LABELS[area], groups: statsFor(points) });
  }

  const levels = levelStats([...(input.earlierCheckIns ?? []), ...input.checkIns], checkIns);
  const areaKeys = new Set<string>();
  for (const [k, g] of Object.entries(levels)) if (k.startsWith('area:') && g.people > 0) areaKeys.add(k);
  for (const m of measures) for (const [k, g] of Object.entries(m.groups)) if (k.startsWith('area:') && g.people > 0) areaKeys.add(k);
  const withAnswers = new Set(answers.filter((a) => valid(a.answer)).map((a) => a.uid));
  const withCheckIns = new Set(checkIns.map((c) => c.uid));
  return {
    period: { from: input.period.from, to: input.period.to },
    youngPeople: new Set([...withAnswers, ...withCheckIns]).size,
    withOutcomeAnswers: withAnswers.size,
    withCheckIns: withCheckIns.size,
    outcomeAnswerCount: answers.filter((a) => valid(a.answer)).length,
    checkInCount: checkIns.length,
    areasPresent: ALL_GROUPS.filter((g) => areaKeys.has(g.key)).map((g) => g.key),
    measures,
    levels,
  };
}
