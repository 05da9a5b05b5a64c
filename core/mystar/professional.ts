/**
 * The summary for professionals (escalation and reports): steps per area, change since last time,
 * the areas at the lowest steps, and a SUGGESTED Buckinghamshire threshold level (1-4) with the plain
 * reasons that led to it. Professionals decide; the young person never sees a level.
 *
 * Rules (from the young person's own answers only; the first that applies sets the level):
 *   Level 4  feeling safe at step 1; or home at step 1 while feeling safe is at step 1-2.
 *   Level 3  three or more areas at step 1-2; or two or more at step 1; or feeling safe at step 2.
 *   Level 2  any area at step 1-2; or any area down by 2 or more steps since the last check-in.
 *   Level 1  otherwise.
 * Free-text disclosures are handled by the safety checks on every message, not here.
 */
import type { AgeBand } from '../ageBands';
import { words as defaultWords, Words } from '../i18n';
import { AREA_IDS, AreaId, CheckInRecord, LocalArea, Step } from '../records/types';
import { AreaChange, compare } from './compare';
import { areaName } from './labels';

export type ThresholdLevel = 1 | 2 | 3 | 4;

export type ReasonCode =
  | 'safeRed'
  | 'homeRedSafeLow'
  | 'safeOrange'
  | 'manyLow'
  | 'twoRed'
  | 'someLow'
  | 'bigDrop'
  | 'allOk'
  | 'safeSkipped'
  | 'fewAnswers';

export interface Reason {
  code: ReasonCode;
  /** the level this reason supports (notes that do not change the level have none) */
  level?: ThresholdLevel;
  text: string;
}

export interface ProfessionalSummary {
  checkInId: string;
  uid: string;
  ageBand: AgeBand;
  localArea?: LocalArea;
  at: string;
  status: CheckInRecord['status'];
  steps: Record<AreaId, Step | null>;
  changes: AreaChange[];
  /** areas at step 1 or 2, lowest first */
  lowest: { area: AreaId; step: Step }[];
  answered: number;
  level: ThresholdLevel;
  levelName: string;
  reasons: Reason[];
  /** notes that do not change the level (skipped "feeling safe", few answers) */
  notes: Reason[];
  disclaimer: string;
  hasPlan: boolean;
}

export function professionalSummary(cur: CheckInRecord, prev?: CheckInRecord, words: Words = defaultWords()): ProfessionalSummary {
  const name = (a: AreaId) => areaName(words, a); // professionals read the plain (16-25) names
  const t = (code: ReasonCode, vars: Record<string, unknown> = {}) => words.t(`mystar:pro.reason.${code}`, vars);
  const steps = Object.fromEntries(AREA_IDS.map((a) => [a, cur.answers[a]?.step ?? null])) as Record<AreaId, Step | null>;
  const answered = AREA_IDS.filter((a) => steps[a] !== null);
  const low = answered
    .filter((a) => (steps[a] as Step) <= 2)
    .map((area) => ({ area, step: steps[area] as Step }))
    .sort((x, y) => x.step - y.step || AREA_IDS.indexOf(x.area) - AREA_IDS.indexOf(y.area));
  const red = low.filter((l) => l.step === 1);
  const changes = compare(prev, cur).areas;
  const drops = changes.filter((c) => c.movement === 'down' && c.by <= -2);
  const list = (xs: { area: AreaId }[]) => xs.map((x) => name(x.area)).join(', ');

  const reasons: Reason[] = [];
  const safe = steps.being_safe;
  const home = steps.where_you_live;
  if (safe === 1) reasons.push({ code: 'safeRed', level: 4, text: t('safeRed') });
  if (home === 1 && safe !== null && safe <= 2) reasons.push({ code: 'homeRedSafeLow', level: 4, text: t('homeRedSafeLow', { safe }) });
  if (low.length >= 3) reasons.push({ code: 'manyLow', level: 3, text: t('manyLow', { n: low.length, areas: list(low) }) });
  if (red.length >= 2) reasons.push({ code: 'twoRed', level: 3, text: t('twoRed', { n: red.length, areas: list(red) }) });
  if (safe === 2) reasons.push({ code: 'safeOrange', level: 3, text: t('safeOrange') });
  if (low.length > 0 && low.length < 3) reasons.push({ code: 'someLow', level: 2, text: t('someLow', { areas: list(low) }) });
  for (const d of drops) {
    reasons.push({ code: 'bigDrop', level: 2, text: t('bigDrop', { area: name(d.area), by: -d.by, from: d.from, to: d.to }) });
  }
  const level = Math.max(1, ...reasons.map((r) => r.level ?? 1)) as ThresholdLevel;
  if (!reasons.length) reasons.push({ code: 'allOk', level: 1, text: t('allOk') });

  const notes: Reason[] = [];
  if (safe === null) notes.push({ code: 'safeSkipped', text: t('safeSkipped') });
  if (answered.length < 4) notes.push({ code: 'fewAnswers', text: t('fewAnswers', { n: answered.length }) });

  return {
    checkInId: cur.id,
    uid: cur.uid,
    ageBand: cur.ageBand,
    ...(cur.area ? { localArea: cur.area } : {}),
    at: cur.completedAt ?? cur.startedAt,
    status: cur.status,
    steps,
    changes,
    lowest: low,
    answered: answered.length,
    level,
    levelName: words.t(`mystar:pro.levelName.${level}`),
    // strongest reasons first
    reasons: reasons.sort((a, b) => (b.level ?? 0) - (a.level ?? 0)),
    notes,
    disclaimer: words.t('mystar:pro.disclaimer'),
    hasPlan: !!cur.plan,
  };
}
