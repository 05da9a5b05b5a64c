/**
 * The Adaptive Card a duty team sees in its Teams channel: level, category, reasons, excerpt, age band,
 * time, and the buttons Acknowledge, Take over and Resolve (with a note). Plain JSON, no botbuilder:
 * the bot side wraps it with CardFactory.adaptiveCard and sends it proactively.
 *
 * Every action carries `{ starling: 'alert', action, alertId }` in its data, for Action.Execute (invoke
 * "adaptiveCard/action", verb = "starling.alert.<action>") and Action.Submit alike. The words here are
 * read by staff, not young people.
 */
import type { DeliveryAttempt, DeliveryRoute } from './routes';
import type { AlertState, AlertView } from './types';

export type AlertAction = 'acknowledge' | 'take_over' | 'resolve';
export const ALERT_ACTIONS: readonly AlertAction[] = ['acknowledge', 'take_over', 'resolve'];
export const ACTION_VERB_PREFIX = 'starling.alert.';

export interface AlertActionData {
  starling: 'alert';
  action: AlertAction;
  alertId: string;
  note?: string;
}

/** Reads the action out of a card submit/execute payload; undefined when it is not one of ours. */
export function parseAlertAction(data: unknown, verb?: string): AlertActionData | undefined {
  if (!data || typeof data !== 'object') return undefined;
  const d = data as Record<string, unknown>;
  const fromVerb = verb?.startsWith(ACTION_VERB_PREFIX) ? verb.slice(ACTION_VERB_PREFIX.length) : undefined;
  const action = (fromVerb ?? d.action) as AlertAction;
  if (d.starling !== 'alert' || !ALERT_ACTIONS.includes(action)) return undefined;
  if (typeof d.alertId !== 'string' || !/^[\w-]{1,64}$/.test(d.alertId)) return undefined;
  const note = typeof d.note === 'string' ? d.note.slice(0, 4000) : undefined;
  return { starling: 'alert', action, alertId: d.alertId, note };
}

const LABEL: Record<string, string> = {
  crisis: '🚨 Crisis alert',
  safeguarding: '⚠️ Safeguarding alert',
};
const STATE_LABEL: Record<AlertState, string> = {
  raised: 'Raised',
  delivered: 'Waiting for someone to acknowledge',
  reescalated: 'Re-escalated: not acknowledged in time',
  acknowledged: 'Acknowledged',
  taken_over: 'Taken over by a duty worker',
  resolved: 'Resolved',
};

/** Plain words for the codes on a record: a worker reads "Milton Keynes", not "milton_keynes". */
const LEVEL_WORDS: Record<string, string> = { crisis: 'Crisis (risk to life now)', safeguarding: 'Safeguarding (harm or risk of harm)' };
const CATEGORY_WORDS: Record<string, string> = {
  suicide: 'Suicide',
  self_harm: 'Self-harm',
  abuse: 'Abuse',
  sexual_exploitation_or_grooming: 'Sexual exploitation or grooming',
  domestic_abuse_at_home: 'Domestic abuse at home',
  immediate_danger: 'In danger now',
  harm_to_others: 'Harm to others',
  eating_disorder: 'Eating disorder',
  bullying_threats: 'Bullying or threats',
  unspecified: 'Not given',
};
const AREA_WORDS: Record<string, string> = {
  coventry: 'Coventry',
  warwickshire: 'Warwickshire',
  buckinghamshire: 'Buckinghamshire',
  milton_keynes: 'Milton Keynes',
  elsewhere: 'Somewhere else',
};
const CHANNEL_WORDS: Record<string, string> = {
  msteams: 'Microsoft Teams',
  webchat: 'Web Chat (website)',
  directline: 'Starling app (Direct Line)',
  emulator: 'Bot Framework Emulator (testing)',
  test: 'Test',
};
/** An unknown code still reads as words ("feeling_unsafe" -> "Feeling unsafe"). */
const words = (map: Record<string, string>, code: string | undefined, none = 'not known') => {
  if (!code) return none;
  if (map[code]) return map[code];
  const plain = code.replace(/[_-]+/g, ' ').trim();
  return plain.charAt(0).toUpperCase() + plain.slice(1);
};

const EXCERPT_MAX = 600;
const cut = (s: string) => (s.length > EXCERPT_MAX ? s.slice(0, EXCERPT_MAX) + '…' : s);

const londonTime = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso)) + ' (UK time)';

export interface CardOptions {
  /** 'Action.Execute' (Universal Actions, lets the bot refresh the card) or 'Action.Submit' */
  actionType?: 'Action.Execute' | 'Action.Submit';
  /** a line under the title, e.g. "Acknowledged by Sam at 14:02" (the bot side supplies names) */
  statusLine?: string;
  /** round of this delivery (0 first, 1+ re-escalations) */
  round?: number;
}

