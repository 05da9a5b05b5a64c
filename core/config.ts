/**
 * Starling's settings, read once at start-up from the environment (and `.env` if present).
 *
 * Every setting is declared here with what it allows, so a bad value stops the process with one
 * line naming the setting, what is allowed and what was given, e.g.
 *   PORT must be a whole number from 1 to 65535, got "abc"
 * `.env.example` documents each one; a test keeps the two in step.
 */
import { z } from 'zod';

/** One setting: how to read it and how to describe what it allows. */
interface Setting<T> {
  allowed: string;
  schema: z.ZodType<T>;
  default?: T;
  secret?: boolean;
}

const setting = <T>(allowed: string, schema: z.ZodType<T>, dflt?: T, secret = false): Setting<T> => ({
  allowed,
  schema,
  default: dflt,
  secret,
});

const wholeNumber = (min: number, max: number, dflt?: number) =>
  setting(
    `a whole number from ${min} to ${max}`,
    z.string().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(min).max(max)),
    dflt,
  );
const bool = (dflt: boolean) =>
  setting('true or false', z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => ['true', '1', 'yes'].includes(v)), dflt);
const text = (dflt?: string, secret = false) => setting('some text', z.string().min(1), dflt, secret);
const url = (dflt?: string) =>
  setting('an http:// or https:// URL', z.string().url().refine((u) => /^https?:\/\//.test(u)), dflt);
const oneOf = <const T extends readonly [string, ...string[]]>(values: T, dflt?: T[number]) =>
  setting<T[number]>(`one of ${values.join(', ')}`, z.enum(values), dflt);
const list = (itemAllowed: string, item: z.ZodType<string, string>, dflt: string[] = []) =>
  setting<string[]>(
    `a comma-separated list of ${itemAllowed}`,
    z
      .string()
      .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
      .pipe(z.array(item)),
    dflt,
  );
const base64Key32 = () =>
  setting(
    '32 random bytes written as base64 (make one with: openssl rand -base64 32)',
    z.string().refine((s) => Buffer.from(s, 'base64').length === 32),
    undefined,
    true,
  );

const timeRange = /^(mon|tue|wed|thu|fri|sat|sun)(-(mon|tue|wed|thu|fri|sat|sun))? ([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-4]):[0-5]\d$/;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

export const SETTINGS = {
  // --- service ---
  NODE_ENV: oneOf(['development', 'test', 'production'] as const, 'development'),
  PORT: wholeNumber(1, 65535, 3978),
  LOG_LEVEL: oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
  PUBLIC_URL: url(),
  ID_HASH_SECRET: text(undefined, true),
  MAX_MESSAGE_CHARS: wholeNumber(100, 100000, 4000),
  // --- Bot Framework ---
  MicrosoftAppId: setting('an app id (a GUID), or empty to turn authentication off for local use', z.string(), ''),
  MicrosoftAppPassword: setting('the app secret', z.string(), '', true),
  MicrosoftAppType: oneOf(['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const, 'MultiTenant'),
  MicrosoftAppTenantId: setting('a tenant id (a GUID) or empty', z.string(), ''),
  // --- storage ---
  REDIS_URL: setting('a redis:// or rediss:// URL', z.string().regex(/^rediss?:\/\//)),
  REDIS_KEY_PREFIX: setting('letters, digits, _ - : .', z.string().regex(/^[\w:.-]+$/), 'starling:'),
  CONVERSATION_TTL_DAYS: wholeNumber(1, 3650, 30),
  ALLOW_MEMORY_STORAGE: bool(false),
  // --- escalation ---
  ALERT_ENCRYPTION_KEY: base64Key32(),
  ALERT_RETENTION_DAYS: wholeNumber(1, 3650, 90),
  ALERT_ROUTES: list('teams, webhook', z.enum(['teams', 'webhook']), []),
  ALERT_BACKUP_ROUTES: list('teams, webhook', z.enum(['teams', 'webhook']), []),
  ALERT_WEBHOOK_URL: url(),
  ALERT_BACKUP_WEBHOOK_URL: url(),
  ALERT_WEBHOOK_SECRET: text(undefined, true),
  ALERT_WEBHOOK_TIMEOUT_MS: wholeNumber(100, 120000, 5000),
  REESCALATE_CRISIS_MINUTES: wholeNumber(1, 1440, 5),
  REESCALATE_SAFEGUARDING_MINUTES: wholeNumber(1, 10080, 30),
  DUTY_WORKER_IDS: list('Entra ID object ids', z.string().regex(/^[0-9a-fA-F-]{8,64}$/), []),
  DUTY_HOURS: list(
    'day ranges with times, e.g. "mon-thu 08:30-17:30,fri 08:30-17:00"',
    z.string().regex(timeRange),
    ['mon-thu 08:30-17:30', 'fri 08:30-17:00'],
  ),
  DUTY_CLOSED_DATES: list('dates as YYYY-MM-DD (bank holidays and other closed days)', z.string().regex(isoDate), []),
  // --- reports ---
  REPORT_API_KEY: setting('at least 24 characters', z.string().min(24), undefined, true),
  // --- web chat ---
  WEBCHAT_MODE: oneOf(['builtin', 'azure'] as const, 'builtin'),
  DIRECT_LINE_SECRET: text(undefined, true),
  DIRECT_LINE_TOKEN_TTL_SECONDS: wholeNumber(60, 86400, 1800),
  ALLOWED_ORIGINS: list('origins such as https://school.example.sch.uk', z.string().regex(/^https?:\/\/[^/\s]+$/), []),
  CONVERSATIONS_PER_MINUTE_PER_IP: wholeNumber(1, 10000, 20),
} as const;

type Settings = typeof SETTINGS;
type ValueOf<S> = S extends Setting<infer T> ? T : never;
type HasDefault<S> = S extends { default: undefined } ? false : true;

export type Config = {
  [K in keyof Settings]: HasDefault<Settings[K]> extends true ? ValueOf<Settings[K]> : ValueOf<Settings[K]> | undefined;
};

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Parses the given environment. Throws ConfigError with a one-line message at the first problem. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const out: Record<string, unknown> = {};
  for (const [name, s] of Object.entries(SETTINGS) as [string, Setting<unknown>][]) {
    const raw = env[name];
    if (raw === undefined || (raw.trim() === '' && s.default !== '')) {
      out[name] = s.default;
      continue;
    }
    const parsed = s.schema.safeParse(raw.trim());
    if (!parsed.success) {
      const shown = s.secret ? '(hidden)' : `"${raw.length > 80 ? raw.slice(0, 80) + '…' : raw}"`;
      throw new ConfigError(`${name} must be ${s.allowed}, got ${shown}`);
    }
    out[name] = parsed.data;
  }
  const cfg = out as Config;
  crossCheck(cfg);
  return cfg;
}

/** Rules that tie settings together. */
function crossCheck(cfg: Config): void {
  if (cfg.NODE_ENV === 'production' && !cfg.REDIS_URL && !cfg.ALLOW_MEMORY_STORAGE) {
    throw new ConfigError(
      'REDIS_URL must be set when NODE_ENV=production (memory storage loses everything on restart and cannot be shared by several instances); set ALLOW_MEMORY_STORAGE=true to start on memory anyway',
    );
  }
  const routes = new Set([...cfg.ALERT_ROUTES, ...cfg.ALERT_BACKUP_ROUTES]);
  if (routes.has('webhook') && !cfg.ALERT_WEBHOOK_URL) {
    throw new ConfigError('ALERT_WEBHOOK_URL must be set when ALERT_ROUTES or ALERT_BACKUP_ROUTES includes webhook, got nothing');
  }
  if ((cfg.ALERT_WEBHOOK_URL || cfg.ALERT_BACKUP_WEBHOOK_URL) && !cfg.ALERT_WEBHOOK_SECRET) {
    throw new ConfigError('ALERT_WEBHOOK_SECRET must be set when a webhook URL is set (alerts are signed with it), got nothing');
  }
  if (cfg.NODE_ENV === 'production' && !cfg.ALERT_ENCRYPTION_KEY) {
    throw new ConfigError('ALERT_ENCRYPTION_KEY must be set when NODE_ENV=production (alert text is encrypted at rest), got nothing');
  }
  if (cfg.NODE_ENV === 'production' && !cfg.ID_HASH_SECRET) {
    throw new ConfigError('ID_HASH_SECRET must be set when NODE_ENV=production (ids in logs and records are hashed with it), got nothing');
  }
  if (cfg.NODE_ENV === 'production' && cfg.ALERT_ROUTES.length === 0) {
    throw new ConfigError('ALERT_ROUTES must name at least one route (teams, webhook) when NODE_ENV=production, got nothing');
  }
  if (cfg.WEBCHAT_MODE === 'azure' && !cfg.DIRECT_LINE_SECRET) {
    throw new ConfigError('DIRECT_LINE_SECRET must be set when WEBCHAT_MODE=azure, got nothing');
  }
}

/** Reads `.env` (if present) into the environment without overriding what is already set, then parses. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // dotenv only fills gaps: a real environment variable always wins.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('dotenv').config({ quiet: true });
  return parseConfig(env);
}
