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
  /** which alert a Teams thread belongs to (key: hash of the thread's conversation id) */
  threadAlert: (threadHash: string) => `escalation:thread:${threadHash}`,
};
