/** The check-in features: first meeting / change my details, check-in, show my star, my data. */
import type { Feature } from '../types';
import { CheckInDialog, CHECKIN } from './checkInDialog';
import { FirstMeetingDialog, FIRST_MEETING } from './firstMeeting';
import { MyDataDialog, MY_DATA } from './myData';
import { ShowStarDialog, SHOW_STAR } from './showStar';

export const checkInFeature: Feature = { id: CHECKIN, menuLabelKey: 'mystar:menu.label', order: 10, create: (deps) => new CheckInDialog(deps) };
export const showStarFeature: Feature = { id: SHOW_STAR, menuLabelKey: 'mystar:menu.showstar', order: 20, create: (deps) => new ShowStarDialog(deps) };
export const myDataFeature: Feature = { id: MY_DATA, menuLabelKey: 'mystar:menu.mydata', order: 80, create: (deps) => new MyDataDialog(deps) };
export const onboardingFeature: Feature = { id: FIRST_MEETING, menuLabelKey: 'onboarding:menu.label', order: 85, create: (deps) => new FirstMeetingDialog(deps) };

/** All four, for dialogs/features.ts. */
export const checkInFeatures: Feature[] = [checkInFeature, showStarFeature, myDataFeature, onboardingFeature];
