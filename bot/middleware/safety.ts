/**
 * The safety check. It is adapter middleware, so it sees every inbound message and card submission
 * before any dialog does; no route around it exists (bot/server.ts installs it right after turn logging).
 *
 * For each message: run the detector over everything the young person wrote this turn (typed text and
 * free text inside card submissions), with their last few messages as context; treat a check-in answer
 * at the lowest step for "being safe" or "where you live" as a signal too; record the result on the turn
 * and on the conversation's flag. For crisis or safeguarding: alert the duty team, answer calmly at once
 * with the right routes, and offer to carry on. A flag is never cleared by the young person saying they
 * are fine: only a duty worker clears it.
 */
import type { ConversationReference, Middleware, TurnContext } from 'botbuilder';
import { ActivityTypes, TurnContext as TC } from 'botbuilder';
import type { AgeBand } from '../../core/ageBands';
import type { Words } from '../../core/i18n';
import type { Logger } from '../../core/logging';
import { AREA_IDS, AreaId, keys, LocalArea, Profile, Step } from '../../core/records/types';
import {
  Answering,
  checkInSignal,
  clearFlag,
  Detector,
  isDenial,
  LEVEL_RANK,
  nextFlag,
  SafetyFlag,
  SafetyResult,
} from '../../core/safety';
import type { Store } from '../../core/storage';
import type { HelpRoutes } from '../../dialogs/types';
import { withButtons, nav } from '../../dialogs/support/cards';
import { profileOf, profileWith } from '../../dialogs/support/profile';
import { HELP_NEEDS } from '../../dialogs/help/needs';
import { NEED_KIND } from '../../dialogs/help/helpDialog';
import { helpNeedSignal } from '../../core/helpNeedSignal';
import { alertBackground, SafetyNote } from '../../core/alertBackground';
import { fullReplyJustGiven } from '../../core/safety/checkIn';
import type { Purpose } from '../../core/services';
import { conversationKey, handoffReadAhead, turnInput, turnKeys, turnLog, userUid } from '../turnState';
import { escalationKeys } from '../../core/escalation/types';

export interface AlertInput {
  level: 'crisis' | 'safeguarding';
  category: string | null;
  reasons: string[];
  conversationRef: Partial<ConversationReference>;
  conversationKey: string;
  uid: string;
  ageBand?: AgeBand;
  channel: string;
  area?: LocalArea;
  text: string;
  recent: string[];
  /** for the worker: earlier concerns in this conversation and the latest check-in's professional summary (no young person's words) */
  background?: string[];
}

/** What the young person may truthfully be told about the alert. */
export type AlertOutcome =
  | { state: 'delivered_on_duty' }
  | { state: 'delivered_off_duty'; nextOnDuty?: Date }
  | { state: 'trying' }
  | { state: 'no_route' }
  /** a duty worker has taken over this conversation and the message was put in front of them */
  | { state: 'with_person' };

/** A message typed after an alert in this conversation that raised no alert itself (see followUp below). */
export interface FollowUpMessage {
  conversationKey: string;
  uid: string;
  text: string;
  level: SafetyResult['level'];
  category: string | null;
  reasons: string[];
}

export interface AlertRaiser {
  raise(input: AlertInput): Promise<AlertOutcome>;
  /**
   * Adds the message to the conversation's open alert, so the duty worker who picks it up sees what more was said
   * (bot/escalation: core addFollowUp; nothing when a worker has taken over, who reads it in the thread already).
   * Called without waiting: it never holds up the young person's reply.
   */
  followUp?(msg: FollowUpMessage): Promise<void>;
}

