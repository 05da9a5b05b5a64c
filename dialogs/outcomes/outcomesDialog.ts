/**
 * The outcome questions: the short form (about ten items, all six outcomes) or, at later check-ins, a few rotating
 * items (core/outcomes chooseItems). One Adaptive Card per item: five answers (emoji for 8-11), an optional
 * "want to say more?" box, skip, stop and help. Typed answers work too (1-5, words, emoji, skip, "I'm done").
 * Each answer is stored as soon as it is given, so stopping part way keeps what was said.
 * Started from the menu, or by the check-in at its end with { afterCheckIn: true, checkInId }.
 * Flow only: every word is in locales/en-GB/outcomes.json.
 */
import { Activity, ActivityTypes, CardFactory, TurnContext } from 'botbuilder';
import { ComponentDialog, DialogTurnResult, PromptValidatorContext, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import type { AgeBand } from '../../core/ageBands';
import type { TurnInput } from '../../core/input';
import {
  chooseItems,
  isYesToOffer,
  itemById,
  listOutcomeAnswers,
  loadBank,
  OFFER_KIND,
  outcomeItemCard,
  outcomeOfferCard,
  parseOutcomeAnswer,
  readOutcomeReply,
  saveOutcomeAnswer,
} from '../../core/outcomes';
import type { LocalArea } from '../../core/records/types';
import { turnLog, userUid } from '../../bot/turnState';
import { ask, InputPrompt } from '../support/inputPrompt';
import { forgetProfileCache, profileOf } from '../support/profile';
import type { DialogDeps } from '../types';

export const OUTCOMES_DIALOG = 'outcomes';
const ONBOARDING = 'onboarding';
const START_FLOW = 'outcomes.start';
const ITEM_FLOW = 'outcomes.item';
const OFFER_PROMPT = 'outcomes.offerPrompt';
const ITEM_PROMPT = 'outcomes.itemPrompt';

export interface OutcomesOptions {
  /** the My Star check-in these answers follow, if any */
  checkInId?: string;
  /** offered straight after a check-in (changes the wording of the offer) */
  afterCheckIn?: boolean;
}

export interface OutcomesResult {
  asked: number;
  answered: number;
  stopped?: boolean;
}

interface ItemState {
  items: string[];
  i: number;
  answered: number;
  band: AgeBand;
  area?: LocalArea;
  checkInId?: string;
}

const cardMessage = (text: string | undefined, card: Record<string, unknown>, speak?: string): Partial<Activity> => ({
  type: ActivityTypes.Message,
  ...(text ? { text } : {}),
  ...(speak ? { speak } : {}),
  attachments: [CardFactory.adaptiveCard(card)],
});

export class OutcomesDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(OUTCOMES_DIALOG);
    this.addDialog(new InputPrompt(OFFER_PROMPT));
    this.addDialog(new InputPrompt(ITEM_PROMPT, this.validateItem.bind(this)));
    this.addDialog(
      new WaterfallDialog(START_FLOW, [this.profileStep.bind(this), this.offerStep.bind(this), this.startStep.bind(this)]),
    );
    this.addDialog(new WaterfallDialog(ITEM_FLOW, [this.askStep.bind(this), this.answerStep.bind(this)]));
    this.initialDialogId = START_FLOW;
  }

  private async who(ctx: TurnContext): Promise<{ band?: AgeBand; area?: LocalArea }> {
    const p = await profileOf(ctx, this.deps.store);
    return { band: p?.ageBand, area: p?.area };
  }

  /** Answers are kept by age band, so someone without a profile meets Starling first (when that feature is there). */
  private async profileStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { band } = await this.who(step.context);
    if (!band && step.findDialog(ONBOARDING)) return step.beginDialog(ONBOARDING);
    return step.next();
  }

  private async offerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    forgetProfileCache(step.context);
    const { band } = await this.who(step.context);
    if (!band) return step.endDialog({ asked: 0, answered: 0 } satisfies OutcomesResult);
    const opts = (step.options ?? {}) as OutcomesOptions;
    const w = this.deps.words;
    const history = await listOutcomeAnswers(this.deps.store, userUid(step.context));
    const { items } = chooseItems(history, this.deps.now());
    if (items.length === 0) {
      await step.context.sendActivity(w.t('outcomes:noneLeft', { band }));
      return step.endDialog({ asked: 0, answered: 0 } satisfies OutcomesResult);
    }
    (step.values as { items: string[] }).items = items.map((i) => i.id);
    const key = opts.afterCheckIn ? 'outcomes:offer.afterCheckIn' : 'outcomes:offer.alone';
    return step.prompt(OFFER_PROMPT, { prompt: cardMessage(w.t(key, { band, count: items.length }), outcomeOfferCard({ words: w, band })) });
  }

  private async startStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const input = step.result as TurnInput;
    const opts = (step.options ?? {}) as OutcomesOptions;
    const { band, area } = await this.who(step.context);
    const w = this.deps.words;
    const yes = input.value?.kind === OFFER_KIND ? input.value.start === true : isYesToOffer(input.text);
    if (!yes || !band) {
      await step.context.sendActivity(w.pick('outcomes:declined', { band }));
      return step.endDialog({ asked: 0, answered: 0 } satisfies OutcomesResult);
    }
    await step.context.sendActivity(`${w.t('outcomes:intro', { band })}\n\n${w.t('outcomes:privacy', { band })}`);
    const items = (step.values as { items: string[] }).items;
    return step.replaceDialog(ITEM_FLOW, { items, i: 0, answered: 0, band, area, checkInId: opts.checkInId } satisfies ItemState);
  }

  private itemPrompt(s: ItemState, retry: boolean): Partial<Activity> {
    const w = this.deps.words;
    const item = itemById(loadBank(), s.items[s.i])!;
    const card = outcomeItemCard({ words: w, band: s.band, item, n: s.i + 1, total: s.items.length });
    // The card says "Question n of N" itself; a text beside it showed that line twice.
    const text = retry ? w.t('outcomes:reask', { band: s.band }) : undefined;
    return cardMessage(text, card, w.t(item.key, { band: s.band }));
  }

  private async askStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const s = step.options as ItemState;
    if (s.i >= s.items.length) {
      await step.context.sendActivity(this.deps.words.pick('outcomes:thanks', { band: s.band }));
      return step.endDialog({ asked: s.items.length, answered: s.answered } satisfies OutcomesResult);
    }
    return ask(step, ITEM_PROMPT, {
      prompt: this.itemPrompt(s, false),
      retryPrompt: this.itemPrompt(s, true),
      validations: { itemId: s.items[s.i] },
      safetyContext: { kind: 'outcome' },
    });
  }

  /** A press for this item, or typed words that clearly mean one answer, skip or stop; anything else is re-asked. */
  private async validateItem(p: PromptValidatorContext<TurnInput>): Promise<boolean> {
    if (!p.recognized.succeeded || !p.recognized.value) return false;
    const { itemId } = (p.options as { validations: { itemId: string } }).validations;
    return readOutcomeReply(p.recognized.value, itemId, parseOutcomeAnswer).answer !== undefined;
  }

  private async answerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const s = step.options as ItemState;
    const itemId = s.items[s.i];
    const got = readOutcomeReply(step.result as TurnInput, itemId, parseOutcomeAnswer);
    if (got.answer === 'stop') {
      await step.context.sendActivity(this.deps.words.t('outcomes:stopped', { band: s.band }));
      return step.endDialog({ asked: s.i, answered: s.answered, stopped: true } satisfies OutcomesResult);
    }
    const answer = got.answer === 'skip' || got.answer === undefined ? null : got.answer;
    await saveOutcomeAnswer(this.deps.store, {
      uid: userUid(step.context),
      frameworkId: itemId,
      answer,
      at: this.deps.now().toISOString(),
      ageBand: s.band,
      ...(s.area ? { area: s.area } : {}),
      ...(s.checkInId ? { checkInId: s.checkInId } : {}),
      ...(got.comment ? { comment: got.comment } : {}),
    });
    turnLog(step.context, this.deps.log).info({ item: itemId, skipped: answer === null, withComment: !!got.comment }, 'outcome answer stored');
    return step.replaceDialog(ITEM_FLOW, { ...s, i: s.i + 1, answered: s.answered + (answer === null ? 0 : 1) } satisfies ItemState);
  }
}
