/**
 * The young person's own goals, in the person-centred steps: choose one or two areas (prioritise),
 * what good would look like (success), what gets in the way (what's stopping you), one small first
 * step and when (action), saved with the check-in (record) and asked about next time.
 */
import type { AgeBand } from '../ageBands';
import type { Words } from '../i18n';
import type { Store } from '../storage';
import { AREA_IDS, AreaId, CheckInRecord, GoalPlan } from '../records/types';
import { checkInHistory } from './checkIns';
import { areaInfo } from './content';
import { areaName, joinAnd } from './labels';
import { normaliseAnswer } from './parseAnswer';

export const MAX_GOAL_AREAS = 2;
const MAX_PLAN_TEXT = 500;

/** Areas to offer, hardest first (answered ones by step, then skipped ones). */
export function goalAreaOptions(rec: CheckInRecord): AreaId[] {
  const answered = AREA_IDS.filter((a) => rec.answers[a]?.step != null).sort(
    (x, y) => (rec.answers[x]!.step as number) - (rec.answers[y]!.step as number) || AREA_IDS.indexOf(x) - AREA_IDS.indexOf(y),
  );
  return [...answered, ...AREA_IDS.filter((a) => !answered.includes(a))];
}

export type GoalAreaChoice = { ok: true; areas: AreaId[] } | { ok: false; reason: 'unclear' | 'tooMany' };

/** Reads "friends and school", "my feelings", "home" into one or two areas. */
export function parseGoalAreas(text: string, words: Words, band?: AgeBand): GoalAreaChoice {
  let rest = ` ${normaliseAnswer(text ?? '')} `;
  const phrases: { phrase: string; area: AreaId }[] = [];
  for (const a of AREA_IDS) {
    for (const p of [...areaInfo(a).aliases, areaName(words, a, band), areaName(words, a)]) {
      phrases.push({ phrase: normaliseAnswer(p), area: a });
    }
  }
  phrases.sort((x, y) => y.phrase.length - x.phrase.length);
  const found: AreaId[] = [];
  for (const { phrase, area } of phrases) {
    if (!phrase) continue;
    const re = new RegExp(`(^|[^\\p{L}\\p{N}'])${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=$|[^\\p{L}\\p{N}'])`, 'u');
    const m = re.exec(rest);
    if (m) {
      if (!found.includes(area)) found.push(area);
      rest = rest.slice(0, m.index) + ' '.repeat(m[0].length) + rest.slice(m.index + m[0].length);
    }
  }
  if (!found.length) return { ok: false, reason: 'unclear' };
  if (found.length > MAX_GOAL_AREAS) return { ok: false, reason: 'tooMany' };
  return { ok: true, areas: AREA_IDS.filter((a) => found.includes(a)) };
}

