/**
 * The My Star check-in: first meeting if needed, an offer to carry on a paused check-in, "how did your
 * plan go?", strengths first, then the eight areas one card at a time (buttons or typed answers; skip,
 * pause, stop, help), an optional "want to say more?" after each, then the summary with the star chart
 * and the young person's own goals. The check-in record in the Store is the truth: dialog state holds
 * only its id, so a paused check-in carries on after a restart.
 */
import type { TurnContext } from 'botbuilder';
import { ComponentDialog, DialogTurnResult, PromptValidatorContext, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import type { AgeBand } from '../../core/ageBands';
import type { TurnInput } from '../../core/input';
import {
  answerArea, areaCard, followUpLine, followUpTone, setPlanReview, getCheckIn, inProgressCheckIn, lastPlan, nextArea, parseStepAnswer,
  resumeCard, sayMore, sayMoreCard, setStrengths, skipArea, startCheckIn, stopCheckIn, strengthsCard, StepAnswer,
} from '../../core/mystar';
import { AREA_IDS, AreaId, CheckInRecord, Step } from '../../core/records/types';
import { userUid, turnLog } from '../../bot/turnState';
import { ask, InputPrompt } from '../support/inputPrompt';
import { withButtons } from '../support/cards';
import type { DialogDeps } from '../types';
import { FirstMeetingDialog, FIRST_MEETING, FirstMeetingResult } from './firstMeeting';
import { CHECKIN_FINISH, FinishDialog } from './finishDialog';
import { cardMessage, freshProfile, NO, submissionOf, tidy, YES } from './shared';

export const CHECKIN = 'checkin';

/** The Skip button under "how did your plan go?", and the typed words that mean the same. */
const FOLLOW_UP_SKIP = 'mystar.followUpSkip';
const SKIP_FOLLOW_UP = /^(skip|skip it|skip this|skip that|pass|next|not now|later|maybe later|rather not say|id rather not say|dont want to say|i dont want to say)$/;

/** Answers to "what's going well?" that say nothing is. */
const NOTHING_GOING_WELL =
  /^(nothing|none|nada|idk|dunno|i dunno|not sure|im not sure|no idea|i dont know|dont know|i dont really know|meh)( (really|much|tbh|honestly|rn|right now|at the moment|atm|at all|lol))*$|^(not|nothing) (much|a lot|really|great|good|going well|at all)( (really|tbh|honestly|rn|right now|at the moment|atm))*$|^(nah|no|nope) (not really|nothing)$/;

/** Optional, set in deps.extras.onCheckInAnswer by the bot: told of every recorded step (typed or pressed). */
export type CheckInAnswerHook = (ctx: TurnContext, answer: { checkInId: string; area: AreaId; step: Step; typed: boolean }) => Promise<void>;
const START = 'checkin.start';
const AREA = 'checkin.area';
const ASK_RESUME = 'checkin.resume';
const ASK_TEXT = 'checkin.text';
const ASK_STEP = 'checkin.step';
const ASK_MORE = 'checkin.more';

interface Values {
  band: AgeBand;
  uid: string;
  checkInId?: string;
  resumed?: boolean;
  /** the check-in whose plan they were asked about */
  reviewOf?: string;
}

interface AreaOptions {
  checkInId: string;
  band: AgeBand;
}

/** What a turn at a step card means, or undefined (gentle re-ask, nothing changes). */
export function readStepTurn(input: TurnInput | undefined, checkInId: string, area: AreaId, band: AgeBand): StepAnswer | undefined {
  const s = submissionOf(input);
  if (input?.value) {
    if (!s || !('checkInId' in s) || s.checkInId !== checkInId) return undefined;
    if ('area' in s && s.area !== undefined && s.area !== area) return undefined; // an older card
    switch (s.kind) {
      case 'mystar.step':
        return s.step as StepAnswer;
      case 'mystar.skip':
        return 'skip';
      case 'mystar.pause':
        return 'pause';
      case 'mystar.stop':
        return 'stop';
      case 'mystar.help':
        return 'help';
      default:
        return undefined;
    }
  }
  return input?.text ? parseStepAnswer(input.text, band) : undefined;
}

export class CheckInDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(CHECKIN);
    this.addDialog(new FirstMeetingDialog(deps));
    this.addDialog(new FinishDialog(deps));
    this.addDialog(new InputPrompt(ASK_RESUME, async (p) => this.validResume(p)));
    this.addDialog(new InputPrompt(ASK_TEXT));
    this.addDialog(new InputPrompt(ASK_STEP, async (p) => this.validStep(p)));
    this.addDialog(new InputPrompt(ASK_MORE, async (p) => this.validMore(p)));
    this.addDialog(
      new WaterfallDialog(START, [
        this.ensureProfile.bind(this),
        this.offerResume.bind(this),
        this.followUp.bind(this),
        this.askStrengths.bind(this),
        this.beginAreas.bind(this),
      ]),
    );
    this.addDialog(new WaterfallDialog(AREA, [this.askArea.bind(this), this.onAnswer.bind(this), this.onMore.bind(this)]));
    this.initialDialogId = START;
  }

  // ---------- start ----------

  private async ensureProfile(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const p = await freshProfile(step.context, this.deps);
    if (!p?.ageBand) return step.beginDialog(FIRST_MEETING);
    return step.next({ ok: true, band: p.ageBand } satisfies FirstMeetingResult);
  }

  private async offerResume(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const r = step.result as FirstMeetingResult | undefined;
    if (!r?.ok || !r.band) return step.endDialog();
    const v = step.values as Values;
    v.band = r.band;
    v.uid = userUid(step.context);
    const open = await inProgressCheckIn(this.deps.store, v.uid);
    if (!open) return step.next();
    v.checkInId = open.id;
    return step.prompt(ASK_RESUME, {
      prompt: cardMessage(resumeCard({ words: this.deps.words, band: v.band, checkInId: open.id })),
      retryPrompt: cardMessage(resumeCard({ words: this.deps.words, band: v.band, checkInId: open.id })),
      validations: { checkInId: open.id },
    });
  }

  private resumeChoice(input: TurnInput | undefined, checkInId: string | undefined): 'resume' | 'restart' | undefined {
    const s = submissionOf(input);
    if (s && (s.kind === 'mystar.resume' || s.kind === 'mystar.restart')) return s.checkInId === checkInId ? (s.kind === 'mystar.resume' ? 'resume' : 'restart') : undefined;
    if (!input?.text) return undefined;
    const t = tidy(input.text);
    if (/^(new|new one|a new one|start a new one|start new|restart|start over|from the start|fresh|no)$/.test(t)) return 'restart';
    if (YES.test(t) || /^(carry on|resume|keep going|continue)$/.test(t)) return 'resume';
    return undefined;
  }

  private async validResume(p: PromptValidatorContext<TurnInput>): Promise<boolean> {
    const id = (p.options as { validations: { checkInId: string } }).validations.checkInId;
    return !!this.resumeChoice(p.recognized.value, id);
  }

  private async followUp(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const v = step.values as Values;
    const w = this.deps.words;
    if (v.checkInId) {
      const choice = this.resumeChoice(step.result as TurnInput, v.checkInId) ?? 'resume';
      if (choice === 'restart') {
        await stopCheckIn(this.deps.store, v.checkInId, { uid: v.uid, now: this.deps.now });
        v.checkInId = undefined;
      } else {
        v.resumed = true;
        await step.context.sendActivity(w.t('mystar:checkin.resumed', { band: v.band }));
        return step.next();
      }
    }
    const last = await lastPlan(this.deps.store, v.uid);
    if (!last) return step.next();
    v.reviewOf = last.checkInId;
    const skip = { title: w.t('mystar:buttons.skip', { band: v.band }), data: { kind: FOLLOW_UP_SKIP } };
    return ask(step, ASK_TEXT, { prompt: withButtons(followUpLine(last.plan, w, v.band), [skip]), safetyContext: { kind: 'plan_review', areas: last.plan.areas } });
  }

  private async askStrengths(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const v = step.values as Values;
    const w = this.deps.words;
    if (v.resumed && v.checkInId) return step.next();
    const said = v.reviewOf ? (step.result as TurnInput | undefined) : undefined;
    // only something they told us is kept and thanked: not the Skip button, not "skip" typed
    const review = said && !said.value && said.text && !SKIP_FOLLOW_UP.test(tidy(said.text)) ? said : undefined;
    if (review) {
      const tone = followUpTone(review.text);
      const key = tone === 'good' ? 'mystar:goals.followUpGood' : tone === 'hard' ? 'mystar:goals.followUpHard' : 'mystar:goals.followUpThanks';
      await step.context.sendActivity(w.t(key, { band: v.band }));
    }
    const p = await freshProfile(step.context, this.deps);
    const rec = await startCheckIn(this.deps.store, { uid: v.uid, ageBand: v.band, area: p?.area, now: this.deps.now });
    v.checkInId = rec.id;
    if (review?.text && !review.value) await setPlanReview(this.deps.store, rec.id, v.reviewOf!, review.text, { uid: v.uid });
    turnLog(step.context, this.deps.log).info({ checkIn: rec.id, band: v.band }, 'check-in started');
    await step.context.sendActivity(w.pick('mystar:checkin.intro', { band: v.band }));
    return ask(step, ASK_TEXT, { prompt: cardMessage(strengthsCard({ words: w, band: v.band, checkInId: rec.id })), safetyContext: { kind: 'going_well' } });
  }

  private async beginAreas(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const v = step.values as Values;
    const w = this.deps.words;
    if (!v.resumed) {
      const input = step.result as TurnInput | undefined;
      const s = submissionOf(input);
      let text: string | undefined;
      if (s?.kind === 'mystar.strengths' && s.checkInId === v.checkInId) text = s.skip ? undefined : s.text;
      else if (!input?.value) text = input?.text;
      // the same words work here as on the step cards: pause, stop, skip, or a question
      const control = text ? parseStepAnswer(text, v.band) : undefined;
      if (control === 'pause' || control === 'stop') {
        if (control === 'stop') await stopCheckIn(this.deps.store, v.checkInId!, { uid: v.uid, now: this.deps.now });
        await step.context.sendActivity(w.t(control === 'pause' ? 'mystar:checkin.paused' : 'mystar:checkin.stopped', { band: v.band }));
        return step.endDialog(control === 'pause' ? { paused: true } : { stopped: true });
      }
      if (control === 'skip' || control === 'help') {
        await step.context.sendActivity(w.t('mystar:strengths.skipped', { band: v.band }));
      } else if (text && NOTHING_GOING_WELL.test(tidy(text))) {
        // "nothing really" is an answer, and not a happy one: never "that's good to hear"
        await step.context.sendActivity(w.t('mystar:strengths.nothing', { band: v.band }));
      } else if (text && !NO.test(tidy(text))) {
        await setStrengths(this.deps.store, v.checkInId!, text, { uid: v.uid });
        await step.context.sendActivity(w.pick('mystar:strengths.thanks', { band: v.band }));
      } else {
        await step.context.sendActivity(w.t('mystar:strengths.skipped', { band: v.band }));
      }
    }
    return step.replaceDialog(AREA, { checkInId: v.checkInId!, band: v.band } satisfies AreaOptions);
  }

  // ---------- one area ----------

  private async current(step: WaterfallStepContext): Promise<{ opts: AreaOptions; rec?: CheckInRecord; area?: AreaId }> {
    const opts = step.options as AreaOptions;
    const rec = await getCheckIn(this.deps.store, opts.checkInId);
    return { opts, rec, area: rec && rec.status === 'in_progress' ? nextArea(rec) : undefined };
  }

  private stepCard(opts: AreaOptions, area: AreaId) {
    return cardMessage(
      areaCard({ words: this.deps.words, band: opts.band, checkInId: opts.checkInId, area, index: AREA_IDS.indexOf(area) + 1, total: AREA_IDS.length }),
    );
  }

  private async askArea(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { opts, rec, area } = await this.current(step);
    if (!rec || rec.status !== 'in_progress') {
      await step.context.sendActivity(this.deps.words.t('mystar:checkin.ended', { band: opts.band }));
      return step.endDialog();
    }
    if (!area) return step.replaceDialog(CHECKIN_FINISH, { checkInId: opts.checkInId, band: opts.band });
    (step.values as { area: AreaId }).area = area;
    return ask(step, ASK_STEP, {
      prompt: this.stepCard(opts, area),
      retryPrompt: this.deps.words.pick('mystar:checkin.reask', { band: opts.band }),
      validations: { checkInId: opts.checkInId, area, band: opts.band },
      safetyContext: { kind: 'rating', areas: [area] },
    });
  }

  private async validStep(p: PromptValidatorContext<TurnInput>): Promise<boolean> {
    const val = (p.options as { validations: { checkInId: string; area: AreaId; band: AgeBand } }).validations;
    return readStepTurn(p.recognized.value, val.checkInId, val.area, val.band) !== undefined;
  }

  private async onAnswer(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const opts = step.options as AreaOptions;
    const area = (step.values as { area: AreaId }).area;
    const w = this.deps.words;
    const band = opts.band;
    const uid = userUid(step.context);
    const ans = readStepTurn(step.result as TurnInput, opts.checkInId, area, band)!;
    if (ans === 'help') {
      await step.context.sendActivity(w.t('mystar:checkin.help', { band }));
      return step.replaceDialog(AREA, opts);
    }
    if (ans === 'pause' || ans === 'stop') return this.pauseOrStop(step, opts, ans);
    const r = ans === 'skip' ? await skipArea(this.deps.store, opts.checkInId, area, { uid }) : await answerArea(this.deps.store, opts.checkInId, area, ans, { uid });
    if (!r.ok) {
      await step.context.sendActivity(w.t('mystar:checkin.ended', { band }));
      return step.endDialog();
    }
    const hook = this.deps.extras.onCheckInAnswer as CheckInAnswerHook | undefined;
    if (hook && ans !== 'skip') {
      // the safety middleware sees card presses itself; this also tells it about typed answers ("1", "red", "really bad")
      try {
        await hook(step.context, { checkInId: opts.checkInId, area, step: ans, typed: !(step.result as TurnInput).value });
      } catch (err) {
        turnLog(step.context, this.deps.log).error({ err }, 'check-in answer hook failed');
      }
    }
    if (ans === 'skip') {
      await step.context.sendActivity(w.pick('mystar:checkin.skipped', { band }));
      return step.replaceDialog(AREA, opts);
    }
    await step.context.sendActivity(w.pick('mystar:checkin.gotIt', { band }));
    return ask(step, ASK_MORE, {
      prompt: cardMessage(sayMoreCard({ words: w, band, checkInId: opts.checkInId, area })),
      retryPrompt: cardMessage(sayMoreCard({ words: w, band, checkInId: opts.checkInId, area })),
      validations: { checkInId: opts.checkInId, area },
      // what they say more about is read with the area and the step they chose ("my step dad" after a low step for feeling safe)
      safetyContext: { kind: 'say_more', areas: [area], step: ans },
    });
  }

  private async pauseOrStop(step: WaterfallStepContext, opts: AreaOptions, what: 'pause' | 'stop'): Promise<DialogTurnResult> {
    const band = opts.band;
    if (what === 'pause') {
      await step.context.sendActivity(this.deps.words.t('mystar:checkin.paused', { band }));
      return step.endDialog({ paused: true });
    }
    await stopCheckIn(this.deps.store, opts.checkInId, { uid: userUid(step.context), now: this.deps.now });
    await step.context.sendActivity(this.deps.words.t('mystar:checkin.stopped', { band }));
    return step.endDialog({ stopped: true });
  }

  private async validMore(p: PromptValidatorContext<TurnInput>): Promise<boolean> {
    const val = (p.options as { validations: { checkInId: string; area: AreaId } }).validations;
    const input = p.recognized.value;
    if (!input?.value) return !!input?.text;
    const s = submissionOf(input);
    if ((s?.kind === 'mystar.pause' || s?.kind === 'mystar.stop') && s.checkInId === val.checkInId) return true;
    return s?.kind === 'mystar.more' && s.checkInId === val.checkInId && s.area === val.area;
  }

  private async onMore(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const opts = step.options as AreaOptions;
    const area = (step.values as { area: AreaId }).area;
    const input = step.result as TurnInput;
    const s = submissionOf(input);
    if (s?.kind === 'mystar.pause' || s?.kind === 'mystar.stop') return this.pauseOrStop(step, opts, s.kind === 'mystar.pause' ? 'pause' : 'stop');
    const text = s?.kind === 'mystar.more' ? (s.skip ? undefined : s.text) : input.text;
    const control = !s && text ? parseStepAnswer(text, opts.band) : undefined;
    if (control === 'pause' || control === 'stop') {
      // the same words work here as on the step card
      return this.pauseOrStop(step, opts, control);
    }
    const declined = !text || NO.test(tidy(text)) || /^(no more|nothing|thats it|that's it|nothing else|next)$/.test(tidy(text));
    if (!declined) {
      await sayMore(this.deps.store, opts.checkInId, area, text!, { uid: userUid(step.context) });
      await step.context.sendActivity(this.deps.words.t('mystar:sayMore.thanks', { band: opts.band }));
    }
    return step.replaceDialog(AREA, opts);
  }
}

