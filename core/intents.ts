/** Recognises the typed phrases in content/intents.json. Plain and fast: one normalised lookup per turn. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { CONTENT_DIR } from './paths';

const IntentsFile = z.object({
  intents: z.array(
    z.object({ id: z.string().regex(/^[a-z_]+$/), match: z.enum(['exact', 'contains']), phrases: z.array(z.string().min(1)).min(1) }),
  ),
});

export function normalisePhrase(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

export interface IntentMatcher {
  match(text: string): string | undefined;
  /** only the phrases that must be the whole message (match 'exact'): never a word inside an answer */
  matchExact(text: string): string | undefined;
  /** the ids it knows */
  ids(): string[];
}

export function createIntentMatcher(file = path.join(CONTENT_DIR, 'intents.json')): IntentMatcher {
  const parsed = IntentsFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues[0].path.join('.')} ${parsed.error.issues[0].message}`);
  const exact = new Map<string, string>();
  const contains: [string, string][] = [];
  for (const i of parsed.data.intents) {
    for (const p of i.phrases) {
      const n = normalisePhrase(p);
      if (i.match === 'exact') exact.set(n, i.id);
      else contains.push([` ${n} `, i.id]);
    }
  }
  return {
    match(text: string) {
      const n = normalisePhrase(text);
      if (!n) return undefined;
      const e = exact.get(n);
      if (e) return e;
      if (n.length > 300) return undefined; // a long message is a message, not a command
      const padded = ` ${n} `;
      return contains.find(([p]) => padded.includes(p))?.[1];
    },
    matchExact: (text: string) => exact.get(normalisePhrase(text)),
    ids: () => [...new Set(parsed.data.intents.map((i) => i.id))],
  };
}
