/**
 * The short form (about ten items, all six outcomes) offered after a My Star check-in or on its own, and the
 * rotating longer set: the remaining bank items, asked a few at a time across later check-ins.
 */
import type { OutcomeAnswerRecord } from '../records/types';
import { Bank, BankItem, loadBank } from './bank';

/** Short-form items in the order they are asked. */
export function shortFormItems(bank: Bank = loadBank()): BankItem[] {
  return bank.items
    .filter((i) => i.flags.shortForm)
    .sort((a, b) => (a.flags.shortFormOrder ?? 0) - (b.flags.shortFormOrder ?? 0));
}

/** The items outside the short form, in bank order. */
export function rotatingItems(bank: Bank = loadBank()): BankItem[] {
  return bank.items.filter((i) => !i.flags.shortForm);
}

/**
 * The next `count` rotating items to ask: those never asked first (in bank order), then those asked longest ago.
 * An item counts as asked when it was answered or skipped (both are stored). Pure: same input, same output.
 */
export function nextItems(
  history: readonly Pick<OutcomeAnswerRecord, 'frameworkId' | 'at'>[],
  count: number,
  bank: Bank = loadBank(),
): BankItem[] {
  const lastAsked = new Map<string, number>();
  for (const h of history) {
    const t = Date.parse(h.at);
    if (Number.isNaN(t)) continue;
    if ((lastAsked.get(h.frameworkId) ?? -Infinity) < t) lastAsked.set(h.frameworkId, t);
  }
  const pool = rotatingItems(bank).map((item, order) => ({ item, order, last: lastAsked.get(item.id) ?? -Infinity }));
  pool.sort((a, b) => a.last - b.last || a.order - b.order);
  return pool.slice(0, Math.max(0, Math.floor(count))).map((p) => p.item);
}

/** How long before the short form is offered again. */
export const SHORT_FORM_EVERY_DAYS = 28;
/** How many rotating items are asked at a later check-in. */
export const ROTATING_COUNT = 4;

/**
 * What to ask this time: the short form when it has not been asked in the last SHORT_FORM_EVERY_DAYS days
 * (or ever), otherwise the next few rotating items. Pure.
 */
export function chooseItems(
  history: readonly Pick<OutcomeAnswerRecord, 'frameworkId' | 'at'>[],
  now: Date,
  bank: Bank = loadBank(),
): { set: 'short' | 'rotating'; items: BankItem[] } {
  const short = new Set(shortFormItems(bank).map((i) => i.id));
  const lastShort = Math.max(-Infinity, ...history.filter((h) => short.has(h.frameworkId)).map((h) => Date.parse(h.at)).filter((t) => !Number.isNaN(t)));
  const due = now.getTime() - lastShort >= SHORT_FORM_EVERY_DAYS * 86_400_000;
  if (due) return { set: 'short', items: shortFormItems(bank) };
  // A short form stopped part way ("pause" after two questions) is finished first: its items (waiting, crisis help,
  // being listened to) are the ones commissioners most need, so they are not left until the next one is due.
  const since = lastShort - SHORT_FORM_EVERY_DAYS * 86_400_000;
  const asked = new Set(history.filter((h) => Date.parse(h.at) > since).map((h) => h.frameworkId));
  const rest = shortFormItems(bank).filter((i) => !asked.has(i.id));
  if (rest.length) return { set: 'short', items: rest };
  return { set: 'rotating', items: nextItems(history, ROTATING_COUNT, bank) };
}
