/**
 * Delivery routes: how an alert reaches a person. Each route gets the decrypted alert and the attempt,
 * and resolves when the receiver has accepted it; it throws to be retried (the queue retries forever
 * with capped backoff: a crisis alert is never given up on).
 */
import type { AlertView, FollowUpUpdate, RouteName, RouteSet } from './types';

export interface DeliveryAttempt {
  /** 1 for the first try of this delivery, 2 for the first retry, ... */
  number: number;
  /** 0 = first delivery, 1 = first re-escalation, ... */
  round: number;
  routeSet: RouteSet;
  /** the same on every retry of this delivery: "<alert id>:<route>" (":r<round>" added for re-escalations) */
  idempotencyKey: string;
}

export interface DeliveryRoute {
  name: RouteName;
  deliver(alert: AlertView, attempt: DeliveryAttempt): Promise<void>;
  /**
   * Tells the worker the young person has written more since the alert (the view carries the follow-ups).
   * Optional: a route without it is not told. Throws to be retried, like deliver.
   */
  followUps?(alert: AlertView, update: FollowUpUpdate): Promise<void>;
}

export function idempotencyKey(alertId: string, routeSet: RouteSet, route: RouteName, round: number): string {
  const label = routeSet === 'primary' ? route : `backup-${route}`;
  return `${alertId}:${label}${round > 0 ? `:r${round}` : ''}`;
}

/** Capped exponential backoff with up to 20% jitter: base, 2×base, 4×base ... never more than cap. */
export function backoffMs(attemptsMade: number, baseMs: number, capMs: number, random = Math.random): number {
  const exp = Math.min(capMs, baseMs * 2 ** Math.max(0, Math.min(attemptsMade - 1, 30)));
  return Math.round(Math.min(capMs, exp * (1 + 0.2 * random())));
}
