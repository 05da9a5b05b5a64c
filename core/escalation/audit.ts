/**
 * Append-only audit of every alert state change and every duty-worker action. Never holds message text.
 * Each entry goes to the global list; entries about an alert that exists also go to that alert's own
 * list, so one alert's trail is read without scanning everything (forged ids never create keys).
 */
import type { Store } from '../storage';
import { AuditEntry, escalationKeys } from './types';

export async function appendAudit(store: Store, entry: AuditEntry, alertExists = false): Promise<void> {
  await store.listPush(escalationKeys.audit(), entry);
  if (alertExists && entry.alertId) await store.listPush(escalationKeys.alertAudit(entry.alertId), entry);
}

export async function listAudit(store: Store, opts: { alertId?: string; limit?: number } = {}): Promise<AuditEntry[]> {
  const limit = opts.limit ?? 1000;
  const key = opts.alertId ? escalationKeys.alertAudit(opts.alertId) : escalationKeys.audit();
  return store.listRange<AuditEntry>(key, -limit, -1);
}
