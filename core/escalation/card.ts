/**
 * The Adaptive Card a duty team sees in its Teams channel: level, category, reasons, excerpt, age band,
 * time, and the buttons Acknowledge, Take over and Resolve (with a note). Plain JSON, no botbuilder:
 * the bot side wraps it with CardFactory.adaptiveCard and sends it proactively.
 *
 * Every action carries `{ starling: 'alert', action, alertId }` in its data, for Action.Execute (invoke
 * "adaptiveCard/action", verb = "starling.alert.<action>") and Action.Submit alike. The words here are
 * read by staff, not young people; they live in locales/<lng>/staff.json.
 */
import type { DeliveryAttempt, DeliveryRoute } from './routes';
import type { AlertView } from './types';
import { words as sharedWords, Words } from '../i18n';

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

/**
 * The words on the card, from locales/<lng>/staff.json (bot/escalation passes the running bot's words; without
 * them the shared words for the default language are used). Only `t` and `has` are needed, so core stays free
 * of botbuilder and tests can pass their own.
 */
export type StaffWords = Pick<Words, 't' | 'has'>;

/**
 * Plain words for a code on a record: a worker reads "Milton Keynes", not "milton_keynes". An unknown code
 * still reads as words ("feeling_unsafe" -> "Feeling unsafe").
 */
const codeWords = (w: StaffWords, group: 'level' | 'category' | 'area' | 'channel', code: string | undefined) => {
  if (!code) return w.t('staff:card.notKnown');
  // a code is a plain word: never a path into other keys
  if (/^[\w-]+$/.test(code) && w.has(`staff:card.${group}.${code}`)) return w.t(`staff:card.${group}.${code}`);
  const plain = code.replace(/[_-]+/g, ' ').trim();
  return plain.charAt(0).toUpperCase() + plain.slice(1);
};

const EXCERPT_MAX = 600;
/** At most this much of the young person's follow-ups on one card (Teams' size limit; see followUpSection). */
export const FOLLOW_UPS_CARD_CHARS = 6000;
const cut = (s: string) => (s.length > EXCERPT_MAX ? s.slice(0, EXCERPT_MAX) + '…' : s);

const londonTime = (w: StaffWords, iso: string) =>
  w.t('staff:card.ukTime', {
    time: new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso)),
  });

export interface CardOptions {
  /** 'Action.Execute' (Universal Actions, lets the bot refresh the card) or 'Action.Submit' */
  actionType?: 'Action.Execute' | 'Action.Submit';
  /** a line under the title, e.g. "Acknowledged by Sam at 14:02" (the bot side supplies names) */
  statusLine?: string;
  /** round of this delivery (0 first, 1+ re-escalations) */
  round?: number;
  /** the words to use (default: the shared words for the default language) */
  words?: StaffWords;
}

