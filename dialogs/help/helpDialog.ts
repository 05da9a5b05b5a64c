/**
 * "I need help" (typed anywhere, or from the menu): first the routes that are there day and night,
 * then "what would you like help with?", then the services for that need, fitted to age, area and
 * the time now (a closed service says when it opens; someone reachable now is always included),
 * then an offer of something to try. When it ends, whatever was running before carries on.
 */
import { ComponentDialog, DialogTurnResult, PromptValidatorContext, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import type { TurnInput } from '../../core/input';
import { crisisRoutes, formatRoutes, listenersShown, shownForNeed, signpost, type Purpose } from '../../core/services';
import { joinAnd } from '../../core/mystar/labels';
import { InputPrompt } from '../support/inputPrompt';
import { Button, nav, withButtons } from '../support/cards';
import type { DialogDeps } from '../types';
import { areaForNeed, HELP_NEEDS, NEED_PAGES, needFromText, needLabel } from './needs';
import { directoryOf, NO, saidOneOf, valueOfKind, whoIs, YES } from './shared';

export const HELP_DIALOG = 'help';
const FLOW = 'help.flow';
const NEED_PROMPT = 'help.needPrompt';
const OFFER_PROMPT = 'help.offerPrompt';
export const NEED_KIND = 'help.need';
export const OFFER_KIND = 'help.offer';
export const MORE_KIND = 'help.more';

export interface FlowOptions {
  /** which page of needs to show; set when "Something else" was pressed (the 24/7 routes are not repeated) */
  page?: number;
  /** go straight to the support for this need (the end of a check-in offers it for the lowest area) */
  need?: Purpose;
  /** opened by "help" in the middle of another feature: offer a way back to it */
  interrupted?: boolean;
}
const MORE = 'more' as const;
/** "help" asked again while choosing: show the routes again from the start */
const AGAIN = 'again' as const;
/** Needs that tell us someone is at risk: pressing one is a disclosure, not a topic. */
export const DISCLOSURES: ReadonlySet<Purpose> = new Set<Purpose>(['self_harm', 'suicide', 'being_safe', 'abuse', 'domestic_abuse_at_home', 'sexual_exploitation_or_grooming']);

export class HelpDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(HELP_DIALOG);
    this.addDialog(new InputPrompt(NEED_PROMPT, (pc) => this.validNeed(pc)));
    this.addDialog(new InputPrompt(OFFER_PROMPT, async (pc) => this.yesNo(pc.recognized.value) !== undefined));
    this.addDialog(
      new WaterfallDialog(FLOW, [this.crisisStep.bind(this), this.needStep.bind(this), this.offerStep.bind(this), this.endStep.bind(this)]),
    );
    this.initialDialogId = FLOW;
  }

  private async needOf(
    ctx: { context: WaterfallStepContext['context'] },
    input: TurnInput | undefined,
    page: number,
  ): Promise<Purpose | typeof MORE | typeof AGAIN | undefined> {
    if (valueOfKind(input, MORE_KIND)) return MORE;
    const navTo = valueOfKind(input, 'nav');
    if (navTo?.intent === HELP_DIALOG || (input?.text && this.deps.intents.match(input.text) === HELP_DIALOG)) return AGAIN;
    const v = valueOfKind(input, NEED_KIND);
    if (v) return Number.isInteger(v.n) ? HELP_NEEDS[v.n as number] : undefined;
    if (!input?.text) return undefined;
    const { band } = await whoIs(ctx.context, this.deps);
    if (saidOneOf(input, [this.deps.words.t('signpost:help.other_needs', { band }), this.deps.words.t('signpost:help.other_needs'), 'more', 'something else'])) return MORE;
    return needFromText(this.deps.words, input.text, band, page);
  }

  private async validNeed(pc: PromptValidatorContext<TurnInput>): Promise<boolean> {
    const page = (pc.options.validations as { page?: number } | undefined)?.page ?? 0;
    return (await this.needOf(pc, pc.recognized.value, page)) !== undefined;
  }

  private yesNo(input: TurnInput | undefined): boolean | undefined {
    const v = valueOfKind(input, OFFER_KIND);
    if (v) return v.answer === 'yes' ? true : v.answer === 'no' ? false : undefined;
    const w = this.deps.words;
    if (saidOneOf(input, [...YES, w.t('signpost:help.yes')])) return true;
    if (saidOneOf(input, [...NO, w.t('signpost:help.no')])) return false;
    return undefined;
  }

  private async crisisStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const who = await whoIs(step.context, this.deps);
    const { band } = who;
    const w = this.deps.words;
    // a need chosen for them (the end of a check-in offers support for its lowest area, which may be one
    // with no button of its own, like confidence): straight to the support for it
    const preset = ((step.options ?? {}) as FlowOptions).need;
    if (preset) return step.next();
    const page = ((step.options ?? {}) as FlowOptions).page ?? 0;
    if (page === 0 && ((step.options ?? {}) as FlowOptions).page === undefined)
      await step.context.sendActivity(`${w.t('signpost:help.crisis_intro', { band })}\n\n${this.deps.help.crisisText(who)}`);
    (step.values as Record<string, unknown>).page = page;
    // A need is sent as its place in the list (a word like 'bullying_threats' would set off the safety
    // check by itself). For a disclosure, the button's words go with the press so the safety check
    // reads it as if typed, and a person on the duty team hears about it.
    const buttons: Button[] = NEED_PAGES[page].map((need) => {
      const title = needLabel(w, need, band);
      return { title, data: { kind: NEED_KIND, n: HELP_NEEDS.indexOf(need), ...(DISCLOSURES.has(need) ? { said: title } : {}) } };
    });
    buttons.push({ title: w.t('signpost:help.other_needs', { band }), data: { kind: MORE_KIND } });
    const interrupted = ((step.options ?? {}) as FlowOptions).interrupted === true;
    (step.values as Record<string, unknown>).interrupted = interrupted;
    if (interrupted) buttons.push({ title: w.t('signpost:help.carry_on', { band }), data: nav('resume') });
    buttons.push({ title: w.t('signpost:help.back', { band }), data: nav('menu') });
    return step.prompt(NEED_PROMPT, {
      prompt: withButtons(w.t(page === 0 ? 'signpost:help.choose_need' : 'signpost:help.choose_need_more', { band }), buttons),
      retryPrompt: withButtons(w.t('signpost:help.not_understood', { band }), buttons),
      validations: { page },
    });
  }

  private async needStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const who = await whoIs(step.context, this.deps);
    const { band } = who;
    const w = this.deps.words;
    const page = ((step.values as Record<string, unknown>).page as number) ?? 0;
    const picked = ((step.options ?? {}) as FlowOptions).need ?? (await this.needOf(step, step.result as TurnInput, page))!;
    const interrupted = (step.values as Record<string, unknown>).interrupted === true;
    if (picked === MORE) return step.replaceDialog(FLOW, { page: (page + 1) % NEED_PAGES.length, interrupted } satisfies FlowOptions);
    if (picked === AGAIN) return step.replaceDialog(FLOW, { interrupted } satisfies FlowOptions);
    const need = picked;
    if (need === 'waiting' && step.findDialog('waiting')) return step.replaceDialog('waiting');
    const dir = directoryOf(this.deps);
    const now = this.deps.now();
    // The routes for a crisis were shown a moment ago, unless the need was chosen for them (the end of a
    // check-in goes straight here): then nothing is "above", and the crisis routes lead as usual.
    const preset = ((step.options ?? {}) as FlowOptions).need !== undefined;
    const alreadyShown = preset ? [] : crisisRoutes(dir, { now, ...who });
    let views = signpost(dir, { need, now, ...who, alreadyShown });
    // nothing for this need at their age and area: someone to talk to, rather than "the people above" with nobody above
    if (!views.length && preset) views = signpost(dir, { need: 'someone_to_talk_to', now, ...who });
    let text: string;
    // Those for this need who were in the 24/7 list a few messages up (Childline for someone to talk to): named, so
    // the list below does not look like all there is.
    const forNeed = shownForNeed(dir, { need, now, ...who, alreadyShown });
    if (views.length) {
      const talk = listenersShown(dir, forNeed);
      const intro = talk.length
        ? w.t('signpost:help.results_intro_more', { band, names: joinAnd(w, talk.map((v) => v.name), band) })
        : w.t('signpost:help.results_intro', { band });
      text = `${intro}\n\n${formatRoutes(views, band)}`;
    } else {
      // Everyone for this need was in the list a few messages up: name them, so they know which ones to contact.
      const listeners = listenersShown(dir, alreadyShown);
      text = forNeed.length
        ? w.t('signpost:help.named_above', { band, names: joinAnd(w, forNeed.map((v) => v.name), band) })
        : w.t('signpost:help.listen_above', { band, names: joinAnd(w, listeners.map((v) => v.name), band) });
    }
    await step.context.sendActivity(text);
    (step.values as Record<string, unknown>).need = need;
    if (need === 'self_harm' && step.findDialog('selfhelp')) return step.beginDialog('selfhelp', { activityId: 'urge_to_hurt_yourself' });
    if (!step.findDialog('selfhelp')) return step.endDialog();
    const buttons: Button[] = [
      { title: w.t('signpost:help.yes', { band }), data: { kind: OFFER_KIND, answer: 'yes' } },
      { title: w.t('signpost:help.no', { band }), data: { kind: OFFER_KIND, answer: 'no' } },
    ];
    return step.prompt(OFFER_PROMPT, {
      prompt: withButtons(w.t('signpost:help.offer_selfhelp', { band }), buttons),
      retryPrompt: withButtons(w.t('signpost:help.offer_selfhelp_reask', { band }), buttons),
    });
  }

  private async offerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const need = (step.values as Record<string, unknown>).need as Purpose;
    if (need === 'self_harm') return step.endDialog(); // back from the self-harm activity
    if (this.yesNo(step.result as TurnInput)) return step.beginDialog('selfhelp', { area: areaForNeed(need) });
    const { band } = await whoIs(step.context, this.deps);
    await step.context.sendActivity(this.deps.words.t('signpost:help.done', { band }));
    return step.endDialog();
  }

  private async endStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.endDialog();
  }
}
