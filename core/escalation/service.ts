/** The escalation service: see index.ts for the API. */
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Config } from '../config';
import { hashId, Logger } from '../logging';
import { ETagConflictError, Store } from '../storage';
import { appendAudit, listAudit } from './audit';
import { BullJobQueue } from './bullQueue';
import { AlertAction } from './card';
import { Clock, realClock } from './clock';
import { createCipher } from './crypto';
import { alertReplyState, AlertReplyState, dutyStatus, DutyStatus } from './dutyHours';
import * as handoffs from './handoff';
import { DeliverJob, JobQueue, MemoryJobQueue, ReescalateJob, RetryOptions } from './queue';
import { DeliveryRoute, idempotencyKey } from './routes';
import { buildRoutes, EscalationSetupError, RouteOptions } from './setup';
import {
  Actor,
  AlertLevel,
  AlertRecord,
  AlertState,
  AlertStep,
  AlertTextDoc,
  AlertTexts,
  AlertFollowUp,
  AlertView,
  AuditEntry,
  ConversationRef,
  escalationKeys as K,
  FollowUpInput,
  followUpKeys,
  routeLabel,
  Handoff,
  RaiseInput,
} from './types';
import { registerAlertUserData } from './userData';

export interface EscalationTuning {
  /** delivery retry backoff (default 500 ms doubling, capped at 30 s) */
  retry?: Partial<RetryOptions>;
  /** override the re-escalation wait (tests); default from REESCALATE_*_MINUTES */
  reescalateAfterMs?: (level: AlertLevel) => number;
  /** BullMQ: how long a job stays locked to a worker that stopped answering (default 30 s) */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
  concurrency?: number;
  queueName?: string;
  /** how often raise() looks at the record while waiting for first delivery (default 50 ms) */
  pollMs?: number;
  /** how often records older than ALERT_RETENTION_DAYS are removed (default every 6 hours) */
  purgeEveryMs?: number;
  /** at most one "the young person has written more" notice per alert and route in this time (default 5 minutes) */
  followUpNoticeEveryMs?: number;
}

export interface EscalationDeps {
  store: Store;
  config: Config;
  log: Logger;
  routes?: RouteOptions;
  clock?: Clock;
  tuning?: EscalationTuning;
}

export type ActionFailure = 'not_duty_worker' | 'unknown_alert' | 'invalid_state' | 'note_required';
export type ActionResult =
  | { ok: true; alert: AlertRecord; handoff?: Handoff }
  | { ok: false; reason: ActionFailure; alert?: AlertRecord; handoff?: Handoff };

export interface FollowUpResult {
  /** the open alert it was added to; undefined when none took it (no open alert, a take-over, text no longer kept) */
  alertId?: string;
  /** messages written since that alert (kept and no longer kept) */
  count: number;
}

export interface RaiseResult {
  alert: AlertRecord;
  /** true once at least one route has accepted the alert */
  delivered: boolean;
}

