/**
 * The first meeting: welcome, age (or school year) for the age band, the privacy notice for that band,
 * an optional nickname and where they live. Saved to the profile, remembered, and run again to change it
 * (with { change: true } it skips the welcome).
 */
import { ComponentDialog, DialogTurnResult, PromptValidatorContext, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import type { AgeBand } from '../../core/ageBands';
import type { TurnInput } from '../../core/input';
import { localAreaCard, privacyCard } from '../../core/mystar/cards';
import { parseLocalArea } from '../../core/mystar/parseAnswer';
import { cleanNickname, parseAgeAnswer, saveProfile } from '../../core/profile/profiles';
import type { LocalArea } from '../../core/records/types';
import { userUid } from '../../bot/turnState';
import { forgetProfileCache } from '../support/profile';
import { InputPrompt } from '../support/inputPrompt';
import type { DialogDeps } from '../types';
import { cardMessage, freshProfile, submissionOf, tidy } from './shared';

/** The feature id 'onboarding' (first meeting and "change my details"). */
export const FIRST_MEETING = 'onboarding';
const FLOW = 'checkin.firstMeeting.flow';
const AGE = 'checkin.firstMeeting.age';
const PRIVACY = 'checkin.firstMeeting.privacy';

/** Typed answers to "what would you like me to call you?" that are not a name. */
const NOT_A_NAME = /^(ok|okay|k|kk|ok got it|got it|yes|yeah|yep|sure|fine|alright|cool|thanks|thank you)$/;

/** A question about the privacy notice, rather than "OK". */
function isQuestion(input: TurnInput | undefined): boolean {
  if (!input || input.value || !input.text) return false;
  const t = input.text.trim().toLowerCase().replace(/[’']/g, '');
  return /\?$/.test(t) || /^(what|who|whos|why|how|where|when|huh|explain|i dont understand|dont understand|i dont get it|dont get it|idgi|what does that mean)\b/.test(t);
}
const NICK = 'checkin.firstMeeting.nickname';
const AREA = 'checkin.firstMeeting.area';

export interface FirstMeetingOptions {
  /** changing details later: no welcome, and "skip" keeps what was there (the default when a profile exists) */
  change?: boolean;
}

export interface FirstMeetingResult {
  /** false when they are outside 8-25 (no profile saved) */
  ok: boolean;
  band?: AgeBand;
}

interface Values {
  change?: boolean;
  band?: AgeBand;
  /** changing one detail only ("change where I live", "change my name") */
  only?: 'area' | 'nickname';
}

/** The one detail a typed "change ..." asks to change, if it names one. */
function onlyDetail(text: string | undefined): Values['only'] {
  const t = tidy(text ?? '');
  if (/^change where i live$/.test(t)) return 'area';
  if (/^change my (nick)?name$/.test(t)) return 'nickname';
  return undefined;
}

export class FirstMeetingDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(FIRST_MEETING);
    this.addDialog(new InputPrompt(AGE, async (p) => this.validAge(p)));
    this.addDialog(new InputPrompt(PRIVACY, async (p) => !isQuestion(p.recognized.value)));
    this.addDialog(new InputPrompt(NICK, async (p) => this.validNickname(p)));
    this.addDialog(new InputPrompt(AREA, async (p) => this.validArea(p)));
    this.addDialog(
      new WaterfallDialog(FLOW, [
        this.askAge.bind(this),
        this.showPrivacy.bind(this),
        this.askNickname.bind(this),
        this.askArea.bind(this),
        this.finish.bind(this),
      ]),
    );
    this.initialDialogId = FLOW;
  }

  private values(step: WaterfallStepContext): Values {
    return step.values as Values;
  }

  private async validAge(p: PromptValidatorContext<TurnInput>): Promise<boolean> {
    const input = p.recognized.value;
    if (!input?.text) return false;
    const opts = p.options as { validations?: { change?: boolean } };
    if (opts.validations?.change && /^skip$/i.test(input.text.trim())) return true;
    return parseAgeAnswer(input.text).kind !== 'unclear';
  }

  private async validNickname(p: PromptValidatorContext<TurnInput>): Promise<boolean> {
    const t = p.recognized.value?.text ?? '';
    // "ok" here is most often the privacy notice's OK sent twice, not a name
    return t.length > 0 && cleanNickname(t) !== 'tooLong' && !NOT_A_NAME.test(tidy(t));
  }

  private async validArea(p: PromptValidatorContext<TurnInput>): Promise<boolean> {
    const input = p.recognized.value;
    const s = submissionOf(input);
    if (s?.kind === 'profile.area') return true;
    if (input?.text && /^skip$/i.test(input.text.trim())) return true;
    return !!(input?.text && parseLocalArea(input.text));
  }

  private async askAge(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const opts = (step.options ?? {}) as FirstMeetingOptions;
    const v = this.values(step);
    const w = this.deps.words;
    const band = (await freshProfile(step.context, this.deps))?.ageBand;
    v.change = opts.change ?? !!band;
    v.only = v.change && band ? onlyDetail(step.context.activity.text) : undefined;
    if (v.only) {
      v.band = band;
      return step.next();
    }
    if (v.change) await step.context.sendActivity(w.t('onboarding:changeIntro', { band }));
    else await step.context.sendActivity(w.t('onboarding:welcome'));
    return step.prompt(AGE, {
      prompt: w.t('onboarding:askAge', { band }),
      retryPrompt: w.t('onboarding:ageReask', { band }),
      validations: { change: v.change },
    });
  }

  private async showPrivacy(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const v = this.values(step);
    const w = this.deps.words;
    if (v.only) return step.next();
    const input = step.result as TurnInput;
    const uid = userUid(step.context);
    const old = await freshProfile(step.context, this.deps);
    if (v.change && /^skip$/i.test(input.text.trim()) && old?.ageBand) {
      v.band = old.ageBand;
      return step.next();
    }
    const a = parseAgeAnswer(input.text);
    if (a.kind === 'tooYoung' || a.kind === 'tooOld') {
      await step.context.sendActivity(w.t(a.kind === 'tooYoung' ? 'onboarding:tooYoung' : 'onboarding:tooOld'));
      const routes = this.deps.help.crisisText({ age: a.age });
      if (routes) await step.context.sendActivity(routes);
      return step.endDialog({ ok: false } satisfies FirstMeetingResult);
    }
    if (a.kind === 'unclear') return step.endDialog({ ok: false } satisfies FirstMeetingResult); // not reached: the prompt re-asks
    v.band = a.band;
    // an age is kept only when given; a school year keeps only the band
    await saveProfile(this.deps.store, uid, { ageBand: a.band, age: a.kind === 'age' ? a.age : null }, this.deps.now);
    forgetProfileCache(step.context);
    return step.prompt(PRIVACY, {
      prompt: cardMessage(privacyCard({ words: w, band: a.band })),
      retryPrompt: cardMessage(privacyCard({ words: w, band: a.band }), w.t('onboarding:privacyAgain', { band: a.band })),
    });
  }

  private async askNickname(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const v = this.values(step);
    if (v.only === 'area') return step.next();
    if (!v.only) await saveProfile(this.deps.store, userUid(step.context), { privacySeenAt: this.deps.now().toISOString() }, this.deps.now);
    forgetProfileCache(step.context);
    const w = this.deps.words;
    return step.prompt(NICK, {
      prompt: w.t('onboarding:askNickname', { band: v.band }),
      retryPrompt: w.t('onboarding:nicknameReask', { band: v.band }),
    });
  }

  private async askArea(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const v = this.values(step);
    const input = step.result as TurnInput | undefined;
    if (v.only !== 'area' && input) {
      const nick = cleanNickname(input.text);
      const skipped = /^skip$/i.test(tidy(input.text));
      if (!(v.change && skipped) && nick !== 'tooLong') {
        await saveProfile(this.deps.store, userUid(step.context), { nickname: nick ?? null }, this.deps.now);
        forgetProfileCache(step.context);
      }
    }
    if (v.only === 'nickname') return step.next();
    const w = this.deps.words;
    return step.prompt(AREA, {
      prompt: cardMessage(localAreaCard({ words: w, band: v.band })),
      retryPrompt: w.t('onboarding:areaReask', { band: v.band }),
    });
  }

  private async finish(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const v = this.values(step);
    const input = step.result as TurnInput | undefined;
    const s = submissionOf(input);
    const area: LocalArea | undefined = s?.kind === 'profile.area' ? s.area : input ? parseLocalArea(input.text) : undefined;
    const uid = userUid(step.context);
    const p = area ? await saveProfile(this.deps.store, uid, { area }, this.deps.now) : await freshProfile(step.context, this.deps);
    forgetProfileCache(step.context);
    const name = p?.nickname ? `, ${p.nickname}` : '';
    await step.context.sendActivity(this.deps.words.t('onboarding:saved', { band: v.band, name }));
    return step.endDialog({ ok: true, band: v.band } satisfies FirstMeetingResult);
  }
}