export interface SafetyDeps {
  detector: Detector;
  store: Store;
  words: Words;
  help: HelpRoutes;
  log: Logger;
  alerts?: AlertRaiser;
  /** true for the duty team's own channel: still checked and recorded, but staff are not alerted about themselves */
  isDutyConversation?: (ctx: TurnContext) => Promise<boolean>;
  /** true while a duty worker has taken this conversation over (the person there answers a "no, I'm fine") */
  inHandoff?: (convKey: string) => Promise<boolean>;
  /**
   * The question the message answers (what the waiting prompt asked: its kind and areas), read from conversation
   * state that is already on its way (server.ts reads it ahead), so it costs no round trip of its own.
   */
  answering?: (ctx: TurnContext) => Promise<Answering | undefined>;
  /** work the turn does not wait for (a follow-up on the open alert): the server finishes it before it stops */
  background?: (work: Promise<unknown>) => void;
  now?: () => Date;
}

const RECENT_KEEP = 5;
const RECENT_CHARS = 500;
const RECENT_TTL_SECONDS = 24 * 3600;

export const safetyKeys = {
  flag: (convKey: string) => `safety:${convKey}:flag`,
  notes: (convKey: string) => `safety:${convKey}:notes`,
  recent: (convKey: string) => `conv:${convKey}:recent`,
};

/**
 * "Delete my data" in this conversation: the last few messages kept as context go, and so do the worker's
 * notes unless the conversation is flagged (a safety net a duty worker has not yet cleared stays, with its
 * notes, until they do; any alert keeps its own encrypted record).
 */
export async function eraseConversationSafetyData(store: Store, convKey: string): Promise<{ keptForSafety: boolean }> {
  const flag = await store.getJson<SafetyFlag>(safetyKeys.flag(convKey));
  const keep = !!flag?.flagged;
  await store.remove(keep ? [safetyKeys.recent(convKey)] : [safetyKeys.recent(convKey), safetyKeys.notes(convKey), safetyKeys.flag(convKey)]);
  return { keptForSafety: keep };
}

/**
 * A duty worker resolved an alert in this conversation: if no other alert there is still open, the safety
 * net comes down (only a duty worker's resolution does this; nothing the young person says can).
 * Returns whether the flag was cleared.
 */
export async function clearFlagAfterResolve(
  store: Store,
  o: { convKey: string; workerId: string; stillOpen: number; now: Date },
): Promise<boolean> {
  if (o.stillOpen > 0) return false;
  const prev = await store.getJson<SafetyFlag>(safetyKeys.flag(o.convKey));
  if (!prev?.flagged) return false;
  await store.setJson(safetyKeys.flag(o.convKey), clearFlag(prev, o.workerId, o.now));
  return true;
}

/** The check-in step inside a card submission, if it is one. */
function checkInAnswer(value: Record<string, unknown> | undefined): { area: AreaId; step: Step } | undefined {
  if (!value || value.kind !== 'mystar.step') return undefined;
  const area = value.area as AreaId;
  const step = Number(value.step);
  if (!AREA_IDS.includes(area) || !Number.isInteger(step) || step < 1 || step > 5) return undefined;
  return { area, step: step as Step };
}

/** The need on an "I need help" button (its index into HELP_NEEDS), if the submission is one. */
function helpNeedOf(value: Record<string, unknown> | undefined): Purpose | undefined {
  if (!value || value.kind !== NEED_KIND) return undefined;
  const n = value.n;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n < HELP_NEEDS.length ? HELP_NEEDS[n] : undefined;
}

function higher(a: SafetyResult, b: SafetyResult): SafetyResult {
  return LEVEL_RANK[b.level] > LEVEL_RANK[a.level] ? b : a;
}

const fmtWhen = (d: Date) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', weekday: 'long', hour: 'numeric', minute: '2-digit' }).format(d);

