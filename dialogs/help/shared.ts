/** What the help, self-help and waiting dialogs share: the services directory, who is asking, and small input helpers. */
import type { TurnContext } from 'botbuilder';
import type { AgeBand } from '../../core/ageBands';
import type { TurnInput } from '../../core/input';
import { normalisePhrase } from '../../core/intents';
import type { LocalArea } from '../../core/records/types';
import { loadDirectory, type Directory } from '../../core/services';
import { profileOf } from '../support/profile';
import type { DialogDeps } from '../types';

let cached: Directory | undefined;

/** The directory bot/server.ts loaded (extras.directory), or one loaded here (not strict: a bad entry drops out, the Tier-1 fail-safe stays). */
export function directoryOf(deps: DialogDeps): Directory {
  const given = deps.extras.directory as Directory | undefined;
  if (given) return given;
  if (!cached) {
    cached = loadDirectory({ now: deps.now(), strict: false });
    for (const w of cached.warnings) deps.log.warn({ directory: true }, w);
  }
  return cached;
}

export interface Who {
  band?: AgeBand;
  age?: number;
  area?: LocalArea;
}

export async function whoIs(ctx: TurnContext, deps: DialogDeps): Promise<Who> {
  const p = await profileOf(ctx, deps.store);
  return { band: p?.ageBand, age: p?.age, area: p?.area };
}

/** The card submission if it is of this kind. */
export function valueOfKind(input: TurnInput | undefined, kind: string): Record<string, unknown> | undefined {
  const v = input?.value;
  return v && v.kind === kind ? v : undefined;
}

/** True when the typed text is one of these phrases (case, punctuation and spacing ignored). */
export function saidOneOf(input: TurnInput | undefined, phrases: string[]): boolean {
  const n = normalisePhrase(input?.text ?? '');
  return n.length > 0 && phrases.some((p) => normalisePhrase(p) === n);
}

export const YES = ['yes', 'yes please', 'yeah', 'yep', 'y', 'ok', 'okay', 'sure', 'go on'];
export const NO = ['no', 'no thanks', 'nope', 'n', 'not now', 'no thank you'];
