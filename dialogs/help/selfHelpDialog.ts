/**
 * Self-help: pick an activity (by My Star area and age band; what helped this young person before
 * comes first), then one step at a time with Next / Stop, then "that helped / didn't help", which is
 * remembered for next time.
 */
import { ComponentDialog, DialogTurnResult, PromptValidatorContext, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import type { AgeBand } from '../../core/ageBands';
import type { TurnInput } from '../../core/input';
import { normalisePhrase } from '../../core/intents';
import { AREA_IDS, AreaId } from '../../core/records/types';
import { activityById, activityTitle, helpedBefore, pickActivities, recordFeedback, stepCard } from '../../core/selfhelp';
import { userUid } from '../../bot/turnState';
import { InputPrompt } from '../support/inputPrompt';
import { Button, nav, withButtons } from '../support/cards';
import type { DialogDeps } from '../types';
import { NO, saidOneOf, valueOfKind, whoIs, YES } from './shared';

export const SELFHELP_DIALOG = 'selfhelp';
const CHOOSE = 'selfhelp.choose';
const STEPS = 'selfhelp.steps';
const CHOOSE_PROMPT = 'selfhelp.choosePrompt';
const STEP_PROMPT = 'selfhelp.stepPrompt';
export const ACTIVITY_KIND = 'selfhelp.activity';
export const STEP_KIND = 'selfhelp.step';
export const FEEDBACK_KIND = 'selfhelp.feedback';
/** Without a band, the middle band's list is offered, in the general wording. */
const LIST_BAND: AgeBand = '12-15';

export interface SelfHelpOptions {
  area?: AreaId;
  activityId?: string;
}
interface StepState {
  activityId: string;
  index: number;
}
type StepAnswer = 'next' | 'stop' | 'helped' | 'didnt';

export class SelfHelpDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(SELFHELP_DIALOG);
    this.addDialog(new InputPrompt(CHOOSE_PROMPT, async (pc) => (await this.chosen(pc)) !== undefined));
    this.addDialog(new InputPrompt(STEP_PROMPT, async (pc) => this.validStepAnswer(pc)));
    this.addDialog(new WaterfallDialog(CHOOSE, [this.listStep.bind(this), this.chosenStep.bind(this)]));
    this.addDialog(new WaterfallDialog(STEPS, [this.showStep.bind(this), this.afterStep.bind(this)]));
    this.initialDialogId = CHOOSE;
  }

  // ----- choosing -----

  private async listStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const opts = (step.options ?? {}) as SelfHelpOptions;
    if (opts.activityId && activityById(opts.activityId)) return step.replaceDialog(STEPS, { activityId: opts.activityId, index: 0 } satisfies StepState);
    const { band } = await whoIs(step.context, this.deps);
    const listBand = band ?? LIST_BAND;
    const w = this.deps.words;
    const uid = userUid(step.context);
    const area = opts.area && (AREA_IDS as readonly string[]).includes(opts.area) ? opts.area : undefined;
    let list = await pickActivities(this.deps.store, uid, { band: listBand, area, limit: 4 });
    if (!list.length) list = await pickActivities(this.deps.store, uid, { band: listBand, limit: 4 });
    (step.values as Record<string, unknown>).offered = list.map((a) => a.id);
    const buttons: Button[] = list.map((a) => ({ title: activityTitle(a, listBand, w), data: { kind: ACTIVITY_KIND, activity: a.id } }));
    buttons.push({ title: w.t('selfhelp:buttons.back', { band }), data: nav('menu') });
    // "I'll remember that this one helps you": say so when it comes round again (it is first in the list).
    const helped = (await helpedBefore(this.deps.store, uid, list.map((a) => a.id))).map((id) => list.find((a) => a.id === id)!);
    const intro = helped.length
      ? `${w.t('selfhelp:menu.helpedBefore', { band, title: activityTitle(helped[0], listBand, w) })} ${w.t('selfhelp:menu.intro', { band })}`
      : w.t('selfhelp:menu.intro', { band });
    return step.prompt(CHOOSE_PROMPT, {
      prompt: withButtons(intro, buttons),
      retryPrompt: withButtons(w.t('selfhelp:menu.not_understood', { band }), buttons),
      validations: { offered: list.map((a) => a.id) },
    });
  }

  /** The activity picked: by button (only one that was offered), by its title typed, or by its number. */
  private async chosen(pc: PromptValidatorContext<TurnInput>): Promise<string | undefined> {
    const offered = ((pc.options.validations as { offered?: string[] } | undefined)?.offered ?? []) as string[];
    const input = pc.recognized.value;
    const v = valueOfKind(input, ACTIVITY_KIND);
    if (v) return typeof v.activity === 'string' && offered.includes(v.activity) ? v.activity : undefined;
    const { band } = await whoIs(pc.context, this.deps);
    return this.byText(offered, input?.text ?? '', band);
  }

  /**
   * An offered activity named in typed text: its number, its title, or one of its words ("breathing" for
   * "Slow breathing", "sleep" for "Better sleep") when only one offered activity has it.
   */
  private byText(offered: string[], text: string, band: AgeBand | undefined): string | undefined {
    const n = normalisePhrase(text);
    if (!n) return undefined;
    if (/^\d$/.test(n)) return offered[Number(n) - 1];
    const titles = (id: string) =>
      [band ?? LIST_BAND, undefined].map((b) => normalisePhrase(activityTitle(activityById(id)!, (b ?? LIST_BAND) as AgeBand, this.deps.words)));
    const exact = offered.find((id) => titles(id).includes(n));
    if (exact) return exact;
    const typed = n.split(' ').filter((x) => x.length >= 4);
    const named = offered.filter((id) => {
      const words = new Set([...titles(id), normalisePhrase(id.replace(/_/g, ' '))].join(' ').split(' '));
      return typed.some((t) => words.has(t) || [...words].some((x) => x.length >= 4 && (x.startsWith(t) || t.startsWith(x))));
    });
    return named.length === 1 ? named[0] : undefined;
  }

  private async chosenStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const offered = ((step.values as Record<string, unknown>).offered ?? []) as string[];
    const input = step.result as TurnInput;
    const v = valueOfKind(input, ACTIVITY_KIND);
    const { band } = await whoIs(step.context, this.deps);
    const id = (typeof v?.activity === 'string' && offered.includes(v.activity) ? v.activity : undefined) ?? (v ? undefined : this.byText(offered, input.text, band));
    if (!id || !activityById(id)) return step.replaceDialog(CHOOSE, step.options);
    return step.replaceDialog(STEPS, { activityId: id, index: 0 } satisfies StepState);
  }

  // ----- one step at a time -----

  private answerOf(input: TurnInput | undefined): StepAnswer | undefined {
    const w = this.deps.words;
    const step = valueOfKind(input, STEP_KIND);
    if (step) return step.step === 'next' || step.step === 'stop' ? step.step : undefined;
    const fb = valueOfKind(input, FEEDBACK_KIND);
    if (fb) return fb.helped === true ? 'helped' : fb.helped === false ? 'didnt' : undefined;
    const labels = (key: string) => [w.t(key), ...(['8-11', '12-15', '16-25'] as const).map((band) => w.t(key, { band }))];
    if (saidOneOf(input, [...labels('selfhelp:buttons.next'), 'next', 'ok', 'done', 'go on'])) return 'next';
    if (saidOneOf(input, labels('selfhelp:buttons.stop'))) return 'stop';
    if (saidOneOf(input, [...labels('selfhelp:buttons.helped'), ...YES, 'it helped', 'a bit', 'a little'])) return 'helped';
    if (saidOneOf(input, [...labels('selfhelp:buttons.didnt_help'), ...NO, 'not really', 'didnt help'])) return 'didnt';
    return undefined;
  }

  private validStepAnswer(pc: PromptValidatorContext<TurnInput>): boolean {
    const a = this.answerOf(pc.recognized.value);
    const last = (pc.options.validations as { last?: boolean } | undefined)?.last === true;
    return last ? a === 'helped' || a === 'didnt' : a === 'next' || a === 'stop';
  }

  private async showStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const st = step.options as StepState;
    const a = activityById(st.activityId)!;
    const who = await whoIs(step.context, this.deps);
    const { band } = who;
    const w = this.deps.words;
    const card = stepCard(a, band ?? LIST_BAND, st.index, w);
    const parts: string[] = [];
    if (card.intro !== undefined) parts.push(`**${card.title}**\n\n${card.intro}`);
    if (card.intro !== undefined && card.showCrisisRoutes) parts.push(this.deps.help.crisisText(who));
    parts.push(`${card.progress}\n\n${card.text}`);
    let buttons: Button[];
    if (card.isLast) {
      parts.push(w.t('selfhelp:feedback.question', { band }));
      buttons = [
        { title: w.t('selfhelp:buttons.helped', { band }), data: { kind: FEEDBACK_KIND, helped: true } },
        { title: w.t('selfhelp:buttons.didnt_help', { band }), data: { kind: FEEDBACK_KIND, helped: false } },
      ];
    } else {
      buttons = [
        { title: w.t('selfhelp:buttons.next', { band }), data: { kind: STEP_KIND, step: 'next' } },
        { title: w.t('selfhelp:buttons.stop', { band }), data: { kind: STEP_KIND, step: 'stop' } },
      ];
    }
    const retryKey = card.isLast ? 'selfhelp:feedback.not_understood' : 'selfhelp:step_not_understood';
    return step.prompt(STEP_PROMPT, {
      prompt: withButtons(parts.join('\n\n'), buttons),
      retryPrompt: withButtons(w.t(retryKey, { band }), buttons),
      validations: { last: card.isLast },
    });
  }

  private async afterStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const st = step.options as StepState;
    const answer = this.answerOf(step.result as TurnInput);
    const { band } = await whoIs(step.context, this.deps);
    const w = this.deps.words;
    if (answer === 'helped' || answer === 'didnt') {
      await recordFeedback(this.deps.store, userUid(step.context), st.activityId, answer === 'helped', this.deps.now());
      await step.context.sendActivity(w.t(answer === 'helped' ? 'selfhelp:feedback.thanks_helped' : 'selfhelp:feedback.thanks_didnt', { band }));
      return step.endDialog();
    }
    if (answer === 'stop') return step.endDialog();
    return step.replaceDialog(STEPS, { activityId: st.activityId, index: st.index + 1 } satisfies StepState);
  }
}
