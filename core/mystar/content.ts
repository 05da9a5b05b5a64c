/**
 * The My Star content (content/mystar.json): eight areas, five colour-coded steps, and the word lists
 * used to read typed answers. Validated with zod when first loaded.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AGE_BANDS, AgeBand } from '../ageBands';
import { CONTENT_DIR } from '../paths';
import { AREA_IDS, AreaId, LOCAL_AREAS, Step } from '../records/types';

const stepKey = z.enum(['1', '2', '3', '4', '5']);
const localeKey = z.string().regex(/^mystar:[\w.-]+$/, 'a mystar: locale key');
const stepLists = z.partialRecord(stepKey, z.array(z.string().min(1)));

export const stepSchema = z.object({
  step: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]),
  colour: z.enum(['red', 'orange', 'yellow', 'green', 'blue']),
  hex: z.string().regex(/^#[0-9A-Fa-f]{6}$/),
  square: z.string().min(1),
  emoji: z.string().min(1),
  label: localeKey,
});

export const areaSchema = z.object({
  id: z.enum(AREA_IDS),
  emoji: z.string().min(1),
  name: localeKey,
  question: localeKey,
  stepLabels: z.array(localeKey).length(5),
  aliases: z.array(z.string().min(1)).min(1),
});

const wordListsSchema = z.object({
  numbers: stepLists,
  colours: stepLists,
  phrases: stepLists,
  emoji: stepLists,
  skip: z.array(z.string().min(1)),
  pause: z.array(z.string().min(1)),
  stop: z.array(z.string().min(1)),
  help: z.array(z.string().min(1)),
});

export const myStarContentSchema = z
  .object({
    version: z.literal(1),
    steps: z.array(stepSchema).length(5),
    areas: z.array(areaSchema).length(AREA_IDS.length),
    answerWords: wordListsSchema,
    bandExtras: z.partialRecord(z.enum(AGE_BANDS), z.object({ phrases: stepLists })),
    localAreaWords: z.record(z.enum(LOCAL_AREAS), z.array(z.string().min(1))),
  })
  .superRefine((c, ctx) => {
    c.steps.forEach((s, i) => {
      if (s.step !== i + 1) ctx.addIssue({ code: 'custom', message: `steps[${i}] must be step ${i + 1}` });
    });
    const ids = c.areas.map((a) => a.id);
    for (const id of AREA_IDS) {
      if (!ids.includes(id)) ctx.addIssue({ code: 'custom', message: `area ${id} is missing` });
    }
    for (const l of LOCAL_AREAS) {
      if (!c.localAreaWords[l]?.length) ctx.addIssue({ code: 'custom', message: `localAreaWords.${l} is missing` });
    }
  });

export type MyStarContent = z.infer<typeof myStarContentSchema>;
export type StepInfo = z.infer<typeof stepSchema>;
export type AreaInfo = z.infer<typeof areaSchema>;

let cached: MyStarContent | undefined;

/** Reads and validates content/mystar.json (once). Throws with the zod message when it is wrong. */
export function myStarContent(file = path.join(CONTENT_DIR, 'mystar.json')): MyStarContent {
  if (cached && file === path.join(CONTENT_DIR, 'mystar.json')) return cached;
  const parsed = myStarContentSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  if (file === path.join(CONTENT_DIR, 'mystar.json')) cached = parsed;
  return parsed;
}

export function areaInfo(id: AreaId): AreaInfo {
  return myStarContent().areas.find((a) => a.id === id)!;
}

export function stepInfo(step: Step): StepInfo {
  return myStarContent().steps[step - 1];
}

/** Areas in the order they are asked (the AREA_IDS order). */
export function orderedAreas(): AreaInfo[] {
  return AREA_IDS.map(areaInfo);
}

export function isAreaId(x: unknown): x is AreaId {
  return typeof x === 'string' && (AREA_IDS as readonly string[]).includes(x);
}

export function isStep(x: unknown): x is Step {
  return typeof x === 'number' && Number.isInteger(x) && x >= 1 && x <= 5;
}

export type { AgeBand };
