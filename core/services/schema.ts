/**
 * The services directory's data shape (content/services.json, content/services-fallback.json).
 * Field names follow services.md §7b.1. Numbers live only in the data; templates in
 * locales/en-GB/signpost.json turn a contact route into words.
 */
import { z } from 'zod';
import { AREA_IDS, LOCAL_AREAS } from '../records/types';

// One list of safety categories for detection and signposting alike.
import { SAFETY_CATEGORIES, type SafetyCategory } from '../safety/types';
export { SAFETY_CATEGORIES, type SafetyCategory };

export const TOPICS = [
  'lgbtq',
  'bereavement',
  'young_carers',
  'waiting',
  'online_safety',
  'self_care',
  'running_away',
  'find_local',
  'parents_carers',
  'someone_to_talk_to',
] as const;
export type Topic = (typeof TOPICS)[number];

export const PURPOSES = [...AREA_IDS, ...SAFETY_CATEGORIES, ...TOPICS] as const;
export type Purpose = (typeof PURPOSES)[number];

export const SERVICE_AREAS = ['national', ...LOCAL_AREAS.filter((a) => a !== 'elsewhere')] as const;

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const hhmm = z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/, 'time must be HH:MM (24h, 24:00 = midnight at the end of the day)');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD');

const range = z
  .tuple([hhmm, hhmm])
  .refine(([a, b]) => a < b, { message: 'an opening range must start before it ends' });

/** Opening hours, Europe/London. */
export const HoursSchema = z.union([
  z.object({ always: z.literal(true) }).strict(),
  z
    .object({
      weekly: z.object(Object.fromEntries(WEEKDAYS.map((d) => [d, z.array(range).optional()])) as Record<Weekday, z.ZodOptional<z.ZodArray<typeof range>>>).strict(),
      /** closed: shut on bank holidays; as_usual: weekday hours apply; open_all_day; unknown: treated as closed */
      bank_holidays: z.enum(['closed', 'as_usual', 'open_all_day', 'unknown']),
    })
    .strict(),
  z.object({ unknown: z.literal(true), note: z.string().optional() }).strict(),
]);
export type Hours = z.infer<typeof HoursSchema>;

export const STATUSES = ['verified', 'corroborated', 'unverified'] as const;
export type Status = (typeof STATUSES)[number];

/** UK phone numbers as people dial them: 999, 111, 116 xxx, 5-digit short codes, 0xxxx numbers (10-11 digits). */
const phoneNumber = z
  .string()
  .regex(/^[0-9 ]+$/, 'only digits and spaces')
  .refine((s) => {
    const d = s.replace(/ /g, '');
    return ['999', '111'].includes(d) || /^116\d{3}$/.test(d) || /^[6-8]\d{4}$/.test(d) || /^1800[01]\d{0,3}$/.test(d) || /^0\d{9,10}$/.test(d) || /^0800\d{4}$/.test(d);
  }, 'not a UK number, short code or text relay prefix');

const routeCommon = {
  /** route status; defaults to the service's */
  status: z.enum(STATUSES).optional(),
  unverified: z.array(z.string()).optional(),
  /** route hours; default to the service's */
  hours: HoursSchema.optional(),
};

export const ContactSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('phone'), number: phoneNumber, option: z.enum(['mental_health']).optional(), ...routeCommon }).strict(),
  z.object({ kind: z.literal('textphone'), number: phoneNumber, ...routeCommon }).strict(),
  z.object({ kind: z.literal('sms'), number: phoneNumber, keyword: z.string().regex(/^[A-Z]+$/).optional(), ...routeCommon }).strict(),
  z.object({ kind: z.literal('chat'), url: z.url(), ...routeCommon }).strict(),
  z.object({ kind: z.literal('web'), url: z.url(), ...routeCommon }).strict(),
  z.object({ kind: z.literal('form'), url: z.url(), ...routeCommon }).strict(),
  z.object({ kind: z.literal('email'), address: z.email(), ...routeCommon }).strict(),
  z.object({ kind: z.literal('ask'), who: z.enum(['school_staff']), ...routeCommon }).strict(),
]);
export type Contact = z.infer<typeof ContactSchema>;

export const ServiceSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    name: z.string().min(1),
    /** key for its words in signpost.json (about.<key>); default: the id with '-' as '_'. Needed when the id holds digits. */
    words_key: z.string().regex(/^[a-z_]+$/).optional(),
    tier: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    /** who the service is for: only 'young_people' entries are offered to young people by default */
    audience: z.enum(['young_people', 'parents_carers', 'adults_professionals']),
    /** tags: front_door = children's social care front door (duty-worker material only) */
    tags: z.array(z.enum(['front_door', 'out_of_hours', 'crisis', 'hours_change_often', 'not_anonymous', 'not_crisis'])).default([]),
    /** what it helps with at the moment of need, for crisis messages */
    crisis_role: z.enum(['emergency', 'urgent_mental_health', 'listening']).optional(),
    purposes: z.array(z.enum(PURPOSES)).min(1),
    contacts: z.array(ContactSchema),
    hours: HoursSchema,
    ages: z.object({ min: z.number().int().min(0).optional(), max: z.number().int().max(120).optional(), note: z.string().optional() }).strict(),
    areas: z.array(z.enum(SERVICE_AREAS)).min(1),
    cost: z.enum(['free', 'geographic', 'free_where_commissioned']),
    /** key of a bill note in signpost.json: bill.<key> */
    bill_note: z.enum(['not_on_bill', 'off_bill_most_networks', 'free_mobiles_landlines', 'normal_rate']).optional(),
    website: z.url().optional(),
    source_urls: z.array(z.string().min(4)).min(1),
    source_page_date: z.string().optional(),
    status: z.enum(STATUSES),
    unverified: z.array(z.string()).default([]),
    verified_by: z.string().min(1),
    verified_on: isoDate,
    next_review_due: isoDate,
    notes: z.string().optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.status !== 'unverified' && s.contacts.length === 0)
      ctx.addIssue({ code: 'custom', path: ['contacts'], message: 'a shown service needs at least one contact route' });
    if (s.ages.min !== undefined && s.ages.max !== undefined && s.ages.min > s.ages.max)
      ctx.addIssue({ code: 'custom', path: ['ages'], message: 'min age is above max age' });
    if (s.next_review_due < s.verified_on) ctx.addIssue({ code: 'custom', path: ['next_review_due'], message: 'review due before it was checked' });
    if (!s.words_key && /\d/.test(s.id))
      ctx.addIssue({ code: 'custom', path: ['words_key'], message: 'an id with digits needs a words_key (no numbers in locales/)' });
    if (s.crisis_role && !('always' in s.hours)) ctx.addIssue({ code: 'custom', path: ['crisis_role'], message: 'a crisis route must be open 24/7' });
  });
export type Service = z.infer<typeof ServiceSchema>;

export function wordsKey(s: Service): string {
  return s.words_key ?? s.id.replace(/-/g, '_');
}

/** Numbers in circulation that must never be given out (wrong, obsolete, or for professionals only). */
export const NeverGiveSchema = z.object({ number: phoneNumber, reason: z.string().min(1) }).strict();

export const DirectoryFileSchema = z
  .object({
    timezone: z.literal('Europe/London'),
    version: z.string(),
    about: z.string().optional(),
    never_give: z.array(NeverGiveSchema).default([]),
    services: z.array(z.unknown()),
  })
  .strict();

export const BankHolidaysSchema = z.object({
  division: z.literal('england-and-wales'),
  source: z.string(),
  checked_on: isoDate,
  dates: z.array(z.object({ date: isoDate, title: z.string() })).min(1),
});
