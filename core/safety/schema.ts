/**
 * Schemas for the safety data in content/safety/ (lexicon.json, normalise.json, rules.json).
 * Every lexicon entry carries a category, a level and a one-line rationale a duty worker can read.
 *
 * Pattern language (tokens separated by spaces, matched against the normalised, stemmed message):
 *   word        the word or any form with the same stem (kill, kills, killing)
 *   pre*        any word starting with "pre"
 *   a|b|@g      any one of the alternatives (single words, prefixes or groups)
 *   @group      any word of a group defined in lexicon.json "groups"
 *   (a b|c|d e) any one of these word sequences
 *   #n          a number written in digits
 *   ?x          x is optional
 *   ..N         up to N (1-5) words of anything, within the same sentence
 */
import { z } from 'zod';
import { AREA_IDS } from '../records/types';
import { ANSWER_KINDS, SAFETY_CATEGORIES, SAFETY_LEVELS } from './types';

const level = z.enum(SAFETY_LEVELS);
const category = z.enum(SAFETY_CATEGORIES);

const ITEM = "(@[a-z_]+|#n|[a-z0-9']+\\*?)";
const SINGLE = new RegExp(`^\\??(\\.\\.[1-5]|${ITEM}(\\|${ITEM})*)$`);
const SEQ = `${ITEM}( ${ITEM})*`;
const CHOICE = new RegExp(`^\\??\\(${SEQ}(\\|${SEQ})*\\)$`);
/** Split a pattern into its elements: "(a b|c)" groups stay whole. */
export function patternElements(p: string): string[] {
  return p.trim().match(/\??\([^)]*\)|[^\s()]+|[()]/g) ?? [];
}
export const patternSchema = z
  .string()
  .min(1)
  .refine((p) => patternElements(p).every((el) => SINGLE.test(el) || CHOICE.test(el)), {
    message: 'pattern may only use words, word*, a|b, @group, #n, (two words|one), ?optional and ..N gaps',
  })
  .refine((p) => !/^\s*(\?|\.\.)/.test(p), { message: 'pattern must not start with an optional element or a gap' });

/**
 * hyperbole: softened when the sentence is about an everyday thing; noNegate / noPast: a negation or past cue does not
 * soften it; context: a concern unless earlier messages back it up; specific: when it ties on level with a broader
 * entry, its category is the one reported ("i havent eaten in 3 days on purpose" is an eating disorder, not neglect)
 */
export const FLAGS = ['hyperbole', 'noNegate', 'noPast', 'context', 'specific'] as const;

export const lexiconEntrySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9_.-]+$/),
    pattern: patternSchema,
    category: category.nullable(),
    level: level,
    rationale: z.string().min(8).max(200),
    subcategory: z.string().optional(),
    tags: z.array(z.string()).optional(),
    flags: z.array(z.enum(FLAGS)).optional(),
    /** for "context" entries: the level reached when recent messages back it up */
    contextLevel: level.optional(),
  })
  .strict()
  .refine((e) => e.level === 'none' || e.category !== null, { message: 'an entry with a level above none needs a category' })
  .refine((e) => !(e.flags ?? []).includes('context') || e.contextLevel !== undefined, {
    message: 'a context entry needs contextLevel',
  });

export const maskSchema = z
  .object({
    id: z.string(),
    pattern: patternSchema,
    rationale: z.string().min(8),
    /**
     * a mask for talk about a topic (a lesson on it, a film about it, what a word means): lifted when the message also
     * says it is about them or someone close ("we had a lesson on self harm and it made me realise i do it")
     */
    topic: z.boolean().optional(),
  })
  .strict();

