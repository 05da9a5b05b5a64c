/**
 * Adaptive Card JSON (version 1.5, renders in Teams and Web Chat) for the check-in, as plain objects.
 * No botbuilder here: the dialog wraps them with CardFactory.adaptiveCard. Every button has a typed
 * alternative (the hint on the card says so), and every submit carries { kind, checkInId, ... } so the
 * dialog can check it against the check-in in progress.
 */
import { z } from 'zod';
import type { AgeBand } from '../ageBands';
import type { Words } from '../i18n';
import { AREA_IDS, AreaId, LOCAL_AREAS, LocalArea, Step } from '../records/types';
import { areaInfo, myStarContent } from './content';
import { areaName, areaQuestion, stepLabel } from './labels';

export type AdaptiveCard = {
  type: 'AdaptiveCard';
  $schema: string;
  version: '1.5';
  body: unknown[];
  actions?: unknown[];
  speak?: string;
  fallbackText?: string;
};

const card = (body: unknown[], extra: Partial<AdaptiveCard> = {}): AdaptiveCard => ({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body,
  ...extra,
});

const text = (t: string, more: Record<string, unknown> = {}) => ({ type: 'TextBlock', text: t, wrap: true, ...more });
const submit = (title: string, data: Record<string, unknown>, more: Record<string, unknown> = {}) => ({
  type: 'Action.Submit',
  title,
  data,
  ...more,
});

export const SUBMIT_KINDS = [
  'mystar.step',
  'mystar.skip',
  'mystar.pause',
  'mystar.stop',
  'mystar.help',
  'mystar.strengths',
  'mystar.more',
  'mystar.goalAreas',
  'mystar.goalOffer',
  'mystar.resume',
  'mystar.restart',
  'profile.area',
  'profile.privacyOk',
  'data.delete',
] as const;

/** One step card for an area: the band's question, five colour-coded step buttons, then skip/pause/stop/help. */
export function areaCard(opts: { words: Words; band: AgeBand; checkInId: string; area: AreaId; index?: number; total?: number }): AdaptiveCard {
  const { words: w, band, checkInId, area } = opts;
  const info = areaInfo(area);
  const index = opts.index ?? AREA_IDS.indexOf(area) + 1;
  const total = opts.total ?? AREA_IDS.length;
  const steps = myStarContent().steps;
  const question = areaQuestion(w, area, band);
  const stepActions = steps.map((s) =>
    submit(`${s.square} ${s.step} ${s.emoji} ${stepLabel(w, s.step, band, area)}`, { kind: 'mystar.step', checkInId, area, step: s.step }),
  );
  const control = (kind: string, key: string) => submit(w.t(`mystar:buttons.${key}`, { band }), { kind, checkInId, area });
  return card(
    [
      text(w.t('mystar:checkin.progress', { band, n: index, total }), { size: 'Small', isSubtle: true, spacing: 'None' }),
      text(`${info.emoji} ${areaName(w, area, band)}`, { weight: 'Bolder', size: 'Medium' }),
      text(question),
      // one ActionSet per step so the five buttons stack full width in both Teams and Web Chat
      ...stepActions.map((a) => ({ type: 'ActionSet', actions: [a], spacing: 'Small' })),
      text(w.t('mystar:checkin.hint', { band }), { size: 'Small', isSubtle: true }),
      {
        type: 'ActionSet',
        actions: [control('mystar.skip', 'skip'), control('mystar.pause', 'pause'), control('mystar.stop', 'stop'), control('mystar.help', 'help')],
      },
    ],
    { speak: question, fallbackText: `${question} ${w.t('mystar:checkin.hint', { band })}` },
  );
}

/** "What's going well at the moment?" with a text box, before the eight areas. */
export function strengthsCard(opts: { words: Words; band: AgeBand; checkInId: string }): AdaptiveCard {
  const { words: w, band, checkInId } = opts;
  const prompt = w.t('mystar:strengths.prompt', { band });
  return card(
    [
      text(prompt, { weight: 'Bolder' }),
      { type: 'Input.Text', id: 'text', isMultiline: true, maxLength: 2000, placeholder: w.t('mystar:strengths.placeholder', { band }), label: prompt },
    ],
    {
      actions: [
        submit(w.t('mystar:buttons.send', { band }), { kind: 'mystar.strengths', checkInId }, { style: 'positive' }),
        submit(w.t('mystar:buttons.skip', { band }), { kind: 'mystar.strengths', checkInId, skip: true }),
      ],
      speak: prompt,
      fallbackText: prompt,
    },
  );
}

