/** Alert text is encrypted at rest and readable only with the key. */
import { createCipher, createEscalation } from '../../core/escalation';
import { MemoryStore } from '../../core/storage';
import { CONTEXT_LINE, DUTY_WORKER, KEY, log, makeConfig, recordingRoute, sampleInput, TRIGGER } from './helpers';

describe('alert text encryption', () => {
  it('round-trips, with a fresh IV each time', () => {
    const c = createCipher(KEY);
    const a = c.encrypt('hello 👋 é');
    const b = c.encrypt('hello 👋 é');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^v1\./);
    expect(c.decrypt(a)).toBe('hello 👋 é');
  });

  it('rejects a changed blob and another key', () => {
    const c = createCipher(KEY);
    const blob = c.encrypt('secret words');
    const parts = blob.split('.');
    const ct = Buffer.from(parts[3], 'base64');
    ct[0] ^= 1;
    expect(() => c.decrypt([parts[0], parts[1], parts[2], ct.toString('base64')].join('.'))).toThrow();
    expect(() => createCipher(Buffer.alloc(32, 9).toString('base64')).decrypt(blob)).toThrow();
  });

  it('an ephemeral key works within the process and says it is ephemeral', () => {
    const c = createCipher(undefined);
    expect(c.ephemeral).toBe(true);
    expect(c.decrypt(c.encrypt('x'))).toBe('x');
  });

  it('stored alert records, text documents and the audit hold no plaintext; the text expires after the retention period', async () => {
    let now = Date.parse('2026-01-05T10:00:00Z');
    const store = new MemoryStore({ now: () => now });
    const esc = createEscalation({
      store,
      config: makeConfig({ ALERT_RETENTION_DAYS: '30' }),
      log,
      routes: { primary: [recordingRoute('webhook')], backup: [] },
      clock: { now: () => new Date(now), setTimer: () => () => undefined },
    });
    await esc.start();
    const { alert } = await esc.raise(sampleInput(), { waitForDeliveryMs: 1000 });
    await esc.resolve(alert.id, { id: DUTY_WORKER }, 'Rang the school safeguarding lead.');
    // Everything the memory store holds (its private maps), as one string.
    const inside = store as unknown as { docs: Map<string, unknown>; lists: Map<string, unknown> };
    const everything = JSON.stringify({ docs: [...inside.docs.entries()], lists: [...inside.lists.entries()] });
    expect(everything).toContain(alert.id);
    for (const plain of [TRIGGER, CONTEXT_LINE, 'safeguarding lead', 'Jamie']) expect(everything).not.toContain(plain);
    expect((await esc.view(alert.id))?.texts?.trigger.text).toBe(TRIGGER);

    now += 29 * 86400_000;
    expect((await esc.view(alert.id))?.texts?.context[0].text).toBe(CONTEXT_LINE);
    now += 2 * 86400_000;
    const view = await esc.view(alert.id);
    expect(view?.alert.id).toBe(alert.id);
    expect(view?.texts).toBeUndefined();
    expect(await esc.purgeExpired()).toBe(1);
    expect(await esc.get(alert.id)).toBeUndefined();
    await esc.close();
  });
});
