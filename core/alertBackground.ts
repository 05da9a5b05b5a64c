/**
 * What a duty worker should know beside the message that raised an alert, in plain words and without
 * anything the young person wrote: earlier safety notes in the same conversation (concerns that did not
 * alert on their own), and the professional summary of their latest check-in (suggested threshold level
 * and its reasons). Plain TypeScript; the safety middleware passes it to the alert.
 */
import type { Words } from './i18n';
import { latestTwo, professionalSummary } from './mystar';
import type { Store } from './storage';

export interface SafetyNote {
  at: string;
  level: string;
  category: string | null;
  reasons: string[];
}

const MAX_NOTES = 5;
const when = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));

/** Lines for the worker, oldest note first, then the check-in summary. Never throws: background is a help, not a gate. */
export async function alertBackground(store: Store, words: Words, o: { uid: string; earlierNotes: SafetyNote[] }): Promise<string[]> {
  const lines: string[] = [];
  for (const n of o.earlierNotes.slice(-MAX_NOTES)) {
    lines.push(`Earlier (${when(n.at)}): ${n.level}${n.category ? `, ${n.category.replace(/_/g, ' ')}` : ''}. ${n.reasons[0] ?? ''}`.trim());
  }
  try {
    const { current, previous } = await latestTwo(store, o.uid);
    if (current) {
      const s = professionalSummary(current, previous, words);
      lines.push(
        `Latest check-in (${when(s.at)}): suggested level ${s.level} (${s.levelName}). ${s.reasons.map((r) => r.text).join(' ')} ${s.disclaimer}`.trim(),
      );
    }
  } catch {
    // a broken or missing record must never stop an alert
  }
  return lines;
}
