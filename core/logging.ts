/**
 * Logging: JSON lines through pino. What a young person writes never reaches a log line:
 * - call sites log ids, kinds and counts, never text;
 * - as a second line of defence, pino redacts every field that could carry their words.
 * Ids are hashed (HMAC-SHA256 with ID_HASH_SECRET) so a log line cannot be tied to a Teams or web user.
 */
import { createHmac, randomBytes } from 'node:crypto';
import pino, { Logger, DestinationStream } from 'pino';

export type { Logger };

/** Field names that may hold a young person's words, at any depth we log. */
const REDACT_KEYS = ['text', 'value', 'speak', 'attachments', 'nickname', 'name', 'answer', 'comment', 'excerpt', 'body', 'summary'];
const REDACT_PATHS = [
  ...REDACT_KEYS,
  ...REDACT_KEYS.map((k) => `*.${k}`),
  ...REDACT_KEYS.map((k) => `*.*.${k}`),
  'activity',
  '*.activity',
  'req.body',
  'err.activity',
];

export function createLogger(opts: { level?: string; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: opts.level ?? 'info',
      base: { service: 'starling' },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      // Error objects: keep type, message and stack, never attached payloads.
      serializers: { err: pino.stdSerializers.err },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    opts.destination,
  );
}

let idSecret: Buffer = randomBytes(32);

/**
 * Recent ids and their hashes: every turn hashes the same conversation and user ids several times (turn log, record
 * keys, safety check), and an HMAC costs more than the look-up. Bounded, and emptied whenever the secret changes.
 */
const HASH_CACHE_MAX = 10_000;
const hashCache = new Map<string, string>();

/** Sets the secret used to hash ids (from ID_HASH_SECRET). Without it, a random per-process secret is used. */
export function setIdHashSecret(secret: string | undefined): void {
  idSecret = secret ? Buffer.from(secret, 'utf8') : randomBytes(32);
  hashCache.clear();
}

/** A stable pseudonymous id for logs and records: 16 hex characters of an HMAC. */
export function hashId(id: string | undefined | null): string {
  if (!id) return 'none';
  let h = hashCache.get(id);
  if (h === undefined) {
    h = createHmac('sha256', idSecret).update(id).digest('hex').slice(0, 16);
    if (hashCache.size >= HASH_CACHE_MAX) hashCache.clear();
    hashCache.set(id, h);
  }
  return h;
}