export interface Escalation {
  raise(input: RaiseInput, opts?: { waitForDeliveryMs?: number }): Promise<RaiseResult>;
  waitForDelivery(alertId: string, ms: number): Promise<boolean>;
  /**
   * A message the young person typed after an alert, that raised no alert itself: kept (encrypted, with the alert's
   * text) on the newest open alert in the conversation, unless a worker has taken the conversation over (their
   * words are relayed then). The routes are told that more was written: at once for the first, then at most once
   * per notice window (followUpNoticeEveryMs), with a last notice at the end of a window if more came during it.
   */
  addFollowUp(input: FollowUpInput): Promise<FollowUpResult>;
  acknowledge(alertId: string, actor: Actor): Promise<ActionResult>;
  takeOver(alertId: string, actor: Actor): Promise<ActionResult>;
  resolve(alertId: string, actor: Actor, note: string): Promise<ActionResult>;
  /** a card button: dispatches to acknowledge / takeOver / resolve */
  act(action: AlertAction, alertId: string, actor: Actor, note?: string): Promise<ActionResult>;
  endHandoff(conversationKey: string, actor: Actor): Promise<ActionResult>;
  get(alertId: string): Promise<AlertRecord | undefined>;
  /** a young person's alerts in one conversation that are not resolved yet */
  openAlertsIn(uid: string, conversationKey: string): Promise<AlertRecord[]>;
  /** the record with its text decrypted (staff tools only) */
  view(alertId: string): Promise<AlertView | undefined>;
  isDutyWorker(actorId: string | undefined): boolean;
  audit(opts?: { alertId?: string; limit?: number }): Promise<AuditEntry[]>;
  activeHandoff(conversationKey: string): Promise<Handoff | undefined>;
  activeHandoffs(workerId?: string): Promise<Handoff[]>;
  dutyStatus(now?: Date): DutyStatus;
  replyState(alert: AlertRecord, now?: Date): AlertReplyState;
  /** removes alerts (record and text) older than ALERT_RETENTION_DAYS; returns how many */
  purgeExpired(): Promise<number>;
  start(): Promise<void>;
  /** force: stop at once, as a crash would (tests) */
  close(opts?: { force?: boolean }): Promise<void>;
  readonly queueKind: 'memory' | 'bullmq';
  readonly ephemeralKey: boolean;
  /** route names in use: primary (first delivery) and backup (re-escalation; empty = primary again) */
  readonly routes: { primary: string[]; backup: string[] };
}

/**
 * The link-free id of a conversation (also what the bot side uses to look up a handoff). The same
 * value as bot/turnState.ts conversationKey(ctx): an HMAC of "<channelId>:<conversation id>".
 */
export function conversationKeyOf(channelId: string | undefined, conversationId: string | undefined): string {
  return hashId(`${channelId}:${conversationId ?? 'none'}`);
}

/** Raises an alert and returns once it is queued (the same as esc.raise(input) without waiting). */
export function raiseAlert(esc: Escalation, input: RaiseInput): Promise<RaiseResult> {
  return esc.raise(input, { waitForDeliveryMs: 0 });
}

/** How many follow-ups an alert keeps (the newest); older ones are counted, not kept. */
export const FOLLOW_UPS_KEPT = 20;
/** A follow-up is kept to this many characters: the longest any route shows of the message that raised the alert. */
export const FOLLOW_UP_MAX_CHARS = 2000;

/** Re-escalation intervals double up to this many times the configured minutes. */
export const REESCALATE_MAX_FACTOR = 8;

const RANK: Record<AlertState, number> = { raised: 0, delivered: 1, reescalated: 2, acknowledged: 3, taken_over: 4, resolved: 5 };
const advance = (cur: AlertState, next: AlertState): AlertState => (RANK[next] >= RANK[cur] ? next : cur);
const isAcknowledged = (a: AlertRecord) => a.history.some((s) => RANK[s.state] >= RANK.acknowledged);
const isDelivered = (a: AlertRecord | undefined) => !!a?.history.some((s) => s.state === 'delivered');
const ID_RE = /^[\w-]{1,64}$/;
const safeId = (id: unknown) => (typeof id === 'string' ? id.slice(0, 64) : 'invalid');

function stripName(ref: ConversationRef): ConversationRef {
  const out = structuredClone(ref);
  if (out.user && typeof out.user === 'object') delete (out.user as Record<string, unknown>).name;
  return out;
}

