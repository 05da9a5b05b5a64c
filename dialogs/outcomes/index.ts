/** The outcome questions feature (Coventry & Warwickshire framework short form and rotating items). */
import type { Feature } from '../types';
import { OutcomesDialog, OUTCOMES_DIALOG } from './outcomesDialog';

export { OutcomesDialog, OUTCOMES_DIALOG } from './outcomesDialog';
export type { OutcomesOptions, OutcomesResult } from './outcomesDialog';

export const outcomesFeature: Feature = {
  id: OUTCOMES_DIALOG,
  menuLabelKey: 'outcomes:menu.label',
  order: 15,
  create: (deps) => new OutcomesDialog(deps),
};