export function buildAlertCard(view: AlertView, opts: CardOptions = {}): Record<string, unknown> {
  const a = view.alert;
  const type = opts.actionType ?? 'Action.Execute';
  const round = opts.round ?? 0;
  const done = a.state === 'resolved';
  const w = opts.words ?? sharedWords();
  const said = (from: 'young_person' | 'starling', text: string) => `${w.t(`staff:card.from.${from}`)}: ${cut(text)}`;
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
          text: said(m.from === 'young_person' ? 'young_person' : 'starling', m.text),
        })),
        { type: 'TextBlock', wrap: true, weight: 'Bolder', text: said('young_person', view.texts.trigger.text) },
      ]
    : [{ type: 'TextBlock', wrap: true, isSubtle: true, text: w.t('staff:card.noLongerKept') }];
  const followUps = view.texts?.followUps ?? [];
  const written = followUps.length + (view.texts?.followUpsDropped ?? 0);
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
        text: w.has(`staff:card.title.${a.level}`) ? w.t(`staff:card.title.${a.level}`) : a.level,
        wrap: true,
      },
      // Once someone has it, "not acknowledged yet" would be untrue on every copy of the card.
      ...(round > 0 && !['acknowledged', 'taken_over', 'resolved'].includes(a.state)
        ? [{ type: 'TextBlock', weight: 'Bolder', color: 'Attention', wrap: true, text: w.t('staff:card.notAcknowledged', { round }) }]
        : []),
      { type: 'TextBlock', wrap: true, text: opts.statusLine ?? w.t(`staff:card.state.${a.state}`) },
      // Near the top, so a worker who opens the card after the thread notice sees at once that there is more.
      ...(written && !done
        ? [{ type: 'TextBlock', wrap: true, weight: 'Bolder', color: 'Warning', text: w.t('staff:card.followUps.more', { count: written }) }]
        : []),
      ...(a.earlierOpen?.length
        ? [
            {
              type: 'TextBlock',
              wrap: true,
              weight: 'Bolder',
              text:
                a.earlierOpen.length === 1
                  ? w.t('staff:card.followsOne', { ids: a.earlierOpen.join(', ') })
                  : w.t('staff:card.followsMany', { count: a.earlierOpen.length, ids: a.earlierOpen.join(', ') }),
            },
          ]
        : []),
      {
        type: 'FactSet',
        facts: [
          { title: w.t('staff:card.facts.level'), value: codeWords(w, 'level', a.level) },
          { title: w.t('staff:card.facts.category'), value: codeWords(w, 'category', a.category ?? undefined) },
          { title: w.t('staff:card.facts.reasons'), value: a.reasons.join(', ') || w.t('staff:card.noReasons') },
          { title: w.t('staff:card.facts.ageBand'), value: a.ageBand ?? w.t('staff:card.notKnown') },
          { title: w.t('staff:card.facts.area'), value: codeWords(w, 'area', a.area) },
          { title: w.t('staff:card.facts.channel'), value: codeWords(w, 'channel', a.channel) },
          { title: w.t('staff:card.facts.raised'), value: londonTime(w, a.createdAt) },
          { title: w.t('staff:card.facts.alert'), value: a.id },
        ],
      },
      { type: 'Container', style: 'emphasis', items: [{ type: 'TextBlock', weight: 'Bolder', text: w.t('staff:card.whatWasSaid') }, ...excerpt] },
      ...(followUps.length ? [followUpSection(w, view, said)] : []),
      ...(view.texts?.background?.length
        ? [
            {
              type: 'Container',
              items: [
                { type: 'TextBlock', weight: 'Bolder', text: w.t('staff:card.background') },
                ...view.texts.background.map((line) => ({ type: 'TextBlock', wrap: true, isSubtle: true, text: cut(line) })),
              ],
            },
          ]
        : []),
      // A resolved card keeps what was done, so whoever looks at it later does not have to ask.
      ...(done && view.note
        ? [{ type: 'Container', items: [{ type: 'TextBlock', weight: 'Bolder', text: w.t('staff:card.resolutionNote') }, { type: 'TextBlock', wrap: true, text: view.note }] }]
        : []),
      ...(done
        ? []
        : [
            {
              type: 'Input.Text',
              id: 'note',
              isMultiline: true,
              label: w.t('staff:card.noteLabel'),
              placeholder: w.t('staff:card.notePlaceholder'),
              maxLength: 4000,
            },
          ]),
    ],
    actions: done
      ? []
      : [
          action('acknowledge', w.t('staff:card.actions.acknowledge')),
          action('take_over', w.t('staff:card.actions.take_over')),
          action('resolve', w.t('staff:card.actions.resolve'), type === 'Action.Execute' ? { associatedInputs: 'auto' } : {}),
        ],
  };
}

/**
 * "Said since the alert": what the young person typed after it, oldest first, each with a line saying when and what
 * Starling's check made of it. A message the check found worrying (a concern, below an alert of its own) stands out.
 */
