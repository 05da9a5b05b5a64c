/** One step of an activity, worded for the band: what a dialog shows on a card. */
import type { AgeBand } from '../ageBands';
import { words as sharedWords, Words } from '../i18n';
import type { Activity } from './content';

export interface SelfHelpStep {
  activityId: string;
  title: string;
  /** the activity's intro: shown with the first step */
  intro?: string;
  text: string;
  /** e.g. 'Step 2 of 5' */
  progress: string;
  index: number;
  total: number;
  isLast: boolean;
  /** show 999, 111 (mental health option) and a 24/7 listening line with this activity */
  showCrisisRoutes: boolean;
}

export function activitySteps(a: Activity, band: AgeBand, w: Words = sharedWords()): string[] {
  return w.list(`selfhelp:${a.id}.steps`, { band });
}

export function activityTitle(a: Activity, band: AgeBand, w: Words = sharedWords()): string {
  return w.t(`selfhelp:${a.id}.title`, { band });
}

export function stepCard(a: Activity, band: AgeBand, index: number, w: Words = sharedWords()): SelfHelpStep {
  const steps = activitySteps(a, band, w);
  const i = Math.max(0, Math.min(index, steps.length - 1));
  return {
    activityId: a.id,
    title: activityTitle(a, band, w),
    intro: i === 0 ? w.t(`selfhelp:${a.id}.intro`, { band }) : undefined,
    text: steps[i],
    progress: w.t('selfhelp:step_of', { n: i + 1, total: steps.length, band }),
    index: i,
    total: steps.length,
    isLast: i === steps.length - 1,
    showCrisisRoutes: a.show_crisis_routes === true,
  };
}
