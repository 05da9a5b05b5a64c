/** The escalation service on the in-memory store and queue, with a manual clock (no waiting). */
import { conversationKeyOf, createEscalation, createManualClock, Escalation, ManualClock } from '../../core/escalation';
import { MemoryStore } from '../../core/storage';
import { DUTY_WORKER, log, makeConfig, OTHER_USER, recordingRoute, sampleInput, tick } from './helpers';

// Monday 5 January 2026, 10:00 London (on duty by the default hours).
const MONDAY_MORNING = new Date('2026-01-05T10:00:00Z');

function setup(opts: { primaryFailures?: number; backup?: boolean; env?: Record<string, string> } = {}) {
  const clock: ManualClock = createManualClock(MONDAY_MORNING);
  const store = new MemoryStore({ now: () => clock.now().getTime() });
  const primary = recordingRoute('webhook', opts.primaryFailures ?? 0);
  const backup = recordingRoute('teams');
  const esc: Escalation = createEscalation({
    store,
    config: makeConfig(opts.env),
    log,
    clock,
    routes: { primary: [primary], backup: opts.backup === false ? [] : [backup] },
    tuning: { retry: { baseMs: 1000, capMs: 8000 } },
  });
  return { clock, store, primary, backup, esc };
}

const worker = { id: DUTY_WORKER };
const stranger = { id: OTHER_USER };

describe('raising an alert (memory)', () => {
  it('delivers it and says a person has been told, on duty', async () => {
    const { esc, primary } = setup();
    await esc.start();
    const { alert, delivered } = await esc.raise(sampleInput(), { waitForDeliveryMs: 1500 });
    expect(delivered).toBe(true);
    expect(primary.delivered).toHaveLength(1);
    expect(primary.delivered[0].view.texts?.trigger.text).toContain('saving my tablets');
    expect(primary.delivered[0].attempt.idempotencyKey).toBe(`${alert.id}:webhook`);
    expect(alert.history.map((s) => s.state)).toEqual(['raised', 'delivered']);
    expect(esc.replyState(alert)).toBe('delivered_on_duty');
    expect(alert.conversationKey).toBe(conversationKeyOf('msteams', 'a:conv-1'));
    expect(alert.conversationRef.user).toEqual({ id: '29:young-person' }); // the name is not kept
    await esc.close();
  });

  it('says it is still trying while the route fails, and never that a person was told', async () => {
    const { esc, primary, clock } = setup({ primaryFailures: 5 });
    await esc.start();
    const { alert, delivered } = await esc.raise(sampleInput(), { waitForDeliveryMs: 100 });
    expect(delivered).toBe(false);
    expect(esc.replyState(alert)).toBe('trying');
    // Retries with backoff (1 s, 2 s, 4 s, 8 s, 8 s ... capped) until it gets through.
    await clock.advance(60_000);
    expect(primary.calls).toHaveLength(6);
    expect(primary.delivered).toHaveLength(1);
    expect(new Set(primary.calls.map((c) => c.attempt.idempotencyKey)).size).toBe(1);
    expect(primary.calls.map((c) => c.attempt.number)).toEqual([1, 2, 3, 4, 5, 6]);
    const after = await esc.get(alert.id);
    expect(after?.history.find((s) => s.state === 'delivered')?.attempts).toBe(6);
    // Nothing more is sent once it has been accepted.
    await clock.advance(10 * 60_000);
    expect(primary.delivered.filter((d) => d.attempt.round === 0)).toHaveLength(1);
    await esc.close();
  });

  it('queues alerts raised before the worker starts, and delivers them when it does', async () => {
    const { esc, primary } = setup();
    const { alert, delivered } = await esc.raise(sampleInput(), { waitForDeliveryMs: 50 });
    expect(delivered).toBe(false);
    await esc.start();
    expect(await esc.waitForDelivery(alert.id, 1000)).toBe(true);
    expect(primary.delivered).toHaveLength(1);
    await esc.close();
  });

  it('delivers off duty and says when someone will see it', async () => {
    const { esc, clock } = setup();
    clock.set(new Date('2026-01-10T23:00:00Z')); // Saturday night
    await esc.start();
    const { alert, delivered } = await esc.raise(sampleInput(), { waitForDeliveryMs: 1000 });
    expect(delivered).toBe(true);
    expect(esc.replyState(alert)).toBe('delivered_off_duty');
    expect(esc.dutyStatus().nextOnDuty?.toISOString()).toBe('2026-01-12T08:30:00.000Z');
    await esc.close();
  });
});

