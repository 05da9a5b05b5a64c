/** Labels commissioners read in reports (not words for young people). */
import { AGE_BANDS, AgeBand } from '../ageBands';
import { AREA_IDS, AreaId, LOCAL_AREAS, LocalArea } from '../records/types';

export const MY_STAR_AREA_LABELS: Record<AreaId, string> = {
  being_safe: 'Being safe',
  confidence: 'Confidence',
  physical_health: 'Physical health',
  friends: 'Friends',
  where_you_live: 'Where they live',
  education: 'School, college and learning',
  feelings_behaviour: 'Feelings and behaviour',
  relationships: 'Family relationships',
};

export const LOCAL_AREA_LABELS: Record<LocalArea | 'not_recorded', string> = {
  coventry: 'Coventry',
  warwickshire: 'Warwickshire',
  buckinghamshire: 'Buckinghamshire',
  milton_keynes: 'Milton Keynes',
  elsewhere: 'Elsewhere',
  not_recorded: 'Area not recorded',
};

export type GroupType = 'all' | 'age_band' | 'area';
export interface GroupDef {
  key: string;
  type: GroupType;
  value: string;
  label: string;
}

export const ALL_GROUP: GroupDef = { key: 'all', type: 'all', value: 'all', label: 'All young people' };
export const BAND_GROUPS: GroupDef[] = AGE_BANDS.map((b: AgeBand) => ({ key: `band:${b}`, type: 'age_band', value: b, label: `Age ${b}` }));
export const AREA_GROUPS: GroupDef[] = [...LOCAL_AREAS, 'not_recorded' as const].map((a) => ({
  key: `area:${a}`,
  type: 'area',
  value: a,
  label: LOCAL_AREA_LABELS[a],
}));
export const ALL_GROUPS: GroupDef[] = [ALL_GROUP, ...BAND_GROUPS, ...AREA_GROUPS];

export { AREA_IDS };

/** The suggested threshold level section (from My Star check-ins, by core/mystar/professional.ts). */
export const THRESHOLD_LEVELS = [1, 2, 3, 4] as const;
export const THRESHOLD_LABEL =
  'Suggested level of need (Buckinghamshire thresholds, 1 = universal services to 4 = acute / child protection, statutory)';
/** The four levels as the Buckinghamshire Threshold Document names them (seeds 000 and 001). */
export const THRESHOLD_LEVEL_NAMES: Record<1 | 2 | 3 | 4, string> = {
  1: 'Level 1: universal services',
  2: 'Level 2: additional support (early help, single agency)',
  3: 'Level 3: complex needs (multi-agency support)',
  4: 'Level 4: acute / child protection (statutory intervention)',
};
export const THRESHOLD_NOTE =
  "This level is a suggestion worked out from the young person's own My Star check-in answers, for professionals. " +
  'It is not an assessment: a professional decides the level of need.';