export function createEscalation(deps: EscalationDeps): Escalation {
  const { store, config, log } = deps;
  const clock = deps.clock ?? realClock;
  const tuning = deps.tuning ?? {};
  const retry: RetryOptions = { baseMs: tuning.retry?.baseMs ?? 500, capMs: tuning.retry?.capMs ?? 30000 };
  const built = buildRoutes(config, deps.routes);
  if (store.kind === 'redis' && !config.REDIS_URL) {
    throw new EscalationSetupError('REDIS_URL must be set when the store is Redis (the alert queue uses its own connection to it), got nothing');
  }
  const cipher = createCipher(config.ALERT_ENCRYPTION_KEY);
  const retentionSeconds = config.ALERT_RETENTION_DAYS * 86400;
  const dutyIds = new Set(config.DUTY_WORKER_IDS.map((x) => x.toLowerCase()));
  const events = new EventEmitter();
  events.setMaxListeners(0);
  const nowIso = () => clock.now().toISOString();
  const reescalateMs =
    tuning.reescalateAfterMs ??
    ((level: AlertLevel) => (level === 'crisis' ? config.REESCALATE_CRISIS_MINUTES : config.REESCALATE_SAFEGUARDING_MINUTES) * 60000);
  /**
   * Wait before re-escalation round `round` (1 = first): the configured minutes, then twice that, four times,
   * and at most eight times, for as long as nobody acknowledges. It never stops (no alert is dropped), but a
   * channel is not buried in identical cards all night, which would teach people to ignore them.
   */
  const reescalateDelay = (level: AlertLevel, round: number) => reescalateMs(level) * Math.min(2 ** Math.max(0, round - 1), REESCALATE_MAX_FACTOR);

  const onDeliveryError = (err: unknown, job: DeliverJob | ReescalateJob, attempt: number, name = 'deliver') => {
    log.warn(
      {
        alertId: job.alertId,
        job: name,
        route: 'route' in job ? routeLabel(job) : undefined,
        attempt,
        // first line only: a client error could otherwise carry a request or response body
        err: { type: (err as Error)?.name, message: String((err as Error)?.message ?? err).split('\n')[0].slice(0, 200) },
      },
      'alert delivery failed; will retry',
    );
  };
  const queue: JobQueue =
    store.kind === 'redis'
      ? new BullJobQueue({
          url: config.REDIS_URL!,
          keyPrefix: config.REDIS_KEY_PREFIX,
          queueName: tuning.queueName,
          retry,
          concurrency: tuning.concurrency,
          lockDurationMs: tuning.lockDurationMs,
          stalledIntervalMs: tuning.stalledIntervalMs,
          onError: onDeliveryError,
        })
      : new MemoryJobQueue(clock, retry, (err, job, attempt) => onDeliveryError(err, job, attempt));

  for (const w of built.warnings) log.warn({ component: 'escalation' }, w);
  if (cipher.ephemeral) {
    log.warn(
      { component: 'escalation' },
      'ALERT_ENCRYPTION_KEY is not set: alert text is encrypted with an ephemeral key made at start-up, and cannot be read after a restart (set one for anything but local development)',
    );
  }
  registerAlertUserData();

  const backupSet = built.backup.length ? 'backup' : 'primary';
  const routeFor = (j: DeliverJob): DeliveryRoute | undefined =>
    (j.routeSet === 'backup' ? built.backup : built.primary).find((r) => r.name === j.route);

  /** Audits; entries about an alert that exists also go to its own trail. */
  const audit = (e: Omit<AuditEntry, 'at'>, alertExists = true) => appendAudit(store, { at: nowIso(), ...e }, alertExists);

  async function get(alertId: string): Promise<AlertRecord | undefined> {
    if (typeof alertId !== 'string' || !ID_RE.test(alertId)) return undefined;
    const key = K.alert(alertId);
    const got = (await store.read([key]))[key] as AlertRecord | undefined;
    if (!got) return undefined;
    const { eTag: _e, ...rest } = got;
    return rest as AlertRecord;
  }

  /** Read-modify-write with the eTag check, retried on conflict. fn returns undefined for "no change". */
  async function update(
    alertId: string,
    fn: (a: AlertRecord) => AlertRecord | undefined,
  ): Promise<{ before?: AlertRecord; after?: AlertRecord }> {
    const key = K.alert(alertId);
    for (let i = 0; i < 50; i++) {
      const got = (await store.read([key]))[key] as AlertRecord | undefined;
      if (!got) return {};
      const next = fn(structuredClone(got));
      const { eTag: _e, ...before } = got;
      if (!next) return { before: before as AlertRecord };
      try {
        await store.write({ [key]: next });
        const { eTag: _n, ...after } = next;
        return { before: before as AlertRecord, after: after as AlertRecord };
      } catch (err) {
        if (err instanceof ETagConflictError) continue;
        throw err;
      }
    }
    throw new Error(`alert ${alertId}: too many concurrent updates`);
  }

  async function readTexts(alertId: string): Promise<AlertTexts | undefined> {
    const doc = await store.getJson<AlertTextDoc>(K.alertText(alertId));
    if (!doc) return undefined;
    try {
      return JSON.parse(cipher.decrypt(doc.enc)) as AlertTexts;
    } catch {
      log.error({ alertId }, 'alert text could not be decrypted (was ALERT_ENCRYPTION_KEY changed?)');
      return undefined;
    }
  }

  async function deliver(job: DeliverJob, attempt: number): Promise<void> {
    if (job.followUps) return deliverFollowUps(job, attempt);
    const route = routeFor(job);
    const label = routeLabel(job);
    if (!route) {
      log.error({ alertId: job.alertId, route: label }, 'alert route is no longer configured; this delivery is dropped');
      return;
    }
    const rec = await get(job.alertId);
    if (!rec || rec.state === 'resolved') return;
    const done = (a: AlertRecord) => a.history.some((s) => s.state === 'delivered' && s.by === label && (s.round ?? 0) === job.round);
    if (done(rec)) return;
    if (job.round > 0 && isAcknowledged(rec)) return;
    const texts = await readTexts(job.alertId);
    await route.deliver(
      { alert: rec, texts },
      { number: attempt, round: job.round, routeSet: job.routeSet, idempotencyKey: idempotencyKey(rec.id, job.routeSet, job.route, job.round) },
    );
    const at = nowIso();
    const res = await update(job.alertId, (a) => {
      if (done(a)) return undefined;
      a.history.push({ state: 'delivered', at, by: label, round: job.round, attempts: attempt });
      a.state = advance(a.state, 'delivered');
      return a;
    });
    if (res.after) {
      await audit({ event: 'alert.delivered', alertId: rec.id, actor: 'starling', outcome: 'ok', from: res.before?.state, to: res.after.state, route: label, round: job.round, attempt });
      log.info({ alertId: rec.id, route: label, round: job.round, attempt }, 'alert delivered');
    }
    events.emit('delivered', rec.id);
  }

  const noticeEveryMs = tuning.followUpNoticeEveryMs ?? 5 * 60_000;
  const noticeWindowSeconds = Math.max(1, Math.ceil(noticeEveryMs / 1000));
  /** Seconds until the alert's text expires (what is added to it expires with it). */
  const textTtl = (a: AlertRecord) => Math.max(60, Math.floor(retentionSeconds - (clock.now().getTime() - Date.parse(a.createdAt)) / 1000));
  const followUpCount = (t: AlertTexts | undefined) => (t?.followUps?.length ?? 0) + (t?.followUpsDropped ?? 0);
  /** In this process, one follow-up at a time per alert (several instances: the lock in the store as well). */
  const followUpChains = new Map<string, Promise<unknown>>();

  async function withFollowUpLock<T>(alertId: string, fn: () => Promise<T>): Promise<T> {
    const prev = followUpChains.get(alertId) ?? Promise.resolve();
    const run = prev.catch(() => undefined).then(async () => {
      const lock = K.followUpLock(alertId);
      let held = false;
      // Another instance adding one for the same alert holds it for a moment; after ~3 s go ahead anyway (the lock
      // expires by itself; losing a message to a race is less bad than never adding it).
      for (let i = 0; i < 60 && !(held = await store.setJsonIfAbsent(lock, 1, 5)); i++) await new Promise((r) => setTimeout(r, 50));
      try {
        return await fn();
      } finally {
        if (held) await store.remove([lock]).catch(() => undefined);
      }
    });
    followUpChains.set(alertId, run);
    try {
      return await run;
    } finally {
      if (followUpChains.get(alertId) === run) followUpChains.delete(alertId);
    }
  }

  /** The routes a follow-up notice goes to: the primary ones, and backup ones not among them once re-escalated. */
  function noticeRoutes(a: AlertRecord): Pick<DeliverJob, 'routeSet' | 'route'>[] {
    const out: Pick<DeliverJob, 'routeSet' | 'route'>[] = built.primary.filter((r) => r.followUps).map((r) => ({ routeSet: 'primary', route: r.name }));
    if (a.round > 0 && backupSet === 'backup') {
      for (const r of built.backup) if (r.followUps && !out.some((o) => o.route === r.name)) out.push({ routeSet: 'backup', route: r.name });
    }
    return out;
  }

  async function addFollowUp(input: FollowUpInput): Promise<FollowUpResult> {
    const text = typeof input.text === 'string' ? input.text.trim() : '';
    if (!text) return { count: 0 };
    // A worker who has taken over already reads every message in the thread.
    if (await handoffs.activeHandoff(store, input.conversationKey)) return { count: 0 };
    const open = (await openAlertsIn(input.uid, input.conversationKey)).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    const target = open[0];
    if (!target) return { count: 0 };
    const entry: AlertFollowUp = {
      text: text.length > FOLLOW_UP_MAX_CHARS ? text.slice(0, FOLLOW_UP_MAX_CHARS) + '…' : text,
      at: input.at ?? nowIso(),
      level: input.level,
      category: input.category ?? null,
      reasons: (input.reasons ?? []).slice(0, 10),
    };
    const count = await withFollowUpLock(target.id, async () => {
      const texts = await readTexts(target.id);
      // Nothing to add to (expired, or unreadable: never overwrite what cannot be read).
      if (!texts) return 0;
      const all = [...(texts.followUps ?? []), entry];
      const dropped = (texts.followUpsDropped ?? 0) + Math.max(0, all.length - FOLLOW_UPS_KEPT);
      const next: AlertTexts = { ...texts, followUps: all.slice(-FOLLOW_UPS_KEPT), ...(dropped ? { followUpsDropped: dropped } : {}) };
      await store.setJson(K.alertText(target.id), { enc: cipher.encrypt(JSON.stringify(next)) } satisfies AlertTextDoc, textTtl(target));
      return followUpCount(next);
    });
    if (!count) {
      log.warn({ alertId: target.id }, 'follow-up not kept: the alert text is no longer there or cannot be read');
      return { count: 0 };
    }
    log.info({ alertId: target.id, level: entry.level, category: entry.category, followUps: count }, 'follow-up added to the open alert');
    await queueFollowUpNotice(target);
    return { alertId: target.id, count };
  }

  /**
   * The first follow-up in a window is told at once; later ones in the same window wait for its end, as one notice
   * (the job id is the window's, so ten quick messages queue it once).
   */
  async function queueFollowUpNotice(a: AlertRecord): Promise<void> {
    const routes = noticeRoutes(a);
    if (!routes.length) return;
    const now = clock.now().getTime();
    let slot = String(now);
    let delay = 0;
    if (!(await store.setJsonIfAbsent(K.followUpWindow(a.id), { at: now }, noticeWindowSeconds))) {
      const start = (await store.getJson<{ at: number }>(K.followUpWindow(a.id)))?.at ?? now;
      slot = `${start}-end`;
      delay = Math.max(0, start + noticeEveryMs - now);
    }
    for (const r of routes) await queue.addDeliver({ alertId: a.id, routeSet: r.routeSet, route: r.route, round: a.round, followUps: slot }, delay);
  }

  async function deliverFollowUps(job: DeliverJob, attempt: number): Promise<void> {
    const route = routeFor(job);
    if (!route?.followUps) return;
    const rec = await get(job.alertId);
    if (!rec || rec.state === 'resolved') return;
    if (await handoffs.activeHandoff(store, rec.conversationKey)) return;
    const texts = await readTexts(job.alertId);
    const count = followUpCount(texts);
    const label = routeLabel(job);
    // Not delivered by this route yet: the card or event, when it goes, carries the follow-ups itself.
    if (!rec.history.some((st) => st.state === 'delivered' && st.by === label)) return;
    const told = (await store.getJson<number>(K.followUpTold(rec.id, label))) ?? 0;
    if (count <= told) return;
    // A notice at the end of a window starts the next one, so the next message does not bring another at once.
    if (job.followUps!.endsWith('-end')) await store.setJson(K.followUpWindow(rec.id), { at: clock.now().getTime() }, noticeWindowSeconds);
    await route.followUps({ alert: rec, texts }, { count, unseen: count - told, attempt, idempotencyKey: `${rec.id}:${label}:followups:${count}` });
    await store.setJson(K.followUpTold(rec.id, label), count, textTtl(rec));
    log.info({ alertId: rec.id, route: label, followUps: count }, 'worker told of follow-ups');
  }

  async function reescalate(job: ReescalateJob): Promise<void> {
    const rec = await get(job.alertId);
    if (!rec || isAcknowledged(rec)) return;
    const at = nowIso();
    const res = await update(job.alertId, (a) => {
      if (a.round >= job.round || isAcknowledged(a)) return undefined;
      a.round = job.round;
      a.history.push({ state: 'reescalated', at, by: 'starling', round: job.round });
      a.state = advance(a.state, 'reescalated');
      return a;
    });
    if (res.before && isAcknowledged(res.before)) return;
    if (res.after) {
      await audit({ event: 'alert.reescalated', alertId: rec.id, actor: 'starling', outcome: 'ok', from: res.before?.state, to: res.after.state, round: job.round });
      log.warn({ alertId: rec.id, level: rec.level, round: job.round }, 'alert not acknowledged in time: re-escalating');
    }
    // Adding the same jobs again is harmless (job ids), so a re-run after a crash finishes the work.
    for (const r of backupSet === 'backup' ? built.backup : built.primary) {
      await queue.addDeliver({ alertId: rec.id, routeSet: backupSet, route: r.name, round: job.round });
    }
    await queue.addReescalate({ alertId: rec.id, round: job.round + 1 }, reescalateDelay(rec.level, job.round + 1));
  }

  async function waitForDelivery(alertId: string, ms: number): Promise<boolean> {
    if (isDelivered(await get(alertId))) return true;
    if (ms <= 0) return false;
    return new Promise<boolean>((resolve) => {
      let finished = false;
      const finish = (v: boolean) => {
        if (finished) return;
        finished = true;
        clearTimeout(deadline);
        clearInterval(poll);
        events.off('delivered', onDelivered);
        resolve(v);
      };
      const onDelivered = (id: string) => id === alertId && finish(true);
      events.on('delivered', onDelivered);
      // Another instance may deliver it: look at the record too.
      const poll = setInterval(() => {
        get(alertId).then((a) => isDelivered(a) && finish(true), () => undefined);
      }, tuning.pollMs ?? 50);
      const deadline = setTimeout(() => {
        get(alertId).then((a) => finish(isDelivered(a)), () => finish(false));
      }, ms);
    });
  }

  async function raise(input: RaiseInput, opts: { waitForDeliveryMs?: number } = {}): Promise<RaiseResult> {
    const id = randomUUID();
    const at = nowIso();
    const ref = stripName(input.conversationRef);
    const texts: AlertTexts = {
      trigger: input.trigger,
      context: (input.context ?? []).slice(-10),
      ...(input.background?.length ? { background: input.background.slice(-8) } : {}),
    };
    await store.setJson(K.alertText(id), { enc: cipher.encrypt(JSON.stringify(texts)) } satisfies AlertTextDoc, retentionSeconds);
    const conversationKey = input.conversationKey ?? conversationKeyOf(ref.channelId ?? input.channel, ref.conversation?.id);
    // Linking a follow-up to the alerts still open in the conversation helps the worker; it never blocks the alert.
    const earlierOpen = await openAlertsIn(input.uid, conversationKey).then(
      (as) => as.sort((a, b) => a.createdAt.localeCompare(b.createdAt)).map((a) => a.id),
      () => [] as string[],
    );
    const record: AlertRecord = {
      id,
      createdAt: at,
      level: input.level,
      category: input.category,
      reasons: [...input.reasons],
      uid: input.uid,
      ageBand: input.ageBand,
      channel: input.channel ?? ref.channelId,
      area: input.area,
      conversationKey,
      conversationRef: ref,
      state: 'raised',
      history: [{ state: 'raised', at, by: 'starling' }],
      round: 0,
      ...(earlierOpen.length ? { earlierOpen } : {}),
    };
    await store.write({ [K.alert(id)]: record });
    await store.setAdd(K.allAlerts(), id);
    await store.setAdd(K.userAlerts(input.uid), id);
    await audit({ event: 'alert.raised', alertId: id, actor: 'starling', outcome: 'ok', to: 'raised' });
    log.warn({ alertId: id, level: input.level, category: input.category, routes: built.primary.map((r) => r.name) }, 'alert raised');
    for (const r of built.primary) await queue.addDeliver({ alertId: id, routeSet: 'primary', route: r.name, round: 0 });
    await queue.addReescalate({ alertId: id, round: 1 }, reescalateDelay(input.level, 1));
    const delivered = await waitForDelivery(id, opts.waitForDeliveryMs ?? 0);
    return { alert: (await get(id)) ?? record, delivered };
  }

  const isDutyWorker = (actorId: string | undefined) => !!actorId && dutyIds.has(actorId.toLowerCase());

  async function act(action: AlertAction, alertId: string, actor: Actor, note?: string): Promise<ActionResult> {
    const event = `action.${action}`;
    const actorId = safeId(actor?.id);
    const refuse = async (reason: ActionFailure, alert?: AlertRecord, handoff?: Handoff): Promise<ActionResult> => {
      await audit({ event, alertId: safeId(alertId), actor: actorId, outcome: reason, from: alert?.state }, !!alert);
      log.warn({ alertId: safeId(alertId), actor: hashId(actorId), action, reason }, 'alert action refused');
      return { ok: false, reason, alert, handoff };
    };
    const rec = await get(alertId);
    if (!isDutyWorker(actor?.id)) {
      await refuse('not_duty_worker', rec);
      return { ok: false, reason: 'not_duty_worker' }; // nothing about the alert goes back to them
    }
    if (!rec) return refuse('unknown_alert');
    if (action === 'resolve' && !note?.trim()) return refuse('note_required', rec);
    const target: AlertState = action === 'acknowledge' ? 'acknowledged' : action === 'take_over' ? 'taken_over' : 'resolved';
    const allowed = (a: AlertRecord) => (action === 'acknowledge' ? !isAcknowledged(a) : a.state !== 'resolved');
    if (!allowed(rec)) return refuse('invalid_state', rec);

    const at = nowIso();
    let handoff: Handoff | undefined;
    if (action === 'take_over') {
      const h = await handoffs.startHandoff(store, {
        conversationKey: rec.conversationKey,
        alertId: rec.id,
        workerId: actor.id,
        startedAt: at,
        conversationRef: rec.conversationRef,
      });
      if (!h.started) return refuse('invalid_state', rec, h.handoff);
      handoff = h.handoff;
    }
    const res = await update(rec.id, (a) => {
      if (!allowed(a)) return undefined;
      a.history.push({ state: target, at, by: actor.id } satisfies AlertStep);
      a.state = advance(a.state, target);
      if (action === 'resolve') a.noteEnc = cipher.encrypt(note!.trim());
      return a;
    });
    if (!res.after) {
      if (handoff) await handoffs.endHandoff(store, rec.conversationKey, at);
      return refuse('invalid_state', res.before);
    }
    if (action === 'resolve') {
      const h = await handoffs.activeHandoff(store, rec.conversationKey);
      if (h && h.alertId === rec.id) {
        handoff = await handoffs.endHandoff(store, rec.conversationKey, at);
        await audit({ event: 'handoff.end', alertId: rec.id, actor: actorId, outcome: 'ok' });
      }
    }
    await audit({ event, alertId: rec.id, actor: actorId, outcome: 'ok', from: res.before?.state, to: res.after.state });
    log.info({ alertId: rec.id, action, actor: hashId(actorId) }, 'alert action');
    return { ok: true, alert: res.after, handoff };
  }

  async function endHandoff(conversationKey: string, actor: Actor): Promise<ActionResult> {
    const actorId = safeId(actor?.id);
    const h = typeof conversationKey === 'string' ? await handoffs.activeHandoff(store, conversationKey) : undefined;
    if (!isDutyWorker(actor?.id)) {
      await audit({ event: 'handoff.end', alertId: h?.alertId, actor: actorId, outcome: 'not_duty_worker' }, !!h);
      return { ok: false, reason: 'not_duty_worker' };
    }
    const rec = h ? await get(h.alertId) : undefined;
    if (!h || !rec) {
      await audit({ event: 'handoff.end', actor: actorId, outcome: 'invalid_state' }, false);
      return { ok: false, reason: 'invalid_state' };
    }
    const ended = await handoffs.endHandoff(store, conversationKey, nowIso());
    await audit({ event: 'handoff.end', alertId: h.alertId, actor: actorId, outcome: 'ok' });
    return { ok: true, alert: rec, handoff: ended };
  }

  async function openAlertsIn(uid: string, conversationKey: string): Promise<AlertRecord[]> {
    const open: AlertRecord[] = [];
    for (const id of await store.setMembers(K.userAlerts(uid))) {
      const a = await get(id);
      if (a && a.conversationKey === conversationKey && a.state !== 'resolved') open.push(a);
    }
    return open;
  }

  async function purgeExpired(): Promise<number> {
    const cutoff = clock.now().getTime() - retentionSeconds * 1000;
    let n = 0;
    for (const id of await store.setMembers(K.allAlerts())) {
      const a = await get(id);
      if (a && Date.parse(a.createdAt) >= cutoff) continue;
      if (a && a.state !== 'resolved' && (await handoffs.activeHandoff(store, a.conversationKey))?.alertId === a.id) continue;
      await store.remove([K.alert(id), K.alertText(id), K.alertThreads(id), ...followUpKeys(id)]);
      await store.setRemove(K.allAlerts(), id);
      if (a) await store.setRemove(K.userAlerts(a.uid), id);
      await audit({ event: 'alert.purged', alertId: id, actor: 'starling', outcome: 'ok' });
      n++;
    }
    return n;
  }

  let started = false;
  let purgeTimer: NodeJS.Timeout | undefined;
  return {
    raise,
    waitForDelivery,
    addFollowUp,
    acknowledge: (id, actor) => act('acknowledge', id, actor),
    takeOver: (id, actor) => act('take_over', id, actor),
    resolve: (id, actor, note) => act('resolve', id, actor, note),
    act,
    endHandoff,
    get,
    openAlertsIn,
    async view(alertId) {
      const alert = await get(alertId);
      if (!alert) return undefined;
      let note: string | undefined;
      try {
        note = alert.noteEnc ? cipher.decrypt(alert.noteEnc) : undefined;
      } catch {
        log.error({ alertId }, 'resolution note could not be decrypted (was ALERT_ENCRYPTION_KEY changed?)');
      }
      return { alert, texts: await readTexts(alertId), ...(note ? { note } : {}) };
    },
    isDutyWorker,
    audit: (opts) => listAudit(store, opts),
    activeHandoff: (ck) => handoffs.activeHandoff(store, ck),
    activeHandoffs: (workerId) => handoffs.listActiveHandoffs(store, workerId),
    dutyStatus: (now) => dutyStatus(now ?? clock.now(), config),
    replyState: (alert, now) => alertReplyState(alert, now ?? clock.now(), config),
    purgeExpired,
    async start() {
      if (started) return;
      started = true;
      await queue.start({ deliver, reescalate });
      // Whole records go after the retention period too (their text has already expired by itself).
      purgeTimer = setInterval(() => {
        purgeExpired().then(
          (n) => n && log.info({ component: 'escalation', purged: n }, 'old alerts removed'),
          (err) => log.warn({ component: 'escalation', err: { message: (err as Error).message } }, 'alert purge failed; will try again'),
        );
      }, tuning.purgeEveryMs ?? 6 * 3600_000);
      purgeTimer.unref?.();
      log.info(
        { component: 'escalation', queue: queue.kind, routes: built.primary.map((r) => r.name), backup: built.backup.map((r) => r.name) },
        'escalation worker started',
      );
    },
    async close(opts = {}) {
      clearInterval(purgeTimer);
      events.removeAllListeners();
      if (queue instanceof BullJobQueue) await queue.close(opts.force);
      else await queue.close();
    },
    queueKind: queue.kind,
    ephemeralKey: cipher.ephemeral,
    routes: { primary: built.primary.map((r) => r.name), backup: built.backup.map((r) => r.name) },
  };
}
