/**
 * What the young person reads after a check-in and for "show my star": the intro, what moved up or
 * down in plain words, a thank-you that names a strength, and the trend over several check-ins.
 */
import type { AgeBand } from '../ageBands';
import type { Words } from '../i18n';
import { AREA_IDS, AreaId, CheckInRecord } from '../records/types';
import { compare, describeChanges } from './compare';
import { areaName } from './labels';

const MAX_STRENGTH_QUOTE = 120;

/** Thanks that names a strength: their own "going well" words, else their highest area, else a plain thanks. */
export function thanksLine(cur: CheckInRecord, words: Words, band?: AgeBand): string {
  const own = cur.strengths?.replace(/\s+/g, ' ').trim();
  if (own) {
    const strength = own.length > MAX_STRENGTH_QUOTE ? `${own.slice(0, MAX_STRENGTH_QUOTE - 1)}…` : own;
    return words.t('mystar:summary.thanksStrength', { band, strength });
  }
  const best = AREA_IDS.filter((a) => (cur.answers[a]?.step ?? 0) >= 4).sort(
    (x, y) => (cur.answers[y]!.step as number) - (cur.answers[x]!.step as number),
  )[0];
  if (best) return words.t('mystar:summary.thanksArea', { band, area: areaName(words, best, band) });
  return words.t('mystar:summary.thanksPlain', { band });
}

export interface SummaryText {
  intro: string;
  changes: string[];
  thanks: string;
}

export function summaryText(cur: CheckInRecord, prev: CheckInRecord | undefined, words: Words, band?: AgeBand): SummaryText {
  return {
    intro: words.t(prev ? 'mystar:summary.introWithPrevious' : 'mystar:summary.intro', { band }),
    changes: describeChanges(compare(prev, cur), words, band),
    thanks: thanksLine(cur, words, band),
  };
}

/** One line per area over the check-ins given (oldest first): "Friends: 2 → 3 → 4". */
export function trendLines(history: CheckInRecord[], words: Words, band?: AgeBand): string[] {
  if (history.length < 2) return [words.t('mystar:showStar.trendNone', { band })];
  const skipped = words.t('mystar:showStar.skippedMark', { band });
  return AREA_IDS.map((a: AreaId) =>
    words.t('mystar:showStar.trendLine', {
      band,
      area: areaName(words, a, band),
      steps: history.map((r) => r.answers[a]?.step ?? skipped).join(' → '),
    }),
  );
}
