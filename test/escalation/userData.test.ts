/** Alerts in "show my data" and "delete my data". */
import { createEscalation } from '../../core/escalation';
import { collectUserData, eraseUserData } from '../../core/records/userData';
import { MemoryStore } from '../../core/storage';
import { DUTY_WORKER, log, makeConfig, recordingRoute, sampleInput, TRIGGER } from './helpers';

it('shows when alerts were raised (no text, no staff ids); delete removes the text of resolved ones and keeps open cases', async () => {
  const store = new MemoryStore();
  const esc = createEscalation({ store, config: makeConfig(), log, routes: { primary: [recordingRoute('webhook')], backup: [] } });
  await esc.start();
  const open = await esc.raise(sampleInput(), { waitForDeliveryMs: 1000 });
  const done = await esc.raise(sampleInput({ level: 'safeguarding', category: 'abuse' }), { waitForDeliveryMs: 1000 });
  await esc.resolve(done.alert.id, { id: DUTY_WORKER }, 'Referred to children’s services.');

  const shown = (await collectUserData(store, 'u_abc123')).alerts as { level: string; state: string }[];
  expect(shown.map((a) => [a.level, a.state]).sort()).toEqual([
    ['crisis', 'delivered'],
    ['safeguarding', 'resolved'],
  ]);
  expect(JSON.stringify(shown)).not.toContain(DUTY_WORKER);
  expect(JSON.stringify(shown)).not.toContain(TRIGGER);

  await eraseUserData(store, 'u_abc123');
  expect((await esc.view(done.alert.id))?.texts).toBeUndefined();
  expect((await esc.get(done.alert.id))?.uid).toBe('erased');
  expect((await esc.view(open.alert.id))?.texts?.trigger.text).toBe(TRIGGER);
  expect((await collectUserData(store, 'u_abc123')).alerts).toEqual([{ raisedAt: open.alert.createdAt, level: 'crisis', category: 'suicide', state: 'delivered' }]);
  await esc.close();
});
