/**
 * "I'm waiting for help": what to expect, what to do if things get worse (the routes that are there
 * day and night), and, only if they say yes, a check-in reminder every N days they choose, which they
 * can turn off at any time (from here, from the reminder itself, or by typing it).
 */
import { TurnContext } from 'botbuilder';
import { ComponentDialog, DialogTurnResult, PromptValidatorContext, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { readTurnInput, type TurnInput } from '../../core/input';
import { normalisePhrase } from '../../core/intents';
import { getReminder, MAX_DAYS, MIN_DAYS, REMINDER_DAY_CHOICES, setReminder, turnOffReminder, type ReminderAddress } from '../../core/waiting';
import { userUid } from '../../bot/turnState';
import { InputPrompt } from '../support/inputPrompt';
import { Button, nav, withButtons } from '../support/cards';
import type { DialogDeps } from '../types';
import { NO, saidOneOf, valueOfKind, whoIs, YES } from './shared';

export const WAITING_DIALOG = 'waiting';
const FLOW = 'waiting.flow';
const MENU_PROMPT = 'waiting.menuPrompt';
const CONSENT_PROMPT = 'waiting.consentPrompt';
const DAYS_PROMPT = 'waiting.daysPrompt';
export const CHOICE_KIND = 'waiting.choice';
export const CONSENT_KIND = 'waiting.consent';
export const DAYS_KIND = 'waiting.days';

/** Everyday ways of saying how often (normalised), in days. */
const EVERYDAY_DAYS: Record<string, number> = {
  'once a week': 7,
  weekly: 7,
  'every week': 7,
  'a week': 7,
  'one week': 7,
  'every two weeks': 14,
  'every 2 weeks': 14,
  'two weeks': 14,
  '2 weeks': 14,
  fortnightly: 14,
  'every fortnight': 14,
  'a fortnight': 14,
};

export const CHOICES = ['expect', 'worse', 'reminder_on', 'reminder_off'] as const;
export type Choice = (typeof CHOICES)[number];

/** Where a reminder goes: the conversation, never the young person's name or channel user id. */
export function addressOf(ctx: TurnContext): ReminderAddress {
  const r = TurnContext.getConversationReference(ctx.activity);
  const c = r.conversation!;
  return {
    channelId: r.channelId!,
    serviceUrl: r.serviceUrl!,
    conversation: {
      id: c.id,
      ...(c.tenantId ? { tenantId: c.tenantId } : {}),
      ...(c.conversationType ? { conversationType: c.conversationType } : {}),
      ...(c.isGroup !== undefined ? { isGroup: c.isGroup } : {}),
    },
    ...(r.bot ? { bot: { id: r.bot.id, ...(r.bot.name ? { name: r.bot.name } : {}) } } : {}),
    ...(r.locale ? { locale: r.locale } : {}),
  };
}

export class WaitingDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(WAITING_DIALOG);
    this.addDialog(new InputPrompt(MENU_PROMPT, async (pc) => this.choiceOf(pc.recognized.value) !== undefined));
    this.addDialog(
      new InputPrompt(
        CONSENT_PROMPT,
        async (pc) => this.consentOf(pc.recognized.value) !== undefined || this.daysOf(pc) !== undefined || this.choiceOf(pc.recognized.value) === 'reminder_off',
      ),
    );
    this.addDialog(
      new InputPrompt(
        DAYS_PROMPT,
        async (pc) => this.daysOf(pc) !== undefined || this.daysDeclined(pc.recognized.value) || this.choiceOf(pc.recognized.value) === 'reminder_off',
      ),
    );
    this.addDialog(
      new WaterfallDialog(FLOW, [this.menuStep.bind(this), this.choiceStep.bind(this), this.consentStep.bind(this), this.daysStep.bind(this)]),
    );
    this.initialDialogId = FLOW;
  }

  private choiceOf(input: TurnInput | undefined): Choice | undefined {
    const v = valueOfKind(input, CHOICE_KIND) ?? valueOfKind(input, 'nav');
    if (v) return (CHOICES as readonly unknown[]).includes(v.choice) ? (v.choice as Choice) : undefined;
    const n = normalisePhrase(input?.text ?? '');
    if (!n) return undefined;
    const w = this.deps.words;
    for (const c of CHOICES)
      for (const band of [undefined, '8-11', '12-15', '16-25'] as const) if (normalisePhrase(w.t(`waiting:menu.${c}`, { band })) === n) return c;
    if (/\b(stop|turn off|switch off|cancel|no more|no|dont want|do not want)\b.*\breminders?\b/.test(n)) return 'reminder_off';
    if (/\bremind/.test(n)) return 'reminder_on';
    if (/\bworse\b/.test(n)) return 'worse';
    if (/\b(expect|happens?|next)\b/.test(n)) return 'expect';
    return undefined;
  }

  private consentOf(input: TurnInput | undefined): boolean | undefined {
    const v = valueOfKind(input, CONSENT_KIND);
    if (v) return v.answer === 'yes' ? true : v.answer === 'no' ? false : undefined;
    const w = this.deps.words;
    if (saidOneOf(input, [...YES, w.t('waiting:reminder.yes')])) return true;
    if (saidOneOf(input, [...NO, w.t('waiting:reminder.no')])) return false;
    return undefined;
  }

  private daysOf(pc: PromptValidatorContext<TurnInput> | { recognized: { value?: TurnInput } }): number | undefined {
    const input = pc.recognized.value;
    const v = valueOfKind(input, DAYS_KIND);
    const n = normalisePhrase(input?.text ?? '');
    const raw = v ? v.days : (EVERYDAY_DAYS[n] ?? Number((n.match(/^(?:every )?(\d{1,2})(?: days?)?$/) ?? [])[1]));
    return typeof raw === 'number' && Number.isInteger(raw) && raw >= MIN_DAYS && raw <= MAX_DAYS ? raw : undefined;
  }

  /** no / never mind typed at "how often?": they changed their mind. */
  private daysDeclined(input: TurnInput | undefined): boolean {
    return saidOneOf(input, [...NO, this.deps.words.t('waiting:reminder.no'), 'never mind', 'nevermind', 'changed my mind', 'ive changed my mind', 'dont bother', 'no reminders']);
  }

  private async menuStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    // Started by a button that already says what they want (e.g. "Stop reminders" under a reminder), or typed words that do.
    if ((step.options as { off?: boolean } | undefined)?.off) return step.next('reminder_off');
    if (!(step.options as { again?: boolean } | undefined)?.again) {
      const a = step.context.activity;
      const started = this.choiceOf(readTurnInput(a.text, a.value));
      if (started) return step.next(started);
    }
    const { band } = await whoIs(step.context, this.deps);
    const w = this.deps.words;
    const on = (await getReminder(this.deps.store, userUid(step.context)))?.enabled === true;
    const choices: Choice[] = ['expect', 'worse', on ? 'reminder_off' : 'reminder_on'];
    const buttons: Button[] = choices.map((c) => ({ title: w.t(`waiting:menu.${c}`, { band }), data: { kind: CHOICE_KIND, choice: c } }));
    buttons.push({ title: w.t('waiting:menu.back', { band }), data: nav('menu') });
    return step.prompt(MENU_PROMPT, {
      prompt: withButtons(w.t('waiting:intro', { band }), buttons),
      retryPrompt: withButtons(w.t('waiting:not_understood', { band }), buttons),
    });
  }

  private async choiceStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const who = await whoIs(step.context, this.deps);
    const { band } = who;
    const w = this.deps.words;
    const choice = typeof step.result === 'string' ? (step.result as Choice) : this.choiceOf(step.result as TurnInput);
    const uid = userUid(step.context);
    switch (choice) {
      case 'expect':
        await step.context.sendActivity(w.list('waiting:expect.lines', { band }).join('\n\n'));
        return step.replaceDialog(FLOW, { again: true });
      case 'worse':
        await step.context.sendActivity(`**${w.t('waiting:if_worse.title', { band })}**\n\n${w.t('waiting:if_worse.text', { band })}\n\n${this.deps.help.crisisText(who)}`);
        return step.replaceDialog(FLOW, { again: true });
      case 'reminder_off': {
        const had = (await getReminder(this.deps.store, uid))?.enabled === true;
        await turnOffReminder(this.deps.store, uid, this.deps.now());
        await step.context.sendActivity(w.t(had ? 'waiting:reminder.off' : 'waiting:reminder.none', { band }));
        return step.endDialog();
      }
      case 'reminder_on': {
        // Already on (they typed "remind me" rather than pressing the menu's "Stop reminders"): say so, and let them
        // change how often, instead of asking for their consent again as if there were none.
        const current = await getReminder(this.deps.store, uid);
        if (current?.enabled) {
          await step.context.sendActivity(w.t('waiting:reminder.already_on', { band, count: current.everyDays }));
          return step.next({ text: '', value: { kind: CONSENT_KIND, answer: 'yes' }, freeText: '', fromCard: true } satisfies TurnInput);
        }
        const buttons: Button[] = [
          { title: w.t('waiting:reminder.yes', { band }), data: { kind: CONSENT_KIND, answer: 'yes' } },
          { title: w.t('waiting:reminder.no', { band }), data: { kind: CONSENT_KIND, answer: 'no' } },
        ];
        const text = `${w.t('waiting:reminder.offer', { band })}\n\n${w.t('waiting:reminder.privacy', { band })}`;
        return step.prompt(CONSENT_PROMPT, {
          prompt: withButtons(text, buttons),
          retryPrompt: withButtons(w.t('waiting:reminder.consent_not_understood', { band }), buttons),
        });
      }
      default:
        return step.endDialog();
    }
  }

  private async consentStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { band } = await whoIs(step.context, this.deps);
    const w = this.deps.words;
    const input = step.result as TurnInput;
    // "stop reminders" here does what it says (the reminder message tells them to type it), and a number of days
    // ("3", "every 7 days") is a yes with the answer to the next question.
    if (this.choiceOf(input) === 'reminder_off') return step.replaceDialog(FLOW, { again: false, off: true });
    const days = this.daysOf({ recognized: { value: input } });
    if (days !== undefined) return step.next(input);
    if (!this.consentOf(input)) {
      await step.context.sendActivity(w.t('waiting:reminder.declined', { band }));
      return step.endDialog();
    }
    const buttons: Button[] = REMINDER_DAY_CHOICES.map((d) => ({ title: w.t('waiting:reminder.days_option', { count: d, band }), data: { kind: DAYS_KIND, days: d } }));
    return step.prompt(DAYS_PROMPT, {
      prompt: withButtons(w.t('waiting:reminder.choose_days', { band }), buttons),
      retryPrompt: withButtons(w.t('waiting:reminder.days_not_understood', { band, min: MIN_DAYS, max: MAX_DAYS }), buttons),
    });
  }

  private async daysStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { band } = await whoIs(step.context, this.deps);
    if (this.choiceOf(step.result as TurnInput) === 'reminder_off') return step.replaceDialog(FLOW, { off: true });
    const days = this.daysOf({ recognized: { value: step.result as TurnInput } });
    if (days === undefined) {
      const on = (await getReminder(this.deps.store, userUid(step.context)))?.enabled === true;
      await step.context.sendActivity(this.deps.words.t(on ? 'waiting:reminder.kept' : 'waiting:reminder.declined', { band }));
      return step.endDialog();
    }
    await setReminder(this.deps.store, userUid(step.context), { days, consent: true, now: this.deps.now(), band, address: addressOf(step.context) });
    await step.context.sendActivity(this.deps.words.t('waiting:reminder.set', { count: days, band }));
    return step.endDialog();
  }
}
