/**
 * The features on Starling's menu. Each feature adds one import and one entry here (see dialogs/README.md).
 */
import type { Feature } from './types';
import { checkInFeatures } from './checkin';
import { outcomesFeature } from './outcomes';
import { signpostingFeatures } from './help';

export const features: Feature[] = [
  ...checkInFeatures,
  outcomesFeature,
  ...signpostingFeatures,
];
