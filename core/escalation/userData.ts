/**
 * Alerts in "show my data" and "delete my data".
 * - show: when alerts were raised about the young person, their level, category and state (not staff ids).
 * - delete: alerts that are resolved lose their message text (with what was written after the alert: the
 *   follow-ups are kept in the same encrypted document) and their link to the young person;
 *   an alert that is still open is kept until a duty worker resolves it (a safeguarding case in
 *   progress must not disappear), and its text still expires after ALERT_RETENTION_DAYS.
 */
import { registerUserDataSource } from '../records/userData';
import type { Store } from '../storage';
import { AlertRecord, escalationKeys as K, followUpKeys } from './types';

async function alertsOf(store: Store, uid: string): Promise<AlertRecord[]> {
  const ids = await store.setMembers(K.userAlerts(uid));
  const out: AlertRecord[] = [];
  for (const id of ids) {
    const got = (await store.read([K.alert(id)]))[K.alert(id)] as AlertRecord | undefined;
    if (got && got.uid === uid) out.push(got);
  }
  return out.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

export function registerAlertUserData(): void {
  registerUserDataSource({
    name: 'alerts',
    async collect(store, uid) {
      return (await alertsOf(store, uid)).map((a) => ({ raisedAt: a.createdAt, level: a.level, category: a.category, state: a.state }));
    },
    async erase(store, uid) {
      for (const a of await alertsOf(store, uid)) {
        if (a.state !== 'resolved') continue;
        await store.remove([K.alertText(a.id), ...followUpKeys(a.id)]);
        await store.write({ [K.alert(a.id)]: { ...a, uid: 'erased' } });
        await store.setRemove(K.userAlerts(uid), a.id);
      }
    },
  });
}