describe('several alerts in one conversation', () => {
  it('a follow-up alert names the alerts still open in the same conversation, and not resolved or other ones', async () => {
    const { esc } = setup();
    await esc.start();
    const first = (await esc.raise(sampleInput())).alert;
    const elsewhere = (await esc.raise(sampleInput({ conversationRef: { channelId: 'msteams', conversation: { id: 'a:other' } } }))).alert;
    const second = (await esc.raise(sampleInput())).alert;
    expect(first.earlierOpen).toBeUndefined();
    expect(elsewhere.earlierOpen).toBeUndefined();
    expect(second.earlierOpen).toEqual([first.id]);
    expect((await esc.resolve(first.id, { id: DUTY_WORKER }, 'Called the school; safe.')).ok).toBe(true);
    const third = (await esc.raise(sampleInput())).alert;
    expect(third.earlierOpen).toEqual([second.id]);
    expect((await esc.openAlertsIn(first.uid, first.conversationKey)).map((a) => a.id).sort()).toEqual([second.id, third.id].sort());
    await esc.close();
  });
});

describe('re-escalation', () => {
  it('sends an unacknowledged crisis alert to the backup route after 5 minutes, and records it', async () => {
    const { esc, clock, primary, backup } = setup();
    await esc.start();
    const { alert } = await esc.raise(sampleInput(), { waitForDeliveryMs: 1000 });
    await clock.advance(4 * 60_000 + 59_000);
    expect(backup.calls).toHaveLength(0);
    await clock.advance(2_000);
    expect(backup.delivered).toHaveLength(1);
    expect(backup.delivered[0].attempt.round).toBe(1);
    expect(backup.delivered[0].attempt.idempotencyKey).toBe(`${alert.id}:backup-teams:r1`);
    const rec = await esc.get(alert.id);
    expect(rec?.state).toBe('reescalated');
    expect(rec?.history.map((s) => `${s.state}:${s.by}`)).toEqual([
      'raised:starling',
      'delivered:webhook',
      'reescalated:starling',
      'delivered:backup:teams',
    ]);
    expect(primary.delivered).toHaveLength(1);
    // Still nobody: again after another 10 minutes (the wait doubles).
    await clock.advance(9 * 60_000);
    expect(backup.delivered.map((d) => d.attempt.round)).toEqual([1]);
    await clock.advance(2 * 60_000);
    expect(backup.delivered.map((d) => d.attempt.round)).toEqual([1, 2]);
    expect((await esc.audit({ alertId: alert.id })).filter((e) => e.event === 'alert.reescalated')).toHaveLength(2);
    await esc.close();
  });

  it('keeps re-escalating until someone acknowledges, the wait doubling to at most 40 minutes for crisis', async () => {
    const { esc, clock, backup } = setup();
    await esc.start();
    const { alert } = await esc.raise(sampleInput(), { waitForDeliveryMs: 1000 });
    const roundAt: number[] = [];
    for (let minute = 1; minute <= 240; minute++) {
      await clock.advance(60_000);
      while (roundAt.length < backup.delivered.length) roundAt.push(minute);
    }
    // 5, +10, +20, +40, +40, ... minutes
    expect(roundAt.slice(0, 7)).toEqual([5, 15, 35, 75, 115, 155, 195]);
    await esc.acknowledge(alert.id, { id: DUTY_WORKER });
    const n = backup.delivered.length;
    await clock.advance(120 * 60_000);
    expect(backup.delivered).toHaveLength(n);
    await esc.close();
  });

  it('uses the same routes again when there is no backup route', async () => {
    const { esc, clock, primary } = setup({ backup: false });
    await esc.start();
    const { alert } = await esc.raise(sampleInput(), { waitForDeliveryMs: 1000 });
    await clock.advance(5 * 60_000 + 1000);
    expect(primary.delivered.map((d) => d.attempt.idempotencyKey)).toEqual([`${alert.id}:webhook`, `${alert.id}:webhook:r1`]);
    await esc.close();
  });

  it('waits 30 minutes for safeguarding alerts', async () => {
    const { esc, clock, backup } = setup();
    await esc.start();
    await esc.raise(sampleInput({ level: 'safeguarding', category: 'abuse' }), { waitForDeliveryMs: 1000 });
    await clock.advance(29 * 60_000);
    expect(backup.calls).toHaveLength(0);
    await clock.advance(2 * 60_000);
    expect(backup.delivered).toHaveLength(1);
    await esc.close();
  });

  it('does not re-escalate an acknowledged alert', async () => {
    const { esc, clock, backup } = setup();
    await esc.start();
    const { alert } = await esc.raise(sampleInput(), { waitForDeliveryMs: 1000 });
    await clock.advance(60_000);
    expect((await esc.acknowledge(alert.id, worker)).ok).toBe(true);
    await clock.advance(30 * 60_000);
    expect(backup.calls).toHaveLength(0);
    expect((await esc.get(alert.id))?.state).toBe('acknowledged');
    await esc.close();
  });
});

