/** Small helpers shared by the check-in dialogs: sending a card, reading a turn, the young person's uid and band. */
import { Activity, ActivityTypes, CardFactory, TurnContext } from 'botbuilder';
import type { AgeBand } from '../../core/ageBands';
import type { AdaptiveCard } from '../../core/mystar/cards';
import { parseCardSubmission, CardSubmission } from '../../core/mystar/cards';
import type { TurnInput } from '../../core/input';
import { readTurnInput } from '../../core/input';
import type { Profile } from '../../core/records/types';
import { getProfile } from '../../core/profile/profiles';
import { userUid } from '../../bot/turnState';
import { forgetProfileCache } from '../support/profile';
import type { DialogDeps } from '../types';

/** A message whose only content is an Adaptive Card (with optional text above it). */
export function cardMessage(card: AdaptiveCard, text?: string): Partial<Activity> {
  return { type: ActivityTypes.Message, ...(text ? { text } : {}), attachments: [CardFactory.adaptiveCard(card)] };
}

export function inputOf(ctx: TurnContext): TurnInput {
  return readTurnInput(ctx.activity.text, ctx.activity.value);
}

/** The card submission in this turn, if it is one of ours and well formed. */
export function submissionOf(input: TurnInput | undefined): CardSubmission | undefined {
  return input?.value ? parseCardSubmission(input.value) : undefined;
}

export async function freshProfile(ctx: TurnContext, deps: DialogDeps): Promise<Profile | undefined> {
  forgetProfileCache(ctx);
  return getProfile(deps.store, userUid(ctx));
}

export interface Who {
  uid: string;
  band: AgeBand;
}

export const YES = /^(y|yes|yeah|yep|yup|ok|okay|sure|go on|please|yes please|alright|carry on|continue|ya|yh)$/i;
export const NO = /^(n|no|nope|nah|no thanks|not now|no thank you|maybe later|later|skip)$/i;

export function tidy(text: string): string {
  return text.toLowerCase().replace(/[!.?,'’]/g, '').replace(/\s+/g, ' ').trim();
}
