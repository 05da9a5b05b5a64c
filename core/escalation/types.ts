/**
 * Alert records: plain data, no botbuilder types. Message text never appears here in plain form:
 * it sits in a separate document, encrypted (see crypto.ts), that expires after ALERT_RETENTION_DAYS.
 */
import type { AgeBand } from '../ageBands';

export type AlertLevel = 'crisis' | 'safeguarding';
export type RouteName = 'teams' | 'webhook';
/** primary = ALERT_ROUTES, backup = ALERT_BACKUP_ROUTES (or the primary routes again when none). */
export type RouteSet = 'primary' | 'backup';

export type AlertState = 'raised' | 'delivered' | 'reescalated' | 'acknowledged' | 'taken_over' | 'resolved';

export interface AlertStep {
  state: AlertState;
  at: string;
  /** 'starling', a route ('webhook', 'backup:teams') or a duty worker's Entra ID object id */
  by: string;
  /** which delivery round (0 = first, 1 = first re-escalation, ...) */
  round?: number;
  /** delivery attempts it took */
  attempts?: number;
}

/** One message for context. `from` is who wrote it, never a name. */
export interface AlertMessage {
  from: 'young_person' | 'starling';
  text: string;
  at?: string;
}

/** A conversation reference as plain JSON (botbuilder's ConversationReference, without the user's name). */
export type ConversationRef = Record<string, unknown> & {
  channelId?: string;
  serviceUrl?: string;
  conversation?: { id: string; [k: string]: unknown };
  user?: { id: string; [k: string]: unknown };
};

export interface AlertRecord {
  id: string;
  createdAt: string;
  level: AlertLevel;
  /** e.g. 'suicide', 'self_harm', 'abuse', 'exploitation', 'unsafe_checkin' */
  category: string;
  /** the detector's reasons in plain words for a duty worker; never quotes the young person */
  reasons: string[];
  /** pseudonymous id of the young person (HMAC of channel + user id) */
  uid: string;
  ageBand?: AgeBand;
  channel?: string;
  area?: string;
  /** link-free id of the conversation (a hash): what the webhook and the handoff state use */
  conversationKey: string;
  conversationRef: ConversationRef;
  state: AlertState;
  history: AlertStep[];
  /** round of the latest re-escalation (0 = none yet) */
  round: number;
  /** alerts in the same conversation that were still open when this one was raised (oldest first) */
  earlierOpen?: string[];
  /** the resolution note, encrypted */
  noteEnc?: string;
  eTag?: string;
}

/** The encrypted text document stored beside an alert (expires after the retention period). */
export interface AlertTextDoc {
  /** AES-256-GCM blob of JSON AlertTexts { trigger, context, background? } */
  enc: string;
}

export interface AlertTexts {
  trigger: AlertMessage;
  context: AlertMessage[];
  /** what the worker should know beside the message (earlier concerns, latest check-in summary); never the young person's words */
  background?: string[];
  /** what the young person wrote after the alert while it was open and nobody had taken over, oldest first (the last FOLLOW_UPS_KEPT) */
  followUps?: AlertFollowUp[];
  /** follow-ups written but no longer kept (more than FOLLOW_UPS_KEPT came) */
  followUpsDropped?: number;
}

/** One later message from the young person, with what the detector made of it (its level is below an alert's). */
export interface AlertFollowUp {
  text: string;
  at: string;
  /** 'none' or 'concern' (a message that scores crisis or safeguarding raises an alert of its own) */
  level: string;
  category: string | null;
  /** the detector's reasons in plain words; never quotes the young person */
  reasons: string[];
}

/** What the caller gives addFollowUp(): one message the young person typed after an alert in this conversation. */
export interface FollowUpInput {
  uid: string;
  conversationKey: string;
  text: string;
  at?: string;
  level: string;
  category: string | null;
  reasons: string[];
}

/** What a route is given to tell the worker that more was written (the count, never the words in a notice). */
export interface FollowUpUpdate {
  /** follow-ups on the alert now */
  count: number;
  /** how many of them this route has not told the worker about yet */
  unseen: number;
  /** 1 for the first try */
  attempt: number;
  /** the same on every retry: "<alert id>:<route>:followups:<count>" */
  idempotencyKey: string;
}

