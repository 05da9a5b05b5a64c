/**
 * "My data": show what is kept (every registered source, in plain words) and "delete my data" (after a
 * yes/no confirmation, removes every record of every source, then says it is done).
 */
import { ComponentDialog, DialogTurnResult, PromptValidatorContext, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import type { TurnContext } from 'botbuilder';
import type { TurnInput } from '../../core/input';
import { deleteConfirmCard } from '../../core/mystar/cards';
import { collectUserData, eraseUserData } from '../../core/records/userData';
import type { CheckInRecord, Profile } from '../../core/records/types';
import '../../core/mystar/checkIns'; // registers the check-in records
import '../../core/profile/profiles'; // registers the profile
import { turnLog, userUid } from '../../bot/turnState';
import { InputPrompt } from '../support/inputPrompt';
import { bandOf, forgetProfileCache } from '../support/profile';
import { withButtons } from '../support/cards';
import type { DialogDeps } from '../types';
import { cardMessage, NO, submissionOf, tidy, YES } from './shared';

export const MY_DATA = 'mydata';
const FLOW = 'mydata.flow';
const CONFIRM = 'mydata.confirm';
const CHOICE = 'mydata.choice';

export interface MyDataOptions {
  /** go straight to the delete confirmation */
  delete?: boolean;
}

const DELETE_WORDS = /\b(delete|remove|erase|forget|wipe|get rid)\b/i;

export class MyDataDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(MY_DATA);
    this.addDialog(new InputPrompt(CONFIRM, async (p) => this.confirmAnswer(p) !== undefined));
    this.addDialog(new InputPrompt(CHOICE));
    this.addDialog(new WaterfallDialog(FLOW, [this.start.bind(this), this.confirm.bind(this), this.done.bind(this)]));
    this.initialDialogId = FLOW;
  }

  private confirmAnswer(p: PromptValidatorContext<TurnInput> | { recognized: { value?: TurnInput } }): boolean | undefined {
    const input = p.recognized.value;
    const s = submissionOf(input);
    if (s?.kind === 'data.delete') return s.confirm;
    if (input?.value || !input?.text) return undefined;
    const t = tidy(input.text);
    if (/^(yes|y|yes delete it all|yes delete|delete|delete it|delete it all|yes please|do it|sure)$/.test(t)) return true;
    if (NO.test(t) || /^(no keep it|keep it|dont|don't|cancel)$/.test(t)) return false;
    return undefined;
  }

  private async start(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const opts = (step.options ?? {}) as MyDataOptions;
    const typed = step.context.activity.text ?? '';
    if (opts.delete || DELETE_WORDS.test(typed)) return step.next({ wantsDelete: true });
    await this.showData(step);
    return step.prompt(CHOICE, {
      prompt: withButtons(this.deps.words.t('mystar:myData.offerDelete', { band: await bandOf(step.context, this.deps.store) }), [
        { title: this.deps.words.t('mystar:myData.deleteButton'), data: { kind: 'data.delete', ask: true } },
      ]),
    });
  }

  private async showData(step: WaterfallStepContext): Promise<void> {
    const w = this.deps.words;
    const band = await bandOf(step.context, this.deps.store);
    const data = await collectUserData(this.deps.store, userUid(step.context));
    const lines: string[] = [];
    const profile = data.profile as Profile | undefined;
    if (profile?.ageBand) {
      lines.push(
        w.t('mystar:myData.profile', {
          band: profile.ageBand,
          age: profile.age ? w.t('mystar:myData.ageBit', { age: profile.age }) : '',
          nickname: profile.nickname ? w.t('mystar:myData.nicknameBit', { nickname: profile.nickname }) : '',
          area: profile.area ? w.t('mystar:myData.areaBit', { area: w.t(`onboarding:localAreas.${profile.area}`) }) : '',
        }),
      );
    }
    const checkins = (data.checkins as CheckInRecord[] | undefined) ?? [];
    if (checkins.length) {
      lines.push(w.t('mystar:myData.checkins', { band, n: checkins.length }));
      const plans = checkins.filter((c) => c.plan).length;
      if (plans) lines.push(w.t('mystar:myData.plans', { band, n: plans }));
    }
    for (const [name, v] of Object.entries(data)) {
      if (name === 'profile' || name === 'checkins') continue;
      const n = Array.isArray(v) ? v.length : v ? 1 : 0;
      // each kind of record in plain words; an unknown kind still shows, under its own name
      const plain = `mystar:myData.sources.${name}`;
      if (n) lines.push(w.has(plain, band) ? w.t(plain, { band, n }) : w.t('mystar:myData.other', { band, name, n }));
    }
    await step.context.sendActivity(
      lines.length ? `${w.t('mystar:myData.intro', { band })}\n\n${lines.join('\n\n')}` : w.t('mystar:myData.nothing', { band }),
    );
  }

  private async confirm(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const r = step.result as { wantsDelete?: boolean } | TurnInput | undefined;
    const band = await bandOf(step.context, this.deps.store);
    const asked =
      (r && 'wantsDelete' in r && r.wantsDelete) ||
      (r && 'text' in r && ((r.value && (r.value as { kind?: unknown }).kind === 'data.delete') || DELETE_WORDS.test(r.text) || YES.test(tidy(r.text))));
    if (!asked) return step.endDialog();
    const card = cardMessage(deleteConfirmCard({ words: this.deps.words, band }));
    return step.prompt(CONFIRM, { prompt: card, retryPrompt: this.deps.words.t('mystar:deleteData.reask', { band }) });
  }

  private async done(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const w = this.deps.words;
    const band = await bandOf(step.context, this.deps.store);
    const yes = this.confirmAnswer({ recognized: { value: step.result as TurnInput } });
    if (!yes) {
      await step.context.sendActivity(w.t('mystar:deleteData.cancelled', { band }));
      return step.endDialog();
    }
    await eraseUserData(this.deps.store, userUid(step.context));
    // what the bot keeps about this conversation (set by bot/server.ts: the safety check's recent messages)
    const hook = this.deps.extras.onUserDataErased as ((ctx: TurnContext) => Promise<{ keptForSafety: boolean }>) | undefined;
    const kept = hook ? (await hook(step.context)).keptForSafety : false;
    forgetProfileCache(step.context);
    turnLog(step.context, this.deps.log).info({ keptForSafety: kept }, 'user data deleted');
    // honest about what stays: a safety concern a duty worker has not yet closed is kept until they do
    await step.context.sendActivity(w.t(kept ? 'mystar:deleteData.doneKeptForSafety' : 'mystar:deleteData.done', { band }));
    return step.endDialog({ deleted: true });
  }
}