/** A free-text plan answer, tidied; undefined when skipped or empty. */
export function planText(text: string | undefined): string | undefined {
  const t = (text ?? '').replace(/[\u0000-\u001f]/g, ' ').replace(/\s+/g, ' ').trim();
  if (!t || /^(skip|pass|no|nope|nah|no thanks|don'?t know|dunno|idk|not sure)$/i.test(t)) return undefined;
  return t.slice(0, MAX_PLAN_TEXT);
}

export function makePlan(
  input: { areas: AreaId[]; goodLooksLike?: string; inTheWay?: string; firstStep?: string; when?: string },
  now: () => Date = () => new Date(),
): GoalPlan {
  const areas = AREA_IDS.filter((a) => input.areas.includes(a)).slice(0, MAX_GOAL_AREAS);
  const plan: GoalPlan = { areas, createdAt: now().toISOString() };
  const g = planText(input.goodLooksLike);
  const i = planText(input.inTheWay);
  const f = planText(input.firstStep);
  const w = planText(input.when);
  if (g) plan.goodLooksLike = g;
  if (i) plan.inTheWay = i;
  if (f) plan.firstStep = f;
  if (w) plan.when = w;
  return plan;
}

/** An area's name inside a sentence: only its first letter lowered ("Feelings and how I act", not "how i act"). */
const inSentence = (name: string) => (/^I\b/.test(name) ? name : name.charAt(0).toLowerCase() + name.slice(1));

export function goalAreaNames(plan: Pick<GoalPlan, 'areas'>, words: Words, band?: AgeBand): string {
  return joinAnd(words, plan.areas.map((a) => inSentence(areaName(words, a, band))), band);
}

/**
 * Their first step told back to them: "I'll talk to my mum" becomes "talk to your mum", so "you said you'd ..."
 * reads as a sentence. Only the lead-in ("I'll", "I could", "maybe", "to") and I/my/me are changed; the rest
 * stays in their words.
 */
export function stepToThem(step: string): string {
  let t = step.trim().replace(/[.!]+$/, '');
  const lead =
    /^(?:(?:i\s*(?:'|\u2019)?ll|i will|i'?m going to|im going to|i am going to|i'?m gonna|im gonna|i could|i can|i might|i would|i'?d|i want to|i wanna|i should|maybe|probably|to)\s+)+/i;
  t = t.replace(lead, '');
  const swaps: Record<string, string> = { my: 'your', me: 'you', myself: 'yourself', mine: 'yours', "i'm": "you're", im: "you're", i: 'you', "i've": "you've" };
  t = t.replace(/\b(?:my|me|myself|mine|i'm|im|i've|i)\b/gi, (w) => swaps[w.toLowerCase()] ?? w);
  return t || step;
}

/** One line restating the plan, for the "I've saved your plan" message. */
export function planSentence(plan: GoalPlan, words: Words, band?: AgeBand): string {
  const parts = [goalAreaNames(plan, words, band)];
  if (plan.firstStep) {
    parts.push(
      plan.when
        ? words.t('mystar:goals.planLineWhen', { band, firstStep: stepToThem(plan.firstStep), when: plan.when })
        : words.t('mystar:goals.planLine', { band, firstStep: stepToThem(plan.firstStep) }),
    );
  }
  return parts.join(', and ');
}

/** The latest plan this young person made, with the check-in it belongs to. */
export async function lastPlan(store: Store, uid: string): Promise<{ plan: GoalPlan; checkInId: string } | undefined> {
  const all = await checkInHistory(store, uid);
  const withPlan = [...all].reverse().find((r) => r.plan);
  return withPlan ? { plan: withPlan.plan!, checkInId: withPlan.id } : undefined;
}

/**
 * How their "how did it go?" answer sounds, so the reply fits: "I didn't do it" or "it went badly" is met with
 * kindness (a thumbs-up would jar), "it went well" with credit; anything else with thanks.
 */
export function followUpTone(text: string): 'good' | 'hard' | 'neutral' {
  const t = text.toLowerCase().replace(/[\u2018\u2019]/g, "'");
  if (/\bnot (bad|too bad)\b/.test(t)) return 'good';
  if (/\b(didn'?t|did not|couldn'?t|could not|wasn'?t|haven'?t|hasn'?t|no|nope|nah|not|never|forgot|forget|bad|badly|worse|awful|terrible|rubbish|horrible|failed|scared|too hard)\b/.test(t)) return 'hard';
  if (/\b(good|great|well|fine|ok|okay|did it|done it|yes|yeah|yep|better|amazing|brilliant|helped|proud)\b/.test(t)) return 'good';
  return 'neutral';
}

/** "Last time you said you'd ... — how did it go?" */
export function followUpLine(plan: GoalPlan, words: Words, band?: AgeBand): string {
  if (plan.firstStep && plan.when) return words.t('mystar:goals.followUp', { band, firstStep: stepToThem(plan.firstStep), when: plan.when });
  if (plan.firstStep) return words.t('mystar:goals.followUpNoWhen', { band, firstStep: stepToThem(plan.firstStep) });
  return words.t('mystar:goals.followUpAreas', { band, areas: goalAreaNames(plan, words, band) });
}