export function safetyMiddleware(deps: SafetyDeps): Middleware {
  return {
    async onTurn(ctx: TurnContext, next: () => Promise<void>): Promise<void> {
      if (ctx.activity.type !== ActivityTypes.Message) return next();
      const input = turnInput(ctx);
      if (deps.isDutyConversation && (await deps.isDutyConversation(ctx))) {
        if (input.freeText) ctx.turnState.set(turnKeys.safety, deps.detector.detect(input.freeText));
        return next();
      }
      const log = turnLog(ctx, deps.log);
      const convKey = conversationKey(ctx);
      // The three reads a turn needs (profile, recent messages, flag) in one go: one MGET on Redis; beside it, the
      // question this message answers, from the conversation state already being read ahead for the dialogs.
      // The take-over record comes in the same read, for the relay after this middleware (bot/escalation/relay.ts).
      const [{ profile, docs }, answering] = await Promise.all([
        profileWith(ctx, deps.store, [safetyKeys.recent(convKey), safetyKeys.flag(convKey), escalationKeys.handoff(convKey)]),
        input.freeText ? questionAnswered(deps, ctx, log) : undefined,
      ]);
      const recent = (docs[0] as string[] | undefined) ?? [];
      const flagBefore = docs[1] as SafetyFlag | undefined;
      ctx.turnState.set(turnKeys.handoff, { value: docs[2] ?? null });
      const band = profile?.ageBand;
      let result: SafetyResult = input.freeText ? deps.detector.detect(input.freeText, { recent, answering }) : { level: 'none', category: null, reasons: [] };
      // A button can be a signal by what it means: the lowest check-in step for being safe / home, or a
      // disclosure on the help menu. On a tie the button's meaning wins (its reply fits what was pressed).
      const answer = checkInAnswer(input.value);
      const pressed = answer ? checkInSignal(answer.area, answer.step) : helpNeedSignal(helpNeedOf(input.value), profile?.age);
      if (pressed.level !== 'none') result = higher(pressed, result);
      ctx.turnState.set(turnKeys.safety, result);

      if (input.freeText) {
        const kept = [...recent, input.freeText.slice(-RECENT_CHARS)].slice(-RECENT_KEEP);
        await deps.store.setJson(safetyKeys.recent(convKey), kept, RECENT_TTL_SECONDS);
      }

      await record(ctx, deps, result, convKey, { prev: flagBefore });
      if (result.level === 'crisis' || result.level === 'safeguarding') {
        const outcome = await raise(ctx, deps, result, input.freeText, recent, profile, convKey, log);
        if (result === pressed) {
          // A button raised it: answer for what was pressed, then let the dialog go on (the check-in records
          // the answer; the help menu shows the support for that need).
          await ctx.sendActivity(
            answer ? checkInReply(deps, outcome, profile, await checkInReplyAbove(deps, convKey, answer.area, input.value?.checkInId)) : pressedReply(deps, result, outcome, profile),
          );
          return next();
        }
        await ctx.sendActivity(reply(deps, result, outcome, profile, await routesShownRecently(ctx, deps, convKey)));
        return; // the dialogs do not treat this message as an answer; "carry on" goes back to where they were
      }
      // Flagged (read with the turn's other reads, so an unflagged conversation pays nothing): what they type now
      // goes onto the open alert for the worker. Typed words only: a button press is not something they wrote.
      if (flagBefore?.flagged && input.text) addFollowUp(deps, ctx, convKey, input.text, result, log);
      if (flagBefore?.flagged && input.text && isDenial(input.text) && !(await inHandoff(deps, convKey, ctx))) {
        const w = deps.words;
        await ctx.sendActivity(
          `${w.t('safety:denial', { band })}\n\n${deps.help.crisisText({ band, age: profile?.age, area: profile?.area })}`,
        );
      }
      return next();
    },
  };
}

/** Not awaited, never throws: the young person's reply does not wait for it. Errors are logged without the text. */
function addFollowUp(deps: SafetyDeps, ctx: TurnContext, convKey: string, text: string, result: SafetyResult, log: Logger): void {
  if (!deps.alerts?.followUp) return;
  let pending: Promise<void>;
  try {
    pending = deps.alerts.followUp({ conversationKey: convKey, uid: userUid(ctx), text, level: result.level, category: result.category, reasons: result.reasons });
  } catch (err) {
    pending = Promise.reject(err);
  }
  const handled = pending.catch((err) =>
    log.warn({ err: { type: (err as Error)?.name, message: String((err as Error)?.message ?? err).split('\n')[0].slice(0, 200) } }, 'follow-up could not be added to the open alert'),
  );
  // a restart must not drop it: the server waits for background work before it closes storage
  deps.background?.(handled);
}

