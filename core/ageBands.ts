/** Age bands: the questions, words and services offered depend on them. */
export const AGE_BANDS = ['8-11', '12-15', '16-25'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const MIN_AGE = 8;
export const MAX_AGE = 25;

/** The band for an age in years, or undefined outside 8-25. */
export function bandForAge(age: number): AgeBand | undefined {
  if (!Number.isInteger(age) || age < MIN_AGE || age > MAX_AGE) return undefined;
  if (age <= 11) return '8-11';
  if (age <= 15) return '12-15';
  return '16-25';
}

/**
 * School year in England to age band: Year 3-6 are 7-11, Year 7-10 are 11-15, Year 11+ are 15-18.
 * (Year 3 starts at 7; Starling is for 8 and over, so Year 3 counts in the youngest band.)
 */
export function bandForSchoolYear(year: number): AgeBand | undefined {
  if (!Number.isInteger(year) || year < 3 || year > 13) return undefined;
  if (year <= 6) return '8-11';
  if (year <= 10) return '12-15';
  return '16-25';
}

/** A representative age for a band, for age-gated services when only the band is known. */
export function youngestAgeIn(band: AgeBand): number {
  return Number(band.split('-')[0]);
}
export function oldestAgeIn(band: AgeBand): number {
  return Number(band.split('-')[1]);
}