describe('duty-worker actions', () => {
  it('acknowledge, take over and resolve with a note, each recorded with who and when', async () => {
    const { esc, clock } = setup();
    await esc.start();
    const { alert } = await esc.raise(sampleInput(), { waitForDeliveryMs: 1000 });
    await clock.advance(30_000);
    const ack = await esc.acknowledge(alert.id, worker);
    expect(ack.ok && ack.alert.state).toBe('acknowledged');
    const take = await esc.takeOver(alert.id, worker);
    expect(take.ok).toBe(true);
    const handoff = await esc.activeHandoff(alert.conversationKey);
    expect(handoff).toMatchObject({ alertId: alert.id, workerId: DUTY_WORKER });
    expect(handoff?.conversationRef.conversation?.id).toBe('a:conv-1');
    expect(await esc.activeHandoffs(DUTY_WORKER)).toHaveLength(1);

    expect(await esc.resolve(alert.id, worker, '   ')).toMatchObject({ ok: false, reason: 'note_required' });
    const res = await esc.resolve(alert.id, worker, 'Called the young person back; safety plan in place.');
    expect(res.ok).toBe(true);
    expect(await esc.activeHandoff(alert.conversationKey)).toBeUndefined();
    const rec = await esc.get(alert.id);
    expect(rec?.state).toBe('resolved');
    expect(rec?.history.map((s) => [s.state, s.by])).toEqual([
      ['raised', 'starling'],
      ['delivered', 'webhook'],
      ['acknowledged', DUTY_WORKER],
      ['taken_over', DUTY_WORKER],
      ['resolved', DUTY_WORKER],
    ]);
    expect(rec?.history[2].at).toBe('2026-01-05T10:00:30.000Z');
    expect(JSON.stringify(rec)).not.toContain('safety plan');
    const events = (await esc.audit({ alertId: alert.id })).map((e) => `${e.event}:${e.outcome}`);
    expect(events).toEqual([
      'alert.raised:ok',
      'alert.delivered:ok',
      'action.acknowledge:ok',
      'action.take_over:ok',
      'action.resolve:note_required',
      'handoff.end:ok',
      'action.resolve:ok',
    ]);
    await esc.close();
  });

  it('refuses someone not on the duty list, changes nothing, and audits the attempt', async () => {
    const { esc } = setup();
    await esc.start();
    const { alert } = await esc.raise(sampleInput(), { waitForDeliveryMs: 1000 });
    const before = await esc.get(alert.id);
    for (const r of [await esc.acknowledge(alert.id, stranger), await esc.takeOver(alert.id, stranger), await esc.resolve(alert.id, stranger, 'x')]) {
      expect(r).toMatchObject({ ok: false, reason: 'not_duty_worker' });
    }
    expect(await esc.get(alert.id)).toEqual(before);
    expect(await esc.activeHandoff(alert.conversationKey)).toBeUndefined();
    const refused = (await esc.audit({ alertId: alert.id })).filter((e) => e.outcome === 'not_duty_worker');
    expect(refused.map((e) => [e.event, e.actor])).toEqual([
      ['action.acknowledge', OTHER_USER],
      ['action.take_over', OTHER_USER],
      ['action.resolve', OTHER_USER],
    ]);
    expect(esc.isDutyWorker(DUTY_WORKER.toUpperCase())).toBe(true);
    expect(esc.isDutyWorker(OTHER_USER)).toBe(false);
    expect(esc.isDutyWorker(undefined)).toBe(false);
    await esc.close();
  });

  it('ignores forged actions: an unknown alert id, a replayed Acknowledge, a second take-over, anything after resolve', async () => {
    const { esc } = setup();
    await esc.start();
    const { alert } = await esc.raise(sampleInput(), { waitForDeliveryMs: 1000 });
    expect(await esc.acknowledge('no-such-alert', worker)).toMatchObject({ ok: false, reason: 'unknown_alert' });
    expect(await esc.acknowledge('../../etc/passwd', worker)).toMatchObject({ ok: false, reason: 'unknown_alert' });
    expect((await esc.acknowledge(alert.id, worker)).ok).toBe(true);
    const afterAck = await esc.get(alert.id);
    expect(await esc.acknowledge(alert.id, worker)).toMatchObject({ ok: false, reason: 'invalid_state' });
    expect(await esc.get(alert.id)).toEqual(afterAck);
    expect((await esc.takeOver(alert.id, worker)).ok).toBe(true);
    expect(await esc.takeOver(alert.id, { id: DUTY_WORKER })).toMatchObject({ ok: false, reason: 'invalid_state' });
    expect((await esc.resolve(alert.id, worker, 'done')).ok).toBe(true);
    const resolved = await esc.get(alert.id);
    expect(await esc.takeOver(alert.id, worker)).toMatchObject({ ok: false, reason: 'invalid_state' });
    expect(await esc.resolve(alert.id, worker, 'again')).toMatchObject({ ok: false, reason: 'invalid_state' });
    expect(await esc.get(alert.id)).toEqual(resolved);
    expect(await esc.activeHandoff(alert.conversationKey)).toBeUndefined();
    const outcomes = (await esc.audit()).filter((e) => e.outcome !== 'ok').map((e) => `${e.event}:${e.outcome}`);
    expect(outcomes).toEqual([
      'action.acknowledge:unknown_alert',
      'action.acknowledge:unknown_alert',
      'action.acknowledge:invalid_state',
      'action.take_over:invalid_state',
      'action.take_over:invalid_state',
      'action.resolve:invalid_state',
    ]);
    await esc.close();
  });

  it('lets only one of two simultaneous acknowledgements win', async () => {
    const { esc } = setup({ env: { DUTY_WORKER_IDS: `${DUTY_WORKER},aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee` } });
    await esc.start();
    const { alert } = await esc.raise(sampleInput(), { waitForDeliveryMs: 1000 });
    const results = await Promise.all([esc.acknowledge(alert.id, worker), esc.acknowledge(alert.id, { id: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee' })]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect((await esc.get(alert.id))?.history.filter((s) => s.state === 'acknowledged')).toHaveLength(1);
    await esc.close();
  });

  it('a worker can end a handoff without resolving the alert', async () => {
    const { esc } = setup();
    await esc.start();
    const { alert } = await esc.raise(sampleInput(), { waitForDeliveryMs: 1000 });
    await esc.takeOver(alert.id, worker);
    expect(await esc.endHandoff(alert.conversationKey, stranger)).toMatchObject({ ok: false, reason: 'not_duty_worker' });
    expect(await esc.activeHandoff(alert.conversationKey)).toBeDefined();
    expect((await esc.endHandoff(alert.conversationKey, worker)).ok).toBe(true);
    expect(await esc.activeHandoff(alert.conversationKey)).toBeUndefined();
    expect((await esc.get(alert.id))?.state).toBe('taken_over');
    await tick();
    await esc.close();
  });
});
