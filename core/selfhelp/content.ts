/** Self-help activities (content/selfhelp.json), validated; the words live in locales/en-GB/selfhelp.json. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AGE_BANDS, AgeBand } from '../ageBands';
import { CONTENT_DIR } from '../paths';
import { AREA_IDS, AreaId } from '../records/types';
import { SAFETY_CATEGORIES } from '../services/schema';

export const SELFHELP_FILE = path.join(CONTENT_DIR, 'selfhelp.json');

export const ActivitySchema = z
  .object({
    id: z.string().regex(/^[a-z_]+$/),
    areas: z.array(z.enum(AREA_IDS)).min(1),
    bands: z.array(z.enum(AGE_BANDS)).min(1),
    minutes: z.number().int().positive().max(60),
    basis: z.string().min(10),
    safety: z.array(z.enum(SAFETY_CATEGORIES)).optional(),
    /** show 999, 111 (mental health option) and a 24/7 listening line with this activity */
    show_crisis_routes: z.boolean().optional(),
  })
  .strict()
  .superRefine((a, ctx) => {
    if (a.safety?.length && !a.show_crisis_routes)
      ctx.addIssue({ code: 'custom', path: ['show_crisis_routes'], message: 'a safety activity must show the crisis routes' });
  });
export type Activity = z.infer<typeof ActivitySchema>;

const FileSchema = z.object({ about: z.string().optional(), activities: z.array(ActivitySchema).min(1) }).strict();

export function loadActivities(file = SELFHELP_FILE): Activity[] {
  const r = FileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!r.success) {
    const i = r.error.issues[0];
    const idx = typeof i.path[1] === 'number' ? i.path[1] : undefined;
    const raw = idx !== undefined ? (JSON.parse(readFileSync(file, 'utf8')).activities?.[idx]?.id ?? `#${idx}`) : '(file)';
    throw new Error(`selfhelp.json: activity "${raw}" field "${i.path.slice(2).join('.') || i.path.join('.')}": ${i.message}`);
  }
  const ids = new Set<string>();
  for (const a of r.data.activities) {
    if (ids.has(a.id)) throw new Error(`selfhelp.json: activity "${a.id}" field "id": duplicate id`);
    ids.add(a.id);
  }
  return r.data.activities;
}

let cached: Activity[] | undefined;
export function activities(): Activity[] {
  cached ??= loadActivities();
  return cached;
}

export type { AgeBand, AreaId };