/** Never lets a lookup failure stop the safety check: unknown means the message is read on its own. */
async function questionAnswered(deps: SafetyDeps, ctx: TurnContext, log: Logger): Promise<Answering | undefined> {
  if (!deps.answering) return undefined;
  try {
    return await deps.answering(ctx);
  } catch (err) {
    log.warn({ err: { message: (err as Error).message } }, 'question context not available to the safety check');
    return undefined;
  }
}

/** Never lets a lookup failure silence the safety net: unknown counts as "no person there". */
async function inHandoff(deps: SafetyDeps, convKey: string, ctx?: TurnContext): Promise<boolean> {
  try {
    const pre = ctx ? handoffReadAhead(ctx) : undefined;
    if (pre && deps.inHandoff) return pre.value !== null;
    return !!deps.inHandoff && (await deps.inHandoff(convKey));
  } catch {
    return false;
  }
}

const NOTES_READ = Symbol('safety notes read this turn');

/**
 * This conversation's notes, read once a turn for both the alert's background and the choice of reply (record()
 * forgets the read when it adds a note, so a later read sees it).
 */
function notesOf(ctx: TurnContext, deps: SafetyDeps, convKey: string): Promise<SafetyNote[]> {
  let read = ctx.turnState.get(NOTES_READ) as Promise<SafetyNote[]> | undefined;
  if (!read) {
    read = deps.store.listRange<SafetyNote>(safetyKeys.notes(convKey));
    ctx.turnState.set(NOTES_READ, read);
  }
  return read;
}

/**
 * Keeps the conversation's flag and the worker's notes up to date; returns the flag as it was before.
 * `known.prev` is the flag as just read this turn (the middleware reads it with the turn's other reads).
 */
async function record(
  ctx: TurnContext,
  deps: SafetyDeps,
  result: SafetyResult,
  convKey: string,
  known?: { prev: SafetyFlag | undefined },
): Promise<SafetyFlag | undefined> {
  const now = deps.now ?? (() => new Date());
  const prev = known ? known.prev : await deps.store.getJson<SafetyFlag>(safetyKeys.flag(convKey));
  const flag = nextFlag(prev, result, now());
  if (JSON.stringify(flag) !== JSON.stringify(prev ?? null)) await deps.store.setJson(safetyKeys.flag(convKey), flag);
  if (result.level !== 'none') {
    turnLog(ctx, deps.log).info({ level: result.level, category: result.category }, 'safety result');
    ctx.turnState.delete(NOTES_READ);
    await deps.store.listPush(safetyKeys.notes(convKey), {
      at: now().toISOString(),
      level: result.level,
      category: result.category,
      reasons: result.reasons,
    });
  }
  return prev;
}

/**
 * For dialogs/checkin (deps.extras.onCheckInAnswer): a check-in answer the young person TYPED ("1", "red",
 * "really bad") is a signal too. Card presses are already handled in the middleware above, so only typed
 * answers act here; the check-in has recorded the answer and carries on after the reply.
 */
