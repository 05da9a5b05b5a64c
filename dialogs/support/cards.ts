/**
 * Buttons that work the same in Web Chat and Teams: an Adaptive Card (1.5) of Action.Submit buttons
 * sent under the message text. Each button's data says what it means ({ kind: 'nav', intent }), so a
 * press and the same words typed lead to the same place.
 */
import { Activity, ActivityTypes, CardFactory } from 'botbuilder';

export interface Button {
  title: string;
  data: Record<string, unknown>;
  style?: 'positive' | 'destructive';
}

/** Teams shows at most this many actions in one action set (its host config's maxActions) and drops the rest. */
export const MAX_ACTIONS_PER_SET = 6;
const GROUP = 5;

export function buttonsCard(buttons: Button[]) {
  const actions = buttons.map((b) => ({ type: 'Action.Submit', title: b.title, data: b.data, ...(b.style ? { style: b.style } : {}) }));
  // More than Teams would show: the same buttons, in order, as several action sets in the card's body.
  const body =
    actions.length > MAX_ACTIONS_PER_SET
      ? Array.from({ length: Math.ceil(actions.length / GROUP) }, (_, i) => ({ type: 'ActionSet', actions: actions.slice(i * GROUP, (i + 1) * GROUP) }))
      : [];
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    actions: body.length ? [] : actions,
  });
}

/** A message with buttons under it. */
export function withButtons(text: string, buttons: Button[]): Partial<Activity> {
  return { type: ActivityTypes.Message, text, attachments: buttons.length ? [buttonsCard(buttons)] : [] };
}

export const nav = (intent: string, extra: Record<string, unknown> = {}) => ({ kind: 'nav', intent, ...extra });
