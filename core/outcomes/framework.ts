/**
 * The Coventry & Warwickshire CYP Mental Health Outcomes Framework (children and young people's version V4.0):
 * its six high-level outcomes and the ids of its 43 statements (1.1-6.4). Only ids live here; Starling's own
 * wording of the statements it asks lives in locales/en-GB/outcomes.json.
 */
export const OUTCOME_IDS = [1, 2, 3, 4, 5, 6] as const;
export type OutcomeId = (typeof OUTCOME_IDS)[number];

/** How many statements each high-level outcome has in the framework. */
const STATEMENTS_PER_OUTCOME: Record<OutcomeId, number> = { 1: 8, 2: 8, 3: 8, 4: 11, 5: 4, 6: 4 };

/** Every framework statement id, in framework order: '1.1' ... '6.4'. */
export const FRAMEWORK_IDS: readonly string[] = OUTCOME_IDS.flatMap((o) =>
  Array.from({ length: STATEMENTS_PER_OUTCOME[o] }, (_, i) => `${o}.${i + 1}`),
);

/** The high-level outcome a statement id belongs to ('4.10' -> 4). */
export function outcomeOf(frameworkId: string): OutcomeId | undefined {
  if (!FRAMEWORK_IDS.includes(frameworkId)) return undefined;
  return Number(frameworkId.split('.')[0]) as OutcomeId;
}