function followUpSection(w: StaffWords, view: AlertView, said: (from: 'young_person', text: string) => string): Record<string, unknown> {
  const t = view.texts!;
  const items: Record<string, unknown>[] = [{ type: 'TextBlock', weight: 'Bolder', text: w.t('staff:card.followUps.title') }];
  if (t.followUpsDropped) items.push({ type: 'TextBlock', wrap: true, isSubtle: true, text: w.t('staff:card.followUps.dropped', { count: t.followUpsDropped, kept: t.followUps!.length }) });
  // Teams refuses a card over about 28 KB, and a refused card is retried for ever: the newest follow-ups that fit in
  // FOLLOW_UPS_CARD_CHARS are shown, and the card says how many older ones did not fit (the record keeps them).
  const all = t.followUps ?? [];
  let room = FOLLOW_UPS_CARD_CHARS;
  let first = all.length;
  while (first > 0 && room - Math.min(all[first - 1].text.length, EXCERPT_MAX) >= 0) room -= Math.min(all[--first].text.length, EXCERPT_MAX);
  if (first > 0) items.push({ type: 'TextBlock', wrap: true, isSubtle: true, text: w.t('staff:card.followUps.noRoom', { count: first }) });
  for (const f of all.slice(first)) {
    const worrying = f.level !== 'none';
    const when = londonTime(w, f.at);
    items.push({ type: 'TextBlock', wrap: true, spacing: 'Medium', ...(worrying ? { weight: 'Bolder', color: 'Warning' } : {}), text: said('young_person', f.text) });
    if (!worrying) {
      items.push({ type: 'TextBlock', wrap: true, isSubtle: true, size: 'Small', spacing: 'None', text: w.t('staff:card.followUps.line', { when }) });
      continue;
    }
    const what = [f.category ? codeWords(w, 'category', f.category) : '', f.reasons.join(', ')].filter(Boolean).join(': ');
    const level = /^[\w-]+$/.test(f.level) && w.has(`staff:card.followUps.level.${f.level}`) ? w.t(`staff:card.followUps.level.${f.level}`) : codeWords(w, 'level', f.level);
    items.push({
      type: 'TextBlock',
      wrap: true,
      size: 'Small',
      spacing: 'None',
      color: 'Warning',
      text: what ? w.t('staff:card.followUps.worrying', { level, what, when }) : w.t('staff:card.followUps.worryingNoReason', { level, when }),
    });
  }
  return { type: 'Container', style: 'emphasis', items };
}

/** What the bot side is told besides the card, e.g. to remember which thread belongs to which alert. */
export interface DutyCardInfo {
  alertId: string;
  level: string;
  round: number;
}

export type SendToDutyChannel = (card: object, info: DutyCardInfo) => Promise<void>;

/**
 * The status line for a card refreshed without anyone pressing a button: who acted is not stored by name, so
 * "Acknowledged by a duty worker at 10:02 (UK time)" rather than the bare state.
 */
function statusFromHistory(w: StaffWords, view: AlertView): string | undefined {
  const a = view.alert;
  const step = [...a.history].reverse().find((st) => st.state === a.state);
  const act = a.state === 'acknowledged' ? 'acknowledge' : a.state === 'taken_over' ? 'take_over' : undefined;
  if (!step || !act) return undefined;
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(step.at));
  return w.t(`staff:card.status.${act}`, { name: w.t('staff:card.status.someone'), time });
}

/** The bot side's ways to reach an alert's cards and thread, for telling the worker the young person wrote more. */
export interface TeamsFollowUpSend {
  /** a short message in the thread of the alert's latest card */
  postInAlertThread(alertId: string, text: string): Promise<void>;
  /** replaces every card posted for the alert; failures are reported, never thrown */
  refreshCards(alertId: string, card: object): Promise<{ updated: number; failed: number }>;
}

/**
 * The thread notice when the young person has written more: how many messages, never their words (a thread is
 * read by the whole channel, and shows in notifications).
 */
export const followUpNotice = (w: StaffWords, count: number) => w.t('staff:card.followUps.notice', { count });

export function createTeamsRoute(opts: {
  sendToDutyChannel: SendToDutyChannel;
  followUps?: TeamsFollowUpSend;
  card?: Omit<CardOptions, 'round'>;
}): DeliveryRoute {
  const send = opts.followUps;
  return {
    name: 'teams',
    ...(send
      ? {
          async followUps(view: AlertView) {
            const count = (view.texts?.followUps?.length ?? 0) + (view.texts?.followUpsDropped ?? 0);
            // The cards first, so that whoever opens one after the notice finds the messages on it.
            const w = opts.card?.words ?? sharedWords();
            await send.refreshCards(view.alert.id, buildAlertCard(view, { ...opts.card, round: view.alert.round, statusLine: statusFromHistory(w, view) }));
            await send.postInAlertThread(view.alert.id, followUpNotice(w, count));
          },
        }
      : {}),
    async deliver(view: AlertView, attempt: DeliveryAttempt): Promise<void> {
      await opts.sendToDutyChannel(buildAlertCard(view, { ...opts.card, round: attempt.round }), {
        alertId: view.alert.id,
        level: view.alert.level,
        round: attempt.round,
      });
    },
  };
}