export function checkInAnswerHook(deps: SafetyDeps) {
  return async (ctx: TurnContext, answer: { checkInId?: string; area: AreaId; step: Step; typed: boolean }): Promise<void> => {
    if (!answer.typed) return;
    const result = checkInSignal(answer.area, answer.step);
    if (result.level !== 'crisis' && result.level !== 'safeguarding') return;
    const convKey = conversationKey(ctx);
    const prevTurn = ctx.turnState.get(turnKeys.safety) as SafetyResult | undefined;
    ctx.turnState.set(turnKeys.safety, prevTurn ? higher(prevTurn, result) : result);
    await record(ctx, deps, result, convKey);
    const profile = await profileOf(ctx, deps.store);
    const recent = (await deps.store.getJson<string[]>(safetyKeys.recent(convKey))) ?? [];
    const text = turnInput(ctx).freeText;
    const outcome = await raise(ctx, deps, result, text, recent.slice(0, -1), profile, convKey, turnLog(ctx, deps.log));
    await ctx.sendActivity(checkInReply(deps, outcome, profile, await checkInReplyAbove(deps, convKey, answer.area, answer.checkInId)));
  };
}

/** The full reply to the other area's lowest step is just above, in this check-in and conversation (core/safety/checkIn.ts). */
const checkInReplyAbove = (deps: SafetyDeps, convKey: string, area: AreaId, checkInId: unknown) =>
  fullReplyJustGiven(deps.store, { area, checkInId, notesKey: safetyKeys.notes(convKey), now: (deps.now ?? (() => new Date()))() });

async function raise(
  ctx: TurnContext,
  deps: SafetyDeps,
  result: SafetyResult,
  text: string,
  recent: string[],
  profile: Profile | undefined,
  convKey: string,
  log: Logger,
): Promise<AlertOutcome> {
  if (!deps.alerts) {
    log.warn({ level: result.level }, 'safety alert not sent: no alert route configured');
    return { state: 'no_route' };
  }
  let background: string[] = [];
  try {
    const notes = await notesOf(ctx, deps, convKey);
    background = await alertBackground(deps.store, deps.words, { uid: userUid(ctx), earlierNotes: notes.slice(0, -1) });
  } catch (err) {
    log.warn({ err: { message: (err as Error).message } }, 'alert background not available');
  }
  try {
    return await deps.alerts.raise({
      level: result.level as 'crisis' | 'safeguarding',
      category: result.category,
      reasons: result.reasons,
      conversationRef: TC.getConversationReference(ctx.activity),
      conversationKey: convKey,
      uid: userUid(ctx),
      ageBand: profile?.ageBand,
      channel: ctx.activity.channelId,
      area: profile?.area,
      text,
      recent,
      background,
    });
  } catch (err) {
    // The alert could not even be queued: never claim a person was told.
    log.error({ err }, 'safety alert could not be queued');
    return { state: 'trying' };
  }
}

function outcomeText(w: Words, outcome: AlertOutcome, band: AgeBand | undefined): string {
  switch (outcome.state) {
    case 'delivered_on_duty':
      return w.t('safety:alert.deliveredOnDuty', { band });
    case 'delivered_off_duty':
      return outcome.nextOnDuty
        ? w.t('safety:alert.deliveredOffDuty', { band, when: fmtWhen(outcome.nextOnDuty) })
        : w.t('safety:alert.deliveredOffDutyNoTime', { band });
    case 'trying':
      return w.t('safety:alert.trying', { band });
    case 'no_route':
      return w.t('safety:alert.noRoute', { band });
    case 'with_person':
      return w.t('safety:alert.withPerson', { band });
  }
}

/** Harm to themselves is not something done to them: "it isn't your fault" is for what others do. */
const ABOUT_THEMSELVES = new Set(['suicide', 'self_harm', 'eating_disorder']);
function openText(w: Words, result: SafetyResult, band: AgeBand | undefined, again = false): string {
  // a short answer raised by the question it answers ("my step dad" to "what makes it hard?"): no assumption about what happened
  if (result.fromQuestion) return w.t('safety:open.fromQuestion', { band });
  // more said a few minutes after an earlier reply: the same opening word for word would sound like a machine
  if (again) return w.t(`safety:open.${result.level === 'crisis' ? 'crisis' : 'safeguarding'}Again`, { band });
  if (result.level === 'safeguarding' && result.category && ABOUT_THEMSELVES.has(result.category)) return w.t('safety:open.safeguardingSelf', { band });
  return w.t(`safety:open.${result.level}`, { band });
}