/** What the caller gives raise(). */
export interface RaiseInput {
  level: AlertLevel;
  category: string;
  reasons: string[];
  uid: string;
  ageBand?: AgeBand;
  channel?: string;
  area?: string;
  conversationRef: ConversationRef;
  /** defaults to conversationKeyOf(channelId, conversation id) */
  conversationKey?: string;
  /** the message that raised the alert */
  trigger: AlertMessage;
  /** the last few messages before it, oldest first (at most 10 are kept) */
  context?: AlertMessage[];
  /** plain lines for the worker (core/alertBackground.ts); kept encrypted with the text, at most 8 */
  background?: string[];
}

export interface Actor {
  /** Entra ID object id (aadObjectId) */
  id: string;
  /** shown in the record history only as the id; the name is never stored */
  name?: string;
}

/** Decrypted view for routes and staff tools. */
export interface AlertView {
  alert: AlertRecord;
  texts?: AlertTexts;
  /** the resolution note, decrypted (staff tools and the resolved card only) */
  note?: string;
}

export interface AuditEntry {
  at: string;
  /** 'alert.raised', 'alert.delivered', 'alert.reescalated', 'action.acknowledge', 'handoff.end', ... */
  event: string;
  alertId?: string;
  actor: string;
  /** 'ok' or why nothing changed */
  outcome: 'ok' | 'not_duty_worker' | 'unknown_alert' | 'invalid_state' | 'note_required' | 'not_delivered';
  from?: AlertState;
  to?: AlertState;
  route?: string;
  round?: number;
  attempt?: number;
}

export interface Handoff {
  conversationKey: string;
  alertId: string;
  workerId: string;
  startedAt: string;
  endedAt?: string;
  /** the young person's conversation, so the bot side can relay to it */
  conversationRef: ConversationRef;
}

/** Where alert cards go in Teams: a channel's conversation reference, set on install or by "alerts here". */
export interface DutyChannel {
  ref: ConversationRef;
  teamId?: string;
  tenantId?: string;
  /** Entra ID object id of the duty worker who set it ('install' when set on installation) */
  setBy: string;
  setAt: string;
}

/** One alert card posted in the duty channel; its thread is where a handoff is relayed. */
export interface AlertThread {
  round: number;
  activityId: string;
  /** the reference for replying in the card's thread */
  threadRef: ConversationRef;
  at: string;
}

/** Store keys for escalation, in one place. */
export const escalationKeys = {
  alert: (id: string) => `alert:${id}`,
  alertText: (id: string) => `alert:${id}:text`,
  allAlerts: () => 'index:alerts',
  userAlerts: (uid: string) => `user:${uid}:alerts`,
  audit: () => 'audit:escalation',
  alertAudit: (id: string) => `alert:${id}:audit`,
  handoff: (conversationKey: string) => `handoff:${conversationKey}`,
  handoffHistory: (conversationKey: string) => `handoff:${conversationKey}:history`,
  activeHandoffs: () => 'index:handoffs',
  /** the duty team's channel (DutyChannel) */
  dutyChannel: () => 'escalation:dutychannel',
  /** cards posted for an alert: list of AlertThread */
  alertThreads: (id: string) => `alert:${id}:threads`,
  /** follow-ups: a short lock while one is added, the notice window, and how many each route has told (no text in any of them) */
  followUpLock: (id: string) => `alert:${id}:followups:lock`,
  followUpWindow: (id: string) => `alert:${id}:followups:window`,
  followUpTold: (id: string, route: string) => `alert:${id}:followups:told:${route}`,
  /** which alert a Teams thread belongs to (key: hash of the thread's conversation id) */
  threadAlert: (threadHash: string) => `escalation:thread:${threadHash}`,
};

/** Every route name, for the keys kept per route. */
export const ROUTE_NAMES: readonly RouteName[] = ['teams', 'webhook'];

/** How a route is named in history and keys: "teams" for a primary route, "backup:teams" for a backup one. */
export const routeLabel = (j: { routeSet: RouteSet; route: RouteName }) => (j.routeSet === 'primary' ? j.route : `backup:${j.route}`);

/** The keys beside an alert that only follow-ups use (none holds text: that is in the alert's text document). */
export function followUpKeys(alertId: string): string[] {
  const labels = (['primary', 'backup'] as const).flatMap((routeSet) => ROUTE_NAMES.map((route) => routeLabel({ routeSet, route })));
  return [escalationKeys.followUpLock(alertId), escalationKeys.followUpWindow(alertId), ...labels.map((r) => escalationKeys.followUpTold(alertId, r))];
}
