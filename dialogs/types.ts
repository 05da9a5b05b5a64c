/** What every feature dialog is given, and how a feature plugs into the main menu. */
import type { Dialog } from 'botbuilder-dialogs';
import type { Config } from '../core/config';
import type { Logger } from '../core/logging';
import type { Store } from '../core/storage';
import type { Words } from '../core/i18n';
import type { IntentMatcher } from '../core/intents';
import type { AgeBand } from '../core/ageBands';
import type { LocalArea } from '../core/records/types';

export interface DialogDeps {
  store: Store;
  words: Words;
  log: Logger;
  config: Config;
  intents: IntentMatcher;
  /** the 24/7 routes for "if you need help now", as text for a chat message (numbers come from content/services.json) */
  help: HelpRoutes;
  /** the clock, so tests can fix the time */
  now: () => Date;
  /** optional services other features provide (set by bot/server.ts when present) */
  extras: Record<string, unknown>;
}

export interface Feature {
  /** the dialog id, also the intent id in content/intents.json that starts it (if any) */
  id: string;
  /** locale key of its menu button, e.g. 'mystar:menu.label'; omit to leave it off the menu */
  menuLabelKey?: string;
  /** menu order: lower first */
  order?: number;
  create(deps: DialogDeps): Dialog;
}

export interface HelpRoutes {
  /** The ways to get help now, from the services directory; short: without each service's notes (a repeat soon after). */
  crisisText(who: { band?: AgeBand; age?: number; area?: LocalArea }, opts?: { short?: boolean }): string;
}