/** How long after a full list of routes a further alert reply in the same conversation gives the short list. */
export const SHORT_ROUTES_WINDOW_MS = 15 * 60 * 1000;

/**
 * A young person who says several worrying things in a row was given the full list of routes with the first
 * (an earlier crisis or safeguarding note in this conversation, a few minutes old). The same long list again with
 * every message buries what they said under numbers; the next replies keep every route, without the notes.
 * Never throws: unknown means no, and the full list is given.
 */
async function routesShownRecently(ctx: TurnContext, deps: SafetyDeps, convKey: string): Promise<boolean> {
  try {
    const now = (deps.now ?? (() => new Date()))().getTime();
    const notes = await notesOf(ctx, deps, convKey);
    // the last note is this message's own (record() has just added it)
    return notes
      .slice(0, -1)
      .some((n) => (n.level === 'crisis' || n.level === 'safeguarding') && now - Date.parse(n.at) < SHORT_ROUTES_WINDOW_MS);
  } catch {
    return false;
  }
}

function reply(deps: SafetyDeps, result: SafetyResult, outcome: AlertOutcome, profile: Profile | undefined, listAbove = false) {
  const w = deps.words;
  const band = profile?.ageBand;
  const parts = [openText(w, result, band, listAbove)];
  if (result.category && w.has(`safety:category.${result.category}`, band)) parts.push(w.t(`safety:category.${result.category}`, { band }));
  parts.push(outcomeText(w, outcome, band));
  parts.push(w.t(`safety:routes.${result.level}`, { band }));
  parts.push(deps.help.crisisText({ band, age: profile?.age, area: profile?.area }, { short: listAbove }));
  if (listAbove) parts.push(w.t('safety:routes.fullAgain', { band }));
  return withButtons(parts.join('\n\n'), [
    { title: w.t('safety:buttons.carryOn', { band }), data: nav('resume') },
    { title: w.t('safety:buttons.menu', { band }), data: nav('menu') },
  ]);
}

/** The reply to a disclosure made by pressing a help-menu button: the same words and routes, no "carry on" (the help goes on). */
function pressedReply(deps: SafetyDeps, result: SafetyResult, outcome: AlertOutcome, profile: Profile | undefined): string {
  const w = deps.words;
  const band = profile?.ageBand;
  const parts = [openText(w, result, band)];
  if (result.category && w.has(`safety:category.${result.category}`, band)) parts.push(w.t(`safety:category.${result.category}`, { band }));
  parts.push(outcomeText(w, outcome, band), w.t(`safety:routes.${result.level}`, { band }), deps.help.crisisText({ band, age: profile?.age, area: profile?.area }));
  return parts.join('\n\n');
}

/** The reply to a lowest-step check-in answer: no assumption about what happened, the truth about who was told. */
function checkInReply(deps: SafetyDeps, outcome: AlertOutcome, profile: Profile | undefined, fullReplyAbove = false): string {
  const w = deps.words;
  const band = profile?.ageBand;
  // The second lowest step in one check-in, with a person at work who has been told: the list is just above, so a
  // short reply. Off duty, or not yet told, the list is what they have, so it comes in full again.
  if (fullReplyAbove && outcome.state === 'delivered_on_duty') {
    return [w.t('safety:open.checkInAgain', { band }), outcomeText(w, outcome, band), w.t('safety:routes.checkInAgain', { band }), w.t('safety:checkInCarryOn', { band })].join('\n\n');
  }
  return [
    w.t('safety:open.checkIn', { band }),
    outcomeText(w, outcome, band),
    w.t('safety:routes.safeguarding', { band }),
    deps.help.crisisText({ band, age: profile?.age, area: profile?.area }),
    w.t('safety:checkInCarryOn', { band }),
  ].join('\n\n');
}
