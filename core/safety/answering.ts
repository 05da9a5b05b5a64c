/**
 * A short answer read with the question it answers (content/safety/answering.json). "my step dad" said on its own
 * is nothing to act on; said as what gets in the way of feeling safe, a person should ask who and why; said as who
 * helps, it is good news. The rules only ever raise a result (to safeguarding at most) and only for the kinds of
 * question they name; every reason names the question in plain words and never the young person's words.
 */
import { AREA_IDS } from '../records/types';
import type { Tok } from './normalise';
import { compile, PatternSet, type Expand } from './patterns';
import type { AnsweringData, AnsweringRule } from './schema';
import { ANSWER_KINDS, LEVEL_RANK, SAFETY_CATEGORIES, type Answering, type SafetyCategory, type SafetyResult } from './types';

const MAX_REASONS = 6;

export interface AnsweringRules {
  /** The message's own result, raised (never lowered) by what the question makes of the answer. */
  apply(res: SafetyResult, toks: Tok[], answering: Answering): SafetyResult;
}

export function createAnsweringRules(data: AnsweringData, expand: Expand, where = 'content/safety/answering.json'): AnsweringRules {
  const filler = new Set(data.filler.map((w) => w.replace(/'/g, '')));
  const everyday = new PatternSet(data.everyday.map((p, i) => compile(p, p, data.groups, `${where} everyday pattern ${i + 1}`, expand)));
  const rules = data.rules.map((r) => ({
    rule: r,
    set: new PatternSet(r.patterns.map((p, i) => compile(p, r, data.groups, `${where} rule "${r.id}" pattern ${i + 1}`, expand))),
  }));

  function applies(r: AnsweringRule, a: Answering): boolean {
    if (!r.kinds.includes(a.kind)) return false;
    if (r.areas && !(a.areas ?? []).some((x) => (r.areas as string[]).includes(x))) return false;
    if (r.maxStep !== undefined && a.step !== undefined && a.step > r.maxStep) return false;
    return true;
  }

  /** Found; for a `whole` rule, its matches together must leave nothing but filler words ("my mum and dad"). */
  function found(set: PatternSet<AnsweringRule>, r: AnsweringRule, toks: Tok[]): boolean {
    const ms = set.find(toks);
    if (ms.length === 0) return false;
    if (!r.whole) return true;
    const covered = new Uint8Array(toks.length);
    for (const m of ms) covered.fill(1, m.start, m.end);
    return toks.every((t, k) => covered[k] === 1 || filler.has(t.w));
  }

  return {
    apply(res, toks, a) {
      if (toks.length === 0) return res;
      let best: { rule: AnsweringRule; category: SafetyCategory } | undefined;
      let ordinary: boolean | undefined; // looked for only when a rule that is not whole is tried
      for (const { rule, set } of rules) {
        if (toks.length > rule.maxWords || !applies(rule, a)) continue;
        const category = rule.category ?? a.about;
        if (!category) continue;
        if (best && LEVEL_RANK[best.rule.level] >= LEVEL_RANK[rule.level]) continue;
        if (!rule.whole && (ordinary ??= everyday.any(toks))) continue;
        if (found(set, rule, toks)) best = { rule, category };
      }
      if (!best) return res;
      const why = `${best.rule.rationale} (${best.category}, ${best.rule.level}; read with the question it answers)`;
      if (LEVEL_RANK[best.rule.level] <= LEVEL_RANK[res.level]) {
        // the message says enough on its own: its result stands, and the worker also reads what it answered
        return res.reasons.length < MAX_REASONS ? { ...res, reasons: [...res.reasons, why] } : res;
      }
      return { level: best.rule.level, category: best.category, reasons: [why, ...res.reasons].slice(0, MAX_REASONS), fromQuestion: true };
    },
  };
}

/**
 * What a message answers, from a stored prompt's options (conversation state is data: anything odd is dropped, so a
 * bad value can only leave the message to be read on its own).
 */
export function answeringOf(x: unknown): Answering | undefined {
  if (!x || typeof x !== 'object') return undefined;
  const o = x as Record<string, unknown>;
  if (typeof o.kind !== 'string' || !(ANSWER_KINDS as readonly string[]).includes(o.kind)) return undefined;
  const out: Answering = { kind: o.kind as Answering['kind'] };
  if (Array.isArray(o.areas)) {
    const areas = o.areas.filter((a): a is string => typeof a === 'string' && (AREA_IDS as readonly string[]).includes(a));
    if (areas.length) out.areas = areas.slice(0, 8);
  }
  if (typeof o.step === 'number' && Number.isInteger(o.step) && o.step >= 1 && o.step <= 5) out.step = o.step;
  if (typeof o.about === 'string' && (SAFETY_CATEGORIES as readonly string[]).includes(o.about)) out.about = o.about as SafetyCategory;
  return out;
}
