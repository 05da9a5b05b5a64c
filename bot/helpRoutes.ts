/** "If you need help now" text, built from the services directory at the time of asking. */
import { crisisRoutes, Directory, formatRoutes } from '../core/services';
import type { HelpRoutes } from '../dialogs/types';

export function createHelpRoutes(directory: Directory, now: () => Date = () => new Date()): HelpRoutes {
  return {
    crisisText: (who, opts) => formatRoutes(crisisRoutes(directory, { now: now(), ...who }), who.band, opts),
  };
}
