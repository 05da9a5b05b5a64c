/**
 * The main menu and the router. Every feature is a child dialog; typed words and button presses lead
 * to the same place. Whatever dialog is running, a young person can always say (or press):
 * "menu"/"stop" (leave it), "help" (the help routes, then back where they were), "carry on"
 * (after a safety interruption: repeat the last question) or "about" (who Starling is, who sees what).
 * Input Starling does not understand gets a friendly "here is what I can do", never a dead end.
 */
import {
  ComponentDialog,
  DialogContext,
  DialogTurnResult,
  DialogTurnStatus,
  WaterfallDialog,
  WaterfallStepContext,
} from 'botbuilder-dialogs';
import { normalisePhrase } from '../core/intents';
import type { TurnInput } from '../core/input';
import { readTurnInput } from '../core/input';
import { InputPrompt } from './support/inputPrompt';
import { withButtons, nav, Button } from './support/cards';
import { bandOf, profileOf } from './support/profile';
import type { DialogDeps, Feature } from './types';

export const MAIN_DIALOG = 'main';
const FLOW = 'main.flow';
const MENU_PROMPT = 'main.menu';

/** Features that leave nothing half done when left (looking at data or the star, the help and waiting menus). */
const NOTHING_UNDER_WAY = new Set(['mydata', 'showstar', 'help', 'waiting']);

/** Intents the router handles itself rather than a feature. */
const BUILT_IN = new Set(['menu', 'stop', 'resume', 'about', 'help', 'greeting', 'goodbye']);

interface MenuOptions {
  returning?: boolean;
  /** they said thanks or bye: say goodbye kindly, with the menu still there */
  goodbye?: boolean;
  notUnderstood?: boolean;
  /**
   * Words that come just before the menu (the "about" answer, "we've stopped"): sent in the menu's own message, not
   * as a message of their own, and not repeated when the menu is asked again later.
   */
  lead?: string;
  /** start this feature straight away (asked for by name in the middle of another) */
  start?: string;
}

export class MainDialog extends ComponentDialog {
  private readonly features: Feature[];

  constructor(
    private readonly deps: DialogDeps,
    features: Feature[],
  ) {
    super(MAIN_DIALOG);
    this.features = [...features].sort((a, b) => (a.order ?? 50) - (b.order ?? 50));
    this.addDialog(new InputPrompt(MENU_PROMPT));
    this.addDialog(new WaterfallDialog(FLOW, [this.menuStep.bind(this), this.routeStep.bind(this), this.loopStep.bind(this)]));
    for (const f of this.features) this.addDialog(f.create(deps));
    this.initialDialogId = FLOW;
  }

  private has(id: string): boolean {
    return this.features.some((f) => f.id === id);
  }

  private async menuButtons(dc: DialogContext): Promise<Button[]> {
    const band = await bandOf(dc.context, this.deps.store);
    const w = this.deps.words;
    const buttons: Button[] = this.features
      .filter((f) => f.menuLabelKey)
      .map((f) => ({ title: w.t(f.menuLabelKey!, { band }), data: nav(f.id) }));
    if (!this.has('help')) buttons.push({ title: w.t('common:menu.help', { band }), data: nav('help') });
    buttons.push({ title: w.t('common:menu.about', { band }), data: nav('about') });
    return buttons;
  }

