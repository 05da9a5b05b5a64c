/**
 * The Adaptive Card (1.5) for one outcome question, as plain JSON (no botbuilder here): how true it is, five
 * answer buttons (emoji for 8-11), an optional "want to say more?" box that is sent with the answer, skip
 * ("I haven't had help yet" for items about services), and stop and help as { kind: 'nav' } buttons, which the
 * main dialog handles whatever is running (dialogs/README.md). Every answer button's data names the item, so a
 * press on an old card cannot answer a different question.
 */
import type { AgeBand } from '../ageBands';
import type { Words } from '../i18n';
import type { BankItem } from './bank';
import { MAX_COMMENT_CHARS } from './answers';

export const OUTCOME_KIND = 'outcomes.answer';
export const OFFER_KIND = 'outcomes.offer';

export interface OutcomeSubmission {
  kind: typeof OUTCOME_KIND;
  item: string;
  answer?: 1 | 2 | 3 | 4 | 5;
  skip?: true;
  comment?: string;
}

const navButton = (title: string, intent: 'stop' | 'help') => ({ type: 'Action.Submit', title, data: { kind: 'nav', intent } });

export function outcomeItemCard(opts: { words: Words; band: AgeBand; item: BankItem; n: number; total: number }): Record<string, unknown> {
  const { words: w, band, item } = opts;
  const answers = [1, 2, 3, 4, 5].map((n) => ({
    type: 'Action.Submit',
    title: w.t(`outcomes:scale.${n}`, { band }),
    data: { kind: OUTCOME_KIND, item: item.id, answer: n },
  }));
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: w.t('outcomes:progress', { band, n: opts.n, total: opts.total }), isSubtle: true, size: 'Small', wrap: true },
      { type: 'TextBlock', text: w.t(item.key, { band }), wrap: true, weight: 'Bolder', size: 'Medium' },
      { type: 'TextBlock', text: w.t('outcomes:howTrue', { band }), wrap: true },
      {
        type: 'Input.Text',
        id: 'comment',
        label: w.t('outcomes:commentLabel', { band }),
        isMultiline: true,
        maxLength: MAX_COMMENT_CHARS,
      },
      { type: 'ActionSet', actions: answers },
    ],
    actions: [
      {
        type: 'Action.Submit',
        title: item.flags.aboutServices ? w.t('outcomes:skipServices', { band }) : w.t('outcomes:skip', { band }),
        data: { kind: OUTCOME_KIND, item: item.id, skip: true },
      },
      navButton(w.t('outcomes:stop', { band }), 'stop'),
      navButton(w.t('outcomes:help', { band }), 'help'),
    ],
  };
}

/** The offer: yes / not now. */
export function outcomeOfferCard(opts: { words: Words; band: AgeBand }): Record<string, unknown> {
  const { words: w, band } = opts;
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [],
    actions: [
      { type: 'Action.Submit', title: w.t('outcomes:offer.yes', { band }), data: { kind: OFFER_KIND, start: true } },
      { type: 'Action.Submit', title: w.t('outcomes:offer.notNow', { band }), data: { kind: OFFER_KIND, start: false } },
    ],
  };
}

/**
 * What a card submission or typed text means for the current item: an answer 1-5 or skip (with an optional comment
 * from the card), stop (typed words the main dialog does not already treat as stop, e.g. "I'm done"), `stale` for a
 * press on a card for another item, or nothing when it is unclear or forged.
 */
export function readOutcomeReply(
  input: { text: string; value?: Record<string, unknown> },
  itemId: string,
  parseTyped: (text: string) => 1 | 2 | 3 | 4 | 5 | 'skip' | 'stop' | undefined,
): { answer?: 1 | 2 | 3 | 4 | 5 | 'skip' | 'stop'; comment?: string; stale?: boolean } {
  const v = input.value;
  if (v && v.kind === OUTCOME_KIND) {
    if (v.item !== itemId) return { stale: true };
    const comment = typeof v.comment === 'string' && v.comment.trim() ? v.comment.trim().slice(0, MAX_COMMENT_CHARS) : undefined;
    if (v.skip === true) return { answer: 'skip', comment };
    const n = Number(v.answer);
    if (Number.isInteger(n) && n >= 1 && n <= 5) return { answer: n as 1 | 2 | 3 | 4 | 5, comment };
    return {};
  }
  return input.text ? readTyped(input.text, parseTyped) : {};
}

/**
 * Typed words can hold an answer and a comment at once ("not really, my teacher never listens"): the answer is read
 * from the whole text, or else from its first part (up to a comma, full stop, dash, "but" or "because"); anything
 * longer than a few words is kept as their comment, as the card's "want to say more?" box would keep it.
 */
function readTyped(
  text: string,
  parseTyped: (text: string) => 1 | 2 | 3 | 4 | 5 | 'skip' | 'stop' | undefined,
): { answer?: 1 | 2 | 3 | 4 | 5 | 'skip' | 'stop'; comment?: string } {
  const whole = text.trim();
  const wordCount = whole.split(/\s+/).filter(Boolean).length;
  let answer = parseTyped(whole);
  // In a longer comment a word like "done", "end" or "later" is part of what they are telling us ("it ended before I
  // was ready"), not a wish to stop: a long reply stops only when it starts by saying so ("stop, I'm tired").
  if (answer === 'stop' && wordCount > 3) answer = undefined;
  if (answer === undefined) {
    const first = whole.split(/\s*(?:[,;.!?\u2013\u2014]|\s-\s|\bbut\b|\bbecause\b|\bcos\b|\bcoz\b)\s*/i)[0];
    if (first && first !== whole) {
      answer = parseTyped(first);
    }
  }
  if (answer === undefined || answer === 'stop') return { answer };
  return wordCount > 3 ? { answer, comment: whole.slice(0, MAX_COMMENT_CHARS) } : { answer };
}
