/**
 * The outcome question bank (content/outcomes/bank.json) and the list of framework statements left out of it
 * (content/outcomes/excluded.json), validated with zod when loaded. The bank holds ids, outcome, locale keys and
 * flags; the words a young person reads are in locales/en-GB/outcomes.json under each item's key, per age band.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { CONTENT_DIR } from '../paths';
import { FRAMEWORK_IDS, OUTCOME_IDS, OutcomeId, outcomeOf } from './framework';

const frameworkId = z.string().refine((id) => FRAMEWORK_IDS.includes(id), { message: 'not a framework statement id (1.1-6.4)' });
const outcomeId = z.number().int().refine((n) => (OUTCOME_IDS as readonly number[]).includes(n), { message: 'not an outcome 1-6' });

export const bankItemSchema = z
  .object({
    id: frameworkId,
    outcome: outcomeId,
    /** i18next key, e.g. 'outcomes:item.s3_6'; wording per band is at `<key>_<band>` */
    key: z.string().regex(/^outcomes:item\.s\d_\d+$/),
    /** a short label for commissioner reports (not read by young people) */
    label: z.string().min(3).max(80),
    flags: z.object({
      /** part of the ~10-item short form */
      shortForm: z.boolean(),
      /** position in the short form */
      shortFormOrder: z.number().int().positive().optional(),
      /** only makes sense for someone who has had help from a service ("I haven't had help yet" = skip) */
      aboutServices: z.boolean(),
    }),
  })
  .refine((i) => outcomeOf(i.id) === i.outcome, { message: 'outcome does not match the framework id' })
  .refine((i) => i.key === `outcomes:item.s${i.id.replace('.', '_')}`, { message: 'key must be outcomes:item.s<id with _>' })
  .refine((i) => !i.flags.shortForm || i.flags.shortFormOrder !== undefined, { message: 'short-form items need shortFormOrder' });

export const bankSchema = z
  .object({
    version: z.number().int(),
    source: z.string(),
    scale: z.object({ min: z.literal(1), max: z.literal(5), key: z.string() }),
    outcomes: z.array(z.object({ id: outcomeId, title: z.string().min(3) })).length(6),
    items: z.array(bankItemSchema).min(1),
  })
  .refine((b) => new Set(b.items.map((i) => i.id)).size === b.items.length, { message: 'duplicate item ids' })
  .refine((b) => new Set(b.outcomes.map((o) => o.id)).size === 6, { message: 'each outcome 1-6 once' });

export const excludedSchema = z.object({
  note: z.string(),
  excluded: z.array(z.object({ id: frameworkId, reason: z.string().min(20) })),
});

export type BankItem = z.infer<typeof bankItemSchema> & { outcome: OutcomeId };
export interface Bank {
  version: number;
  source: string;
  scale: { min: 1; max: 5; key: string };
  outcomes: { id: OutcomeId; title: string }[];
  items: BankItem[];
}
export type Excluded = z.infer<typeof excludedSchema>;

const OUTCOMES_DIR = path.join(CONTENT_DIR, 'outcomes');

/** Reads and validates a bank; throws with the file name and the first problem. */
export function parseBank(raw: unknown, where = 'bank.json'): Bank {
  const r = bankSchema.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new Error(`${where}: ${issue.path.join('.') || '(root)'} ${issue.message}`);
  }
  return r.data as Bank;
}

let cached: Bank | undefined;
/** The bank from content/outcomes/bank.json, loaded once. */
export function loadBank(dir = OUTCOMES_DIR): Bank {
  if (dir !== OUTCOMES_DIR) return parseBank(JSON.parse(readFileSync(path.join(dir, 'bank.json'), 'utf8')));
  cached ??= parseBank(JSON.parse(readFileSync(path.join(dir, 'bank.json'), 'utf8')));
  return cached;
}

export function loadExcluded(dir = OUTCOMES_DIR): Excluded {
  return excludedSchema.parse(JSON.parse(readFileSync(path.join(dir, 'excluded.json'), 'utf8')));
}

export function itemById(bank: Bank, id: string): BankItem | undefined {
  return bank.items.find((i) => i.id === id);
}