  private async menuStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const opts = (step.options ?? {}) as MenuOptions;
    if (opts.start) return step.next({ text: '', value: nav(opts.start), freeText: '', fromCard: true } satisfies TurnInput);
    const band = await bandOf(step.context, this.deps.store);
    const w = this.deps.words;
    const key = opts.goodbye
      ? 'common:menu.goodbye'
      : opts.notUnderstood
        ? 'common:menu.notUnderstood'
        : opts.returning
          ? 'common:menu.again'
          : 'common:menu.prompt';
    const buttons = await this.menuButtons(step);
    const text = w.pick(key, { band });
    if (!opts.lead) return step.prompt(MENU_PROMPT, { prompt: withButtons(text, buttons) });
    const result = await step.prompt(MENU_PROMPT, { prompt: withButtons(`${opts.lead}\n\n${text}`, buttons) });
    // the prompt keeps its options for re-asking ("carry on" after a safety reply): keep them without the lead
    const kept = step.activeDialog?.state?.options as { prompt?: unknown } | undefined;
    if (kept) kept.prompt = withButtons(text, buttons);
    return result;
  }

  /** Which feature or built-in the input asks for, from a button's data, a typed phrase, a menu label or its number. */
  private async choose(dc: DialogContext, input: TurnInput): Promise<string | undefined> {
    const v = input.value;
    if (v && v.kind === 'nav' && typeof v.intent === 'string') return v.intent;
    if (!input.text) return undefined;
    const intent = this.deps.intents.match(input.text);
    if (intent) return intent;
    const buttons = await this.menuButtons(dc);
    const n = normalisePhrase(input.text);
    const byLabel = buttons.find((b) => normalisePhrase(b.title) === n);
    if (byLabel) return String(byLabel.data.intent);
    if (/^\d{1,2}$/.test(n) && buttons[Number(n) - 1]) return String(buttons[Number(n) - 1].data.intent);
    return undefined;
  }

  private async routeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const input = step.result as TurnInput;
    const choice = await this.choose(step, input);
    if (choice && this.has(choice)) return step.beginDialog(choice);
    if (choice === 'goodbye') return step.replaceDialog(FLOW, { goodbye: true } satisfies MenuOptions);
    if (choice && BUILT_IN.has(choice)) {
      const lead = await this.builtIn(step, choice);
      return step.replaceDialog(FLOW, { returning: true, lead } satisfies MenuOptions);
    }
    return step.replaceDialog(FLOW, { notUnderstood: true } satisfies MenuOptions);
  }

  private async loopStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.replaceDialog(FLOW, { returning: true } satisfies MenuOptions);
  }

  /** The built-in answers' words: about/privacy and help (when no help feature is registered). */
  private async builtIn(dc: DialogContext, intent: string): Promise<string | undefined> {
    const band = await bandOf(dc.context, this.deps.store);
    const w = this.deps.words;
    if (intent === 'about') return w.t('common:about', { band });
    if (intent === 'help') {
      const p = await profileOf(dc.context, this.deps.store);
      return `${w.t('common:help.intro', { band })}\n\n${this.deps.help.crisisText({ band, age: p?.age, area: p?.area })}`;
    }
    return undefined;
  }

  /** True when leaving would drop nothing half done: a look-only feature, not opened on top of another. */
  private nothingUnderWay(inner: DialogContext): boolean {
    return NOTHING_UNDER_WAY.has(inner.activeDialog?.id ?? '') && !this.featureBelow(inner);
  }

  /** True when the help dialog on top was opened in the middle of another feature (not from the menu). */
  private helpInterrupted(inner: DialogContext): boolean {
    return inner.activeDialog?.id === 'help' && this.featureBelow(inner);
  }

  /** A feature is running under the active dialog (the stack's last entry is the active one). */
  private featureBelow(inner: DialogContext): boolean {
    return inner.stack.slice(0, -1).some((d) => d.id !== FLOW && d.id !== MENU_PROMPT);
  }

  /**
   * The menu again from an interruption at the menu. The active dialog there is the menu's prompt, inside the menu's
   * own flow: replacing only the prompt would leave the old flow under the new one, a stack that grew every time.
   */
  private async menuAgain(inner: DialogContext, lead?: string): Promise<DialogTurnResult> {
    await inner.cancelAllDialogs();
    return inner.beginDialog(FLOW, { returning: true, lead } satisfies MenuOptions);
  }

  /** Interruptions: words that work whatever is running. */
  protected override async onContinueDialog(inner: DialogContext): Promise<DialogTurnResult> {
    const a = inner.context.activity;
    const input = a.type === 'message' ? readTurnInput(a.text, a.value) : undefined;
    if (input) {
      const v = input.value;
      const intent =
        v && v.kind === 'nav' && typeof v.intent === 'string' ? v.intent : input.text ? this.deps.intents.match(input.text) : undefined;
      const activeId = inner.activeDialog?.id;
      const inFeature = activeId !== undefined && activeId !== FLOW && activeId !== MENU_PROMPT;
      if (intent === 'menu' || intent === 'stop') {
        if (inFeature) {
          const band = await bandOf(inner.context, this.deps.store);
          const lead = this.nothingUnderWay(inner) ? undefined : this.deps.words.t('common:stopped', { band });
          return this.menuAgain(inner, lead);
        }
      } else if (intent === 'greeting' && inFeature) {
        // "hi?" in the middle of something: they are checking Starling is still there
        await inner.repromptDialog();
        return { status: DialogTurnStatus.waiting };
      } else if (intent === 'resume') {
        if (activeId === 'help' && this.helpInterrupted(inner)) {
          // "carry on" after "help" typed in the middle of something: back to the question they were on
          return inner.endDialog();
        }
        if (inFeature) {
          await inner.repromptDialog();
          return { status: DialogTurnStatus.waiting };
        }
        return this.menuAgain(inner);
      } else if (intent === 'help' || intent === 'about') {
        if (intent === 'help' && this.has('help')) {
          if (activeId !== 'help') return inner.beginDialog('help', { interrupted: inFeature });
        } else {
          const words = await this.builtIn(inner, intent);
          if (inFeature) {
            if (words) await inner.context.sendActivity(words);
            await inner.repromptDialog();
            return { status: DialogTurnStatus.waiting };
          }
          return this.menuAgain(inner, words);
        }
      }
    }
    const wanted = input ? this.featureAskedFor(inner, input) : undefined;
    if (wanted) {
      // "delete my data", "show my star", "change my details"... asked for by name in the middle of something
      // else: leave it (a check-in is kept and offered again next time) and start what they asked for.
      const band = await bandOf(inner.context, this.deps.store);
      // "we've stopped, what you told me is saved" only where something was under way
      if (!this.nothingUnderWay(inner)) await inner.context.sendActivity(this.deps.words.t('common:stopped', { band }));
      await inner.cancelAllDialogs();
      return inner.beginDialog(FLOW, { start: wanted } satisfies MenuOptions);
    }
    return super.onContinueDialog(inner);
  }

  /**
   * A feature other than the one running, asked for by a nav button or by one of its whole-message
   * phrases (never a 'contains' phrase: those can be part of an answer, like "I'm on the waiting list").
   */
  private featureAskedFor(inner: DialogContext, input: TurnInput): string | undefined {
    const activeId = inner.activeDialog?.id;
    if (activeId === undefined || activeId === FLOW || activeId === MENU_PROMPT) return undefined;
    const v = input.value;
    const id =
      v && v.kind === 'nav' && typeof v.intent === 'string' ? v.intent : input.text && !v ? this.deps.intents.matchExact(input.text) : undefined;
    if (!id || BUILT_IN.has(id) || !this.has(id) || id === activeId) return undefined;
    return id;
  }
}
