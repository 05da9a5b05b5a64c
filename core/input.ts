/**
 * What a young person said in one turn, whatever shape it came in: typed text, and every piece of
 * free text inside a card submission (Adaptive Card Input.Text values, odd or forged payloads included).
 * The safety check reads `freeText`; dialogs read `text` and `value`.
 */

export interface TurnInput {
  /** typed text, trimmed ('' for a card submission without text) */
  text: string;
  /** the card submission payload, if any and if it is a plain object */
  value?: Record<string, unknown>;
  /** typed text plus every string inside the submission, joined by new lines: what safety scans */
  freeText: string;
  fromCard: boolean;
}

const MAX_DEPTH = 6;
const MAX_STRINGS = 500;

function collectStrings(v: unknown, out: string[], depth: number): void {
  if (out.length >= MAX_STRINGS || depth > MAX_DEPTH) return;
  if (typeof v === 'string') {
    if (v.trim()) out.push(v);
  } else if (Array.isArray(v)) {
    for (const x of v) collectStrings(x, out, depth + 1);
  } else if (v && typeof v === 'object') {
    for (const x of Object.values(v as Record<string, unknown>)) collectStrings(x, out, depth + 1);
  }
}

export function readTurnInput(text: unknown, value: unknown): TurnInput {
  const t = typeof text === 'string' ? text.trim() : '';
  const strings: string[] = [];
  if (t) strings.push(t);
  let v: Record<string, unknown> | undefined;
  if (value && typeof value === 'object' && !Array.isArray(value)) v = value as Record<string, unknown>;
  if (value !== undefined && value !== null) collectStrings(value, strings, 0);
  // Avoid scanning the same words twice when a card echoes its typed text.
  const unique = [...new Set(strings)];
  return { text: t, value: v, freeText: unique.join('\n'), fromCard: v !== undefined };
}
