/**
 * After the eighth area: the check-in is completed, the star chart (this time over last time) is sent
 * as an image with alt text, with plain words on what moved and a thank-you naming a strength. Then the
 * young person may make their own plan: one or two areas, what good looks like, what gets in the way,
 * one small first step and when. The plan is saved with the check-in and asked about next time.
 */
import { ActivityTypes } from 'botbuilder';
import { ComponentDialog, DialogTurnResult, PromptValidatorContext, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import type { AgeBand } from '../../core/ageBands';
import type { TurnInput } from '../../core/input';
import {
  addPlanToCheckIn, chosenGoalAreas, completeCheckIn, getCheckIn, goalAreaNames, goalAreaOptions, goalAreasCard, goalOfferCard,
  latestTwo, makePlan, parseGoalAreas, planSentence, professionalSummary, renderStarPng, starAttachment, summaryText,
} from '../../core/mystar';
import type { Words } from '../../core/i18n';
import type { AnswerKind } from '../../core/safety';
import { AREA_IDS, AreaId, CheckInRecord } from '../../core/records/types';
import { withButtons } from '../support/cards';
import { turnLog, userUid } from '../../bot/turnState';
import { ask, InputPrompt } from '../support/inputPrompt';
import type { DialogDeps } from '../types';
import { cardMessage, NO, submissionOf, tidy, YES } from './shared';

export const CHECKIN_FINISH = 'checkin.finish';
const OUTCOMES = 'outcomes';
const HELP = 'help';
const FLOW = 'checkin.finish.flow';
const SUPPORT = 'checkin.finish.support';
const ASK_SUPPORT = 'checkin.finish.supportOffer';
const ASK_OFFER = 'checkin.finish.offer';
const ASK_AREAS = 'checkin.finish.areas';
const ASK_TEXT = 'checkin.finish.text';

export interface FinishOptions {
  checkInId: string;
  band: AgeBand;
}

interface Values {
  areas?: AreaId[];
  goodLooksLike?: string;
  inTheWay?: string;
  firstStep?: string;
}

/** Called when a check-in completes, with the professional summary (set in deps.extras by the escalation feature). */
export type CheckInCompletedHook = (summary: ReturnType<typeof professionalSummary>) => Promise<void>;

export class FinishDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(CHECKIN_FINISH);
    this.addDialog(new InputPrompt(ASK_OFFER, async (p) => this.offerAnswer(p.recognized.value, p.options) !== undefined));
    this.addDialog(new InputPrompt(ASK_AREAS, async (p) => this.validAreas(p)));
    this.addDialog(new InputPrompt(ASK_TEXT));
    this.addDialog(new InputPrompt(ASK_SUPPORT, async (p) => this.supportAnswer(p.recognized.value) !== undefined));
    this.addDialog(new WaterfallDialog(SUPPORT, [this.offerSupport.bind(this), this.onSupport.bind(this), this.afterSupport.bind(this)]));
    this.addDialog(
      new WaterfallDialog(FLOW, [
        this.summary.bind(this),
        this.onOffer.bind(this),
        this.onAreas.bind(this),
        this.onGood.bind(this),
        this.onInTheWay.bind(this),
        this.onFirstStep.bind(this),
        this.onWhen.bind(this),
      ]),
    );
    this.initialDialogId = FLOW;
  }

  private opts(step: WaterfallStepContext): FinishOptions {
    return step.options as FinishOptions;
  }

  private async summary(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { checkInId, band } = this.opts(step);
    const w = this.deps.words;
    const uid = userUid(step.context);
    const rec = await getCheckIn(this.deps.store, checkInId);
    if (rec?.status === 'in_progress') await completeCheckIn(this.deps.store, checkInId, { uid, now: this.deps.now });
    const { current, previous } = await latestTwo(this.deps.store, uid);
    if (!current || current.id !== checkInId) {
      await step.context.sendActivity(w.t('mystar:checkin.ended', { band }));
      return step.endDialog();
    }
    const log = turnLog(step.context, this.deps.log);
    const text = summaryText(current, previous, w, band);
    try {
      const chart = renderStarPng(current, previous, { band, words: w });
      await step.context.sendActivity({ type: ActivityTypes.Message, text: text.intro, attachments: [starAttachment(chart)] });
      await step.context.sendActivity(chart.alt);
    } catch (err) {
      log.error({ err, checkIn: checkInId }, 'star chart not drawn');
      await step.context.sendActivity(text.intro);
    }
    await step.context.sendActivity([...text.changes, text.thanks].join('\n\n'));
    const hook = this.deps.extras.onCheckInCompleted as CheckInCompletedHook | undefined;
    if (hook) {
      try {
        await hook(professionalSummary(current, previous, w));
      } catch (err) {
        log.error({ err, checkIn: checkInId }, 'check-in completed hook failed');
      }
    }
    log.info({ checkIn: checkInId, band }, 'check-in completed');
    return step.prompt(ASK_OFFER, {
      prompt: cardMessage(goalOfferCard({ words: w, band, checkInId })),
      retryPrompt: cardMessage(goalOfferCard({ words: w, band, checkInId }), w.t('mystar:goals.introReask', { band })),
      validations: { checkInId },
    });
  }

  private offerAnswer(input: TurnInput | undefined, options: unknown): boolean | undefined {
    const id = (options as { validations?: { checkInId?: string } }).validations?.checkInId;
    const s = submissionOf(input);
    if (s?.kind === 'mystar.goalOffer') return s.checkInId === id ? s.want : undefined;
    if (input?.value || !input?.text) return undefined;
    const t = tidy(input.text);
    if (YES.test(t)) return true;
    if (NO.test(t)) return false;
    const choice = parseGoalAreas(input.text, this.deps.words);
    return choice.ok ? true : undefined;
  }

  private async onOffer(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { checkInId, band } = this.opts(step);
    const w = this.deps.words;
    const input = step.result as TurnInput;
    const want = this.offerAnswer(input, { validations: { checkInId } });
    if (!want) {
      await step.context.sendActivity(w.t('mystar:goals.noPlan', { band }));
      return this.endOrOutcomes(step);
    }
    // "yes, friends" chooses straight away
    const direct = !input.value && input.text ? parseGoalAreas(input.text, w, band) : undefined;
    if (direct?.ok) return step.next({ text: '', value: { kind: 'mystar.goalAreas', checkInId, areas: direct.areas.join(',') }, freeText: '', fromCard: true } satisfies TurnInput);
    const rec = await getCheckIn(this.deps.store, checkInId);
    return step.prompt(ASK_AREAS, {
      prompt: cardMessage(goalAreasCard({ words: w, band, checkInId, options: rec ? goalAreaOptions(rec) : [] })),
      retryPrompt: w.t('mystar:goals.chooseReask', { band }),
      validations: { checkInId, band },
    });
  }

  private areasFrom(input: TurnInput | undefined, checkInId: string, band: AgeBand): AreaId[] | 'tooMany' | 'skip' | undefined {
    const s = submissionOf(input);
    if (s?.kind === 'mystar.goalAreas') {
      if (s.checkInId !== checkInId) return undefined;
      if (s.skip) return 'skip';
      const a = chosenGoalAreas(s);
      return a.length > 2 ? 'tooMany' : a.length ? a : undefined;
    }
    if (input?.value || !input?.text) return undefined;
    if (NO.test(tidy(input.text))) return 'skip';
    const c = parseGoalAreas(input.text, this.deps.words, band);
    return c.ok ? c.areas : c.reason === 'tooMany' ? 'tooMany' : undefined;
  }

  private async validAreas(p: PromptValidatorContext<TurnInput>): Promise<boolean> {
    const { checkInId, band } = (p.options as { validations: { checkInId: string; band: AgeBand } }).validations;
    const a = this.areasFrom(p.recognized.value, checkInId, band);
    if (a === 'tooMany') {
      await p.context.sendActivity(this.deps.words.t('mystar:goals.tooMany', { band }));
      return false;
    }
    return a !== undefined;
  }

  private async onAreas(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { checkInId, band } = this.opts(step);
    const w = this.deps.words;
    const a = this.areasFrom(step.result as TurnInput, checkInId, band);
    if (!Array.isArray(a)) {
      await step.context.sendActivity(w.t('mystar:goals.noPlan', { band }));
      return this.endOrOutcomes(step);
    }
    (step.values as Values).areas = a;
    const areas = areaNames(a, w, band);
    return this.askText(step, w.t('mystar:goals.goodLooksLike', { band, areas }), 'goal');
  }

  /** A plan question; the safety check reads the answer with what was asked and the areas chosen. */
  private askText(step: WaterfallStepContext, question: string, kind: AnswerKind): Promise<DialogTurnResult> {
    const band = this.opts(step).band;
    const areas = (step.values as Values).areas;
    return ask(step, ASK_TEXT, { prompt: `${question}\n\n${this.deps.words.t('mystar:goals.skipQuestion', { band })}`, safetyContext: { kind, areas } });
  }

  private async onGood(step: WaterfallStepContext): Promise<DialogTurnResult> {
    (step.values as Values).goodLooksLike = (step.result as TurnInput).text;
    return this.askText(step, this.deps.words.t('mystar:goals.inTheWay', { band: this.opts(step).band }), 'barrier');
  }

  private async onInTheWay(step: WaterfallStepContext): Promise<DialogTurnResult> {
    (step.values as Values).inTheWay = (step.result as TurnInput).text;
    return this.askText(step, this.deps.words.t('mystar:goals.firstStep', { band: this.opts(step).band }), 'first_step');
  }

  private async onFirstStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const v = step.values as Values;
    v.firstStep = (step.result as TurnInput).text;
    if (!v.firstStep || NO.test(tidy(v.firstStep))) return step.next();
    return this.askText(step, this.deps.words.t('mystar:goals.when', { band: this.opts(step).band }), 'when');
  }

  private async onWhen(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const when = (step.result as TurnInput | undefined)?.text;
    const { checkInId, band } = this.opts(step);
    const v = step.values as Values;
    const plan = makePlan({ areas: v.areas ?? [], goodLooksLike: v.goodLooksLike, inTheWay: v.inTheWay, firstStep: v.firstStep, when }, this.deps.now);
    const r = await addPlanToCheckIn(this.deps.store, checkInId, plan, { uid: userUid(step.context) });
    const w = this.deps.words;
    await step.context.sendActivity(r.ok ? w.t('mystar:goals.saved', { band, plan: planSentence(plan, w, band) }) : w.t('mystar:checkin.ended', { band }));
    return this.endOrOutcomes(step);
  }

  /**
   * After the plan: support for the area at the lowest step first (who can help, and ideas to try), when
   * any area is at step 1 or 2 and the help feature is installed; then the outcome questions.
   */
  private async endOrOutcomes(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { checkInId } = this.opts(step);
    const rec = await getCheckIn(this.deps.store, checkInId);
    const lowest = rec ? lowestAreas(rec) : [];
    if (lowest.length && step.findDialog(HELP)) return step.replaceDialog(SUPPORT, { ...this.opts(step), area: lowest[0] } satisfies SupportOptions);
    return this.toOutcomes(step);
  }

  /** The outcome questions feature, when it is installed, offers its short form after a check-in. */
  private toOutcomes(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { checkInId } = this.opts(step);
    if (step.findDialog(OUTCOMES)) return step.replaceDialog(OUTCOMES, { afterCheckIn: true, checkInId });
    return step.endDialog();
  }

  private supportAnswer(input: TurnInput | undefined): boolean | undefined {
    const v = input?.value;
    if (v?.kind === 'mystar.support') return v.want === true;
    if (v || !input?.text) return undefined;
    const t = tidy(input.text);
    return YES.test(t) ? true : NO.test(t) ? false : undefined;
  }

  private async offerSupport(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { band, area } = step.options as SupportOptions;
    const w = this.deps.words;
    const areaName = areaNames([area], w, band);
    const buttons = [
      { title: w.t('mystar:support.yes', { band }), data: { kind: 'mystar.support', want: true } },
      { title: w.t('mystar:support.no', { band }), data: { kind: 'mystar.support', want: false } },
    ];
    return step.prompt(ASK_SUPPORT, {
      prompt: withButtons(w.t('mystar:support.offer', { band, area: areaName }), buttons),
      retryPrompt: withButtons(w.t('mystar:support.reask', { band }), buttons),
    });
  }

  private async onSupport(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { area } = step.options as SupportOptions;
    if (this.supportAnswer(step.result as TurnInput)) return step.beginDialog(HELP, { need: area });
    return step.next();
  }

  private async afterSupport(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return this.toOutcomes(step);
  }
}

interface SupportOptions extends FinishOptions {
  area: AreaId;
}

/** Areas at step 1 or 2, lowest first (ties in My Star order). */
export function lowestAreas(rec: CheckInRecord): AreaId[] {
  return AREA_IDS.filter((a) => {
    const st = rec.answers[a]?.step;
    return st === 1 || st === 2;
  }).sort((a, b) => (rec.answers[a]!.step as number) - (rec.answers[b]!.step as number));
}

/** Area names inside a sentence ("friends", "feelings and how I act"), joined with "and". */
export function areaNames(areas: AreaId[], words: Words, band?: AgeBand): string {
  return goalAreaNames({ areas }, words, band);
}
