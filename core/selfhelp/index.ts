/** Self-help: activities by My Star area and age band, one step at a time, and what helped (plain TypeScript). */
export type { Activity } from './content';
export { activities, loadActivities, SELFHELP_FILE } from './content';
export type { PickOptions } from './pick';
export { pickActivities, rankActivities, activityById, helpedBefore } from './pick';
export type { SelfHelpFeedback } from './feedback';
export { recordFeedback, feedbackFor, selfHelpUserData } from './feedback';
export type { SelfHelpStep } from './card';
export { stepCard, activitySteps, activityTitle } from './card';
