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