export const lexiconSchema = z
  .object({
    version: z.number().int(),
    groups: z.record(z.string().regex(/^[a-z_]+$/), z.array(z.string().regex(/^[a-z0-9']+\*?$/)).min(1)),
    masks: z.array(maskSchema),
    /**
     * Everyday replies to Starling's own questions ("I don't want to answer", "every 3 days"): not evidence for the
     * trained classifier, which otherwise reads "don't want to ..." as suicide. Rules still see these words.
     */
    replyMasks: z.array(maskSchema).default([]),
    entries: z.array(lexiconEntrySchema).min(1),
  })
  .strict();

export const normaliseSchema = z
  .object({
    /** whole-token replacements: text-speak, missing apostrophes, algospeak, common misspellings */
    textspeak: z.record(z.string(), z.string()),
    /** two-token replacements after text-speak, e.g. "sewer slide" */
    phrases: z.record(z.string(), z.string()),
    /** emoji to a word (others are dropped) */
    emoji: z.record(z.string(), z.string()),
    /** long risk words that misspellings are corrected to (string distance) */
    keyTerms: z.array(z.string().min(4)),
    /** common words never "corrected" to a key term */
    neverCorrect: z.array(z.string()),
    /** short words that letters spaced out may join into (s h -> sh) */
    joinShort: z.array(z.string()),
  })
  .strict();

export const comboSchema = z
  .object({
    id: z.string(),
    all: z.array(z.string()).min(2),
    category: category,
    level: level,
    subcategory: z.string().optional(),
    rationale: z.string().min(8),
  })
  .strict();

export const rulesSchema = z
  .object({
    negationCues: z.array(patternSchema),
    /** a negation followed by one of these words does not negate what comes after ("never told anyone he ...") */
    negationIgnoreAfter: z.array(z.string()),
    pastCues: z.array(patternSchema),
    stillCues: z.array(patternSchema),
    nowCues: z.array(patternSchema),
    trivialTopics: z.array(patternSchema),
    /** a film, book or show: harm described there, not to the young person, is noted rather than alerted */
    fictionCues: z.array(patternSchema),
    /**
     * the young person saying a lesson, film or talk is about them or someone close ("made me realise i do it", "that's
     * exactly what my dad does"): then neither the framing nor the topic masks soften the message
     */
    recognitionCues: z.array(patternSchema).default([]),
    /** negation does not reach across these words ("if i do not behave and he hits me") */
    clauseBreaks: z.array(z.string()),
    seriousCues: z.array(patternSchema),
    downgradeWhenPast: z.array(category),
    escalateWhenNow: z.array(category),
    priority: z.array(category),
    combos: z.array(comboSchema),
    /** two ages in one message ("he's 22 and i'm 14"): a gap this big with the younger under `under` adds `tag`;
     * one stated age of 18 or more ("a 30 year old", "he's 24") adds `adultTag` (grooming combos need another signal) */
    /** the trained classifier beside the rules (classifier.ts): raises to safeguarding at or above `threshold`, or at or
     * above `concernThreshold` when a rule already found a concern in the message */
    classifier: z
      .object({
        enabled: z.boolean(),
        threshold: z.number().min(0.5).max(1),
        /** lower bar when a rule already noted the message as a concern (two weak signals agreeing) */
        concernThreshold: z.number().min(0.5).max(1).optional(),
        alpha: z.number().positive().max(5),
        /** a message with fewer words than `shortWords` (after everyday uses are set aside) needs `shortThreshold`
         * instead of `threshold`: a short answer gives the classifier little to go on ("i want to be skinny") */
        shortWords: z.number().int().min(0).optional(),
        shortThreshold: z.number().min(0.5).max(1).optional(),
        /** logistic regression over the same features (logistic.ts), beside naive Bayes: the detector raises a message
         * when either clears its own bars. Its probabilities are calibrated, not squeezed towards 0 and 1 as naive
         * Bayes's are, so its bars are far lower (a threshold under 0.5 is allowed: "at least 40% likely") */
        logistic: z
          .object({
            enabled: z.boolean(),
            threshold: z.number().gt(0).max(1),
            shortThreshold: z.number().gt(0).max(1).optional(),
            /** false: it says nothing about a message shorter than classifier.shortWords, which leaves short messages
             * (mostly answers to Starling's own questions) to naive Bayes's short bar alone */
            shortMessages: z.boolean().optional(),
            /** as naive Bayes's concernThreshold, for logistic regression's risk */
            concernThreshold: z.number().gt(0).max(1).optional(),
            /** training: passes over the lines, AdaGrad's base rate, L2 penalty, shuffle seed (logistic.ts) */
            epochs: z.number().int().min(1).max(100),
            rate: z.number().positive().max(10),
            l2: z.number().min(0).max(1),
            seed: z.number().int(),
          })
          .strict()
          .optional(),
      })
      .strict()
      .optional(),
    ageGap: z.object({ minGap: z.number().int().min(1), under: z.number().int(), tag: z.string(), adultTag: z.string().optional() }).strict(),
  })
  .strict();

/** one labelled message in content/safety/training.jsonl (the classifier's training data) */
export const trainingLineSchema = z
  .object({
    text: z.string(),
    level: level,
    category: category.nullable(),
  })
  .strict()
  // a worrying message may fit no category (exam panic, loneliness); the classifier learns only which messages a duty
  // worker must see, so a crisis or safeguarding line needs one and a concern line may go without
  .refine((l) => l.level === 'none' || l.level === 'concern' || l.category !== null, {
    message: 'a crisis or safeguarding line needs a category',
  });
export type TrainingLine = z.infer<typeof trainingLineSchema>;

/**
 * content/safety/answering.json: a short answer read with the question it answers (types.ts Answering). A rule applies
 * when the question's kind is one of `kinds`, it is about one of `areas` (when given) and, for a question that follows
 * a step, the step is at most `maxStep`; then any of `patterns` (same pattern language, with this file's own groups)
 * found in an answer of at most `maxWords` words raises it to `level`. `whole`: the pattern must be the whole answer
 * apart from `filler` words ("probably my step dad tbh"), so "not my step dad" or a longer story is left to the
 * lexicon. The rationale is what a duty worker reads: it names the question in plain words, never the answer.
 */
export const answeringRuleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9_.-]+$/),
    kinds: z.array(z.enum(ANSWER_KINDS)).min(1),
    areas: z.array(z.enum(AREA_IDS)).min(1).optional(),
    maxStep: z.number().int().min(1).max(5).optional(),
    patterns: z.array(patternSchema).min(1),
    whole: z.boolean().default(false),
    maxWords: z.number().int().min(1).max(40),
    /** the question alone never makes a crisis: at most safeguarding, for a person to ask */
    level: z.enum(['concern', 'safeguarding']),
    /** null: the category the question asks about (Answering.about, kind asks_about_harm) */
    category: category.nullable(),
    rationale: z.string().min(8).max(240),
  })
  .strict()
  .refine((r) => r.category !== null || r.kinds.every((k) => k === 'asks_about_harm'), {
    message: 'a rule without a category takes it from the question, so it may only read kind asks_about_harm',
  });