/** The optional "want to say more?" after an area. */
export function sayMoreCard(opts: { words: Words; band: AgeBand; checkInId: string; area: AreaId }): AdaptiveCard {
  const { words: w, band, checkInId, area } = opts;
  const prompt = w.t('mystar:sayMore.prompt', { band });
  return card(
    [
      text(prompt),
      { type: 'Input.Text', id: 'text', isMultiline: true, maxLength: 2000, placeholder: w.t('mystar:strengths.placeholder', { band }), label: prompt },
    ],
    {
      actions: [
        submit(w.t('mystar:buttons.send', { band }), { kind: 'mystar.more', checkInId, area }, { style: 'positive' }),
        submit(w.t('mystar:buttons.noThanks', { band }), { kind: 'mystar.more', checkInId, area, skip: true }),
      ],
      speak: prompt,
      fallbackText: prompt,
    },
  );
}

/** Choose one or two areas to work on, hardest first; typed names work too. */
export function goalAreasCard(opts: { words: Words; band: AgeBand; checkInId: string; options: AreaId[] }): AdaptiveCard {
  const { words: w, band, checkInId } = opts;
  const prompt = w.t('mystar:goals.choose', { band });
  return card(
    [
      text(prompt, { weight: 'Bolder' }),
      text(w.t('mystar:goals.suggest', { band }), { size: 'Small', isSubtle: true }),
      {
        type: 'Input.ChoiceSet',
        id: 'areas',
        isMultiSelect: true,
        style: 'expanded',
        label: prompt,
        choices: opts.options.map((a) => ({ title: `${areaInfo(a).emoji} ${areaName(w, a, band)}`, value: a })),
      },
    ],
    {
      actions: [
        submit(w.t('mystar:buttons.send', { band }), { kind: 'mystar.goalAreas', checkInId }, { style: 'positive' }),
        submit(w.t('mystar:buttons.noThanks', { band }), { kind: 'mystar.goalAreas', checkInId, skip: true }),
      ],
      speak: prompt,
      fallbackText: prompt,
    },
  );
}

/** "Would you like to pick one or two things to work on?" yes / not now. */
export function goalOfferCard(opts: { words: Words; band: AgeBand; checkInId: string }): AdaptiveCard {
  const { words: w, band, checkInId } = opts;
  const prompt = w.t('mystar:goals.intro', { band });
  return card([text(prompt)], {
    actions: [
      submit(w.t('mystar:buttons.yes', { band }), { kind: 'mystar.goalOffer', checkInId, want: true }, { style: 'positive' }),
      submit(w.t('mystar:buttons.notNow', { band }), { kind: 'mystar.goalOffer', checkInId, want: false }),
    ],
    speak: prompt,
    fallbackText: prompt,
  });
}

/** Where they live, five buttons (typed town or county names work too). */
export function localAreaCard(opts: { words: Words; band?: AgeBand }): AdaptiveCard {
  const { words: w, band } = opts;
  const prompt = w.t('onboarding:askArea', { band });
  return card([text(prompt), { type: 'ActionSet', actions: LOCAL_AREAS.map((a) => submit(w.t(`onboarding:localAreas.${a}`, { band }), { kind: 'profile.area', area: a })) }], {
    speak: prompt,
    fallbackText: prompt,
  });
}

/** The privacy notice for the band: what is kept, who sees it, when a worker is told, how to delete it. */
export function privacyCard(opts: { words: Words; band: AgeBand }): AdaptiveCard {
  const { words: w, band } = opts;
  const parts = ['kept', 'whoSees', 'whenTold', 'delete'].map((k) => w.t(`onboarding:privacy.${k}`, { band }));
  return card([text(w.t('onboarding:privacy.title', { band }), { weight: 'Bolder', size: 'Medium' }), ...parts.map((p) => text(p))], {
    actions: [submit(w.t('onboarding:privacy.ok', { band }), { kind: 'profile.privacyOk' })],
    speak: parts.join(' '),
    fallbackText: parts.join('\n\n'),
  });
}