export function buildAlertCard(view: AlertView, opts: CardOptions = {}): Record<string, unknown> {
  const a = view.alert;
  const type = opts.actionType ?? 'Action.Execute';
  const round = opts.round ?? 0;
  const done = a.state === 'resolved';
  const action = (act: AlertAction, title: string, extra: Record<string, unknown> = {}) => ({
    type,
    title,
    ...(type === 'Action.Execute' ? { verb: ACTION_VERB_PREFIX + act } : {}),
    data: { starling: 'alert', action: act, alertId: a.id },
    ...extra,
  });
  const excerpt: Record<string, unknown>[] = view.texts
    ? [
        ...view.texts.context.map((m) => ({
          type: 'TextBlock',
          wrap: true,
          isSubtle: true,
          text: `${m.from === 'young_person' ? 'Young person' : 'Starling'}: ${cut(m.text)}`,
        })),
        { type: 'TextBlock', wrap: true, weight: 'Bolder', text: `Young person: ${cut(view.texts.trigger.text)}` },
      ]
    : [{ type: 'TextBlock', wrap: true, isSubtle: true, text: 'The message text is no longer kept (retention period over).' }];
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.4',
    body: [
      {
        type: 'TextBlock',
        size: 'Large',
        weight: 'Bolder',
        color: a.level === 'crisis' ? 'Attention' : 'Warning',
        text: LABEL[a.level] ?? a.level,
        wrap: true,
      },
      // Once someone has it, "not acknowledged yet" would be untrue on every copy of the card.
      ...(round > 0 && !['acknowledged', 'taken_over', 'resolved'].includes(a.state)
        ? [{ type: 'TextBlock', weight: 'Bolder', color: 'Attention', wrap: true, text: `Not acknowledged yet: re-escalation ${round}` }]
        : []),
      { type: 'TextBlock', wrap: true, text: opts.statusLine ?? STATE_LABEL[a.state] },
      ...(a.earlierOpen?.length
        ? [
            {
              type: 'TextBlock',
              wrap: true,
              weight: 'Bolder',
              text: `Same young person, same conversation: follows ${a.earlierOpen.length === 1 ? 'an alert' : `${a.earlierOpen.length} alerts`} still open (${a.earlierOpen.join(', ')}). Resolving all of them lowers the safety net.`,
            },
          ]
        : []),
      {
        type: 'FactSet',
        facts: [
          { title: 'Level', value: words(LEVEL_WORDS, a.level) },
          { title: 'Category', value: words(CATEGORY_WORDS, a.category) },
          { title: 'Reasons', value: a.reasons.join(', ') || '—' },
          { title: 'Age band', value: a.ageBand ?? 'not known' },
          { title: 'Area', value: words(AREA_WORDS, a.area) },
          { title: 'Channel', value: words(CHANNEL_WORDS, a.channel) },
          { title: 'Raised', value: londonTime(a.createdAt) },
          { title: 'Alert', value: a.id },
        ],
      },
      { type: 'Container', style: 'emphasis', items: [{ type: 'TextBlock', weight: 'Bolder', text: 'What was said' }, ...excerpt] },
      ...(view.texts?.background?.length
        ? [
            {
              type: 'Container',
              items: [
                { type: 'TextBlock', weight: 'Bolder', text: 'Background' },
                ...view.texts.background.map((line) => ({ type: 'TextBlock', wrap: true, isSubtle: true, text: cut(line) })),
              ],
            },
          ]
        : []),
      // A resolved card keeps what was done, so whoever looks at it later does not have to ask.
      ...(done && view.note
        ? [{ type: 'Container', items: [{ type: 'TextBlock', weight: 'Bolder', text: 'Resolution note' }, { type: 'TextBlock', wrap: true, text: view.note }] }]
        : []),
      ...(done
        ? []
        : [
            {
              type: 'Input.Text',
              id: 'note',
              isMultiline: true,
              label: 'Resolution note (needed to resolve)',
              placeholder: 'What was done, and by whom',
              maxLength: 4000,
            },
          ]),
    ],
    actions: done
      ? []
      : [
          action('acknowledge', 'Acknowledge'),
          action('take_over', 'Take over'),
          action('resolve', 'Resolve', type === 'Action.Execute' ? { associatedInputs: 'auto' } : {}),
        ],
  };
}

/** What the bot side is told besides the card, e.g. to remember which thread belongs to which alert. */
export interface DutyCardInfo {
  alertId: string;
  level: string;
  round: number;
}

export type SendToDutyChannel = (card: object, info: DutyCardInfo) => Promise<void>;

export function createTeamsRoute(opts: { sendToDutyChannel: SendToDutyChannel; card?: Omit<CardOptions, 'round'> }): DeliveryRoute {
  return {
    name: 'teams',
    async deliver(view: AlertView, attempt: DeliveryAttempt): Promise<void> {
      await opts.sendToDutyChannel(buildAlertCard(view, { ...opts.card, round: attempt.round }), {
        alertId: view.alert.id,
        level: view.alert.level,
        round: attempt.round,
      });
    },
  };
}
