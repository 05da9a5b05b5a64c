/** The signposting features: "I need help" (on the menu with the same label the built-in help had), self-help ideas, and "I'm waiting for help". */
import type { Feature } from '../types';
import { HelpDialog, HELP_DIALOG } from './helpDialog';
import { SelfHelpDialog, SELFHELP_DIALOG } from './selfHelpDialog';
import { WaitingDialog, WAITING_DIALOG } from './waitingDialog';

export const helpFeature: Feature = { id: HELP_DIALOG, menuLabelKey: 'common:menu.help', order: 1, create: (deps) => new HelpDialog(deps) };
export const selfHelpFeature: Feature = { id: SELFHELP_DIALOG, menuLabelKey: 'selfhelp:menu.label', order: 30, create: (deps) => new SelfHelpDialog(deps) };
export const waitingFeature: Feature = { id: WAITING_DIALOG, menuLabelKey: 'waiting:menu.label', order: 40, create: (deps) => new WaitingDialog(deps) };

export const signpostingFeatures: Feature[] = [helpFeature, selfHelpFeature, waitingFeature];