/** Yes/no for "delete my data". */
export function deleteConfirmCard(opts: { words: Words; band?: AgeBand }): AdaptiveCard {
  const { words: w, band } = opts;
  const prompt = w.t('mystar:deleteData.confirm', { band });
  return card([text(prompt)], {
    actions: [
      submit(w.t('mystar:deleteData.yes', { band }), { kind: 'data.delete', confirm: true }, { style: 'destructive' }),
      submit(w.t('mystar:deleteData.no', { band }), { kind: 'data.delete', confirm: false }),
    ],
    speak: prompt,
    fallbackText: prompt,
  });
}

/** Carry on with a paused check-in, or start again. */
export function resumeCard(opts: { words: Words; band: AgeBand; checkInId: string }): AdaptiveCard {
  const { words: w, band, checkInId } = opts;
  const prompt = w.t('mystar:checkin.resumeOffer', { band });
  return card([text(prompt)], {
    actions: [
      submit(w.t('mystar:checkin.resumeYes', { band }), { kind: 'mystar.resume', checkInId }, { style: 'positive' }),
      submit(w.t('mystar:checkin.startAgain', { band }), { kind: 'mystar.restart', checkInId }),
    ],
    speak: prompt,
    fallbackText: prompt,
  });
}

// ---- reading submissions ----

const id = z.string().min(1).max(100);
const area = z.enum(AREA_IDS);
const step = z.number().int().min(1).max(5);
const optText = z.string().max(4000).optional();

export const cardSubmissionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('mystar.step'), checkInId: id, area, step: z.union([step, z.string().regex(/^[1-5]$/).transform(Number)]) }),
  z.object({ kind: z.literal('mystar.skip'), checkInId: id, area }),
  z.object({ kind: z.literal('mystar.pause'), checkInId: id, area: area.optional() }),
  z.object({ kind: z.literal('mystar.stop'), checkInId: id, area: area.optional() }),
  z.object({ kind: z.literal('mystar.help'), checkInId: id, area: area.optional() }),
  z.object({ kind: z.literal('mystar.strengths'), checkInId: id, text: optText, skip: z.boolean().optional() }),
  z.object({ kind: z.literal('mystar.more'), checkInId: id, area, text: optText, skip: z.boolean().optional() }),
  z.object({ kind: z.literal('mystar.goalAreas'), checkInId: id, areas: z.string().max(400).optional(), skip: z.boolean().optional() }),
  z.object({ kind: z.literal('mystar.goalOffer'), checkInId: id, want: z.boolean() }),
  z.object({ kind: z.literal('mystar.resume'), checkInId: id }),
  z.object({ kind: z.literal('mystar.restart'), checkInId: id }),
  z.object({ kind: z.literal('profile.area'), area: z.enum(LOCAL_AREAS) }),
  z.object({ kind: z.literal('profile.privacyOk') }),
  z.object({ kind: z.literal('data.delete'), confirm: z.boolean() }),
]);

export type CardSubmission = z.infer<typeof cardSubmissionSchema>;

/**
 * Reads an activity's `value` from one of these cards. Anything forged or malformed (step 9, an unknown
 * area, a missing id, an unknown kind) gives undefined: the dialog re-asks gently and changes nothing.
 * Whether the check-in is the one in progress is checked by the dialog and by the repository.
 */
export function parseCardSubmission(value: unknown): CardSubmission | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const r = cardSubmissionSchema.safeParse(value);
  return r.success ? r.data : undefined;
}

/** The areas chosen in goalAreasCard (a comma-separated string from Input.ChoiceSet). */
export function chosenGoalAreas(s: Extract<CardSubmission, { kind: 'mystar.goalAreas' }>): AreaId[] {
  return (s.areas ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter((x): x is AreaId => (AREA_IDS as readonly string[]).includes(x));
}

export type { LocalArea, Step };