export const answeringSchema = z
  .object({
    version: z.number().int(),
    /** words that may stand around a `whole` match ("probably", "tbh", "when") */
    filler: z.array(z.string().regex(/^[a-z0-9']+$/)),
    /** an everyday topic or tone in the answer ("shouting at the tv", "lol"): a rule that is not `whole` does not apply */
    everyday: z.array(patternSchema).default([]),
    groups: z.record(z.string().regex(/^[a-z_]+$/), z.array(z.string().regex(/^[a-z0-9']+\*?$/)).min(1)),
    rules: z.array(answeringRuleSchema),
  })
  .strict();
export type AnsweringData = z.infer<typeof answeringSchema>;
export type AnsweringRule = z.infer<typeof answeringRuleSchema>;

export type LexiconData = z.infer<typeof lexiconSchema>;
export type LexiconEntry = z.infer<typeof lexiconEntrySchema>;
export type NormaliseData = z.infer<typeof normaliseSchema>;
export type RulesData = z.infer<typeof rulesSchema>;

/** Validate parsed JSON; throws an Error naming the file and the failing entry (id where there is one). */
export function validate<T>(schema: z.ZodType<T>, data: unknown, file: string): T {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  let where = issue.path.join('.');
  // name the entry by its id when the path goes through an array of entries
  if (issue.path.length >= 2 && typeof issue.path[1] === 'number') {
    const list = (data as Record<string, unknown>)[String(issue.path[0])];
    const item = Array.isArray(list) ? (list[issue.path[1]] as { id?: unknown } | undefined) : undefined;
    if (item && typeof item.id === 'string') where += ` (id "${item.id}")`;
  }
  throw new Error(`Invalid safety data in ${file} at ${where || '(root)'}: ${issue.message}`);
}
