/** docs/duty-guide.md stays true to what the card and the configuration actually do. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildAlertCard } from '../../core/escalation';
import { parseConfig } from '../../core/config';
import { ROOT } from '../../core/paths';

const guide = readFileSync(path.join(ROOT, 'docs', 'duty-guide.md'), 'utf8');

it('names every button the card has, as the card names it', () => {
  const card = buildAlertCard({
    alert: {
      id: 'a-1', createdAt: '2026-01-05T10:00:00Z', level: 'crisis', category: 'suicide', reasons: [], uid: 'u', conversationKey: 'c',
      conversationRef: {}, state: 'delivered', history: [], round: 0,
    },
  }) as { actions: { title: string }[] };
  for (const a of card.actions) expect(guide).toContain(`| **${a.title}** |`);
});

it('gives the default re-escalation minutes the configuration uses', () => {
  const c = parseConfig({});
  expect(guide).toContain(`${c.REESCALATE_CRISIS_MINUTES} minutes (\`REESCALATE_CRISIS_MINUTES\`)`);
  expect(guide).toContain(`${c.REESCALATE_SAFEGUARDING_MINUTES} minutes (\`REESCALATE_SAFEGUARDING_MINUTES\`)`);
});

it('names only settings that exist', () => {
  const c = parseConfig({}) as unknown as Record<string, unknown>;
  const named = [...guide.matchAll(/`([A-Z][A-Z_]{3,}[A-Za-z]*)`/g)].map((m) => m[1]);
  expect(named.length).toBeGreaterThan(3);
  for (const n of named) expect(Object.keys(c)).toContain(n);
});
