/** No unverified or expired entry reaches a young person; past review, the Tier-1 fail-safe still answers. */
import { crisisRoutes, loadDirectory, reachableNow, signpost, toView } from '../../core/services';
import { PURPOSES, Service } from '../../core/services/schema';

const NOW = new Date('2026-11-23T15:00:00Z');
const TIMES = [NOW, new Date('2026-11-28T23:30:00Z'), new Date('2026-12-28T15:00:00Z'), new Date('2027-01-15T03:00:00Z')];

it('no unverified or expired entry is offered for any need, age, area or time', () => {
  for (const now of TIMES) {
    const dir = loadDirectory({ now });
    const bad = new Set((dir.hidden ?? []).map((s) => s.id));
    const failSafe = new Set((dir.fallback ?? []).map((s) => s.id));
    const byId = new Map([...dir.services, ...(dir.hidden ?? [])].map((s) => [s.id, s]));
    for (const need of PURPOSES)
      for (const age of [9, 14, 22])
        for (const area of ['coventry', 'warwickshire', 'buckinghamshire', 'milton_keynes', 'elsewhere'] as const) {
          for (const v of signpost(dir, { need, now, age, area, limit: 50 })) {
            // Past review, the Tier-1 entries come from the built-in fail-safe set (services.md §7b.7).
            if (failSafe.has(v.id) && bad.has(v.id)) continue;
            expect(bad.has(v.id)).toBe(false);
            const s = byId.get(v.id)!;
            expect(s.status).not.toBe('unverified');
            expect(now.toISOString().slice(0, 10) <= s.next_review_due).toBe(true);
            expect(s.audience).toBe('young_people');
          }
          expect(signpost(dir, { need, now, age, area }).some(reachableNow)).toBe(true);
        }
  }
});

it('after every review date has passed, only the Tier-1 fail-safe remains: 999, 111 and a listening line', () => {
  const later = new Date('2027-06-01T12:00:00Z');
  const dir = loadDirectory({ now: later });
  expect(dir.services).toEqual([]);
  expect(dir.warnings.some((w) => w.includes('"childline" is past its review date 2026-12-23'))).toBe(true);
  const v = crisisRoutes(dir, { now: later, age: 22 });
  expect(v.map((x) => x.id)).toEqual(['emergency-999', 'nhs-111-mental-health', 'samaritans']);
  const s = signpost(dir, { need: 'bereavement', now: later, age: 22 });
  expect(s.map((x) => x.id)).toEqual(['nhs-111-mental-health', 'samaritans']);
});

it('an unverified entry handed over in a directory is never shown, even to crisisRoutes', () => {
  const dir = loadDirectory({ now: NOW });
  const calm = dir.hidden!.find((s) => s.id === 'calm')!;
  const sneaky: Service = { ...calm, crisis_role: 'listening', hours: { always: true } };
  const v = crisisRoutes({ ...dir, services: [sneaky, ...dir.services] }, { now: NOW, age: 20 });
  expect(v.map((x) => x.id)).not.toContain('calm');
  expect(() => toView(calm, { now: NOW })).toThrow(/not showable/);
});
