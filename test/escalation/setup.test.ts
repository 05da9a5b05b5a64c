/** Misconfiguration stops start-up with one clear line. */
import { parseConfig } from '../../core/config';
import { createEscalation, EscalationSetupError } from '../../core/escalation';
import { MemoryStore, RedisStore } from '../../core/storage';
import { createLogger } from '../../core/logging';
import { KEY, log, makeConfig, SECRET } from './helpers';

const prodEnv = {
  NODE_ENV: 'production',
  REDIS_URL: 'redis://127.0.0.1:1',
  ID_HASH_SECRET: 'x'.repeat(32),
  ALERT_ENCRYPTION_KEY: KEY,
  DUTY_WORKER_IDS: '11111111-2222-3333-4444-555555555555',
};
const start = (config: ReturnType<typeof makeConfig>, routes = {}) => () =>
  createEscalation({ store: new MemoryStore(), config, log, routes });

describe('escalation start-up checks', () => {
  it('refuses teams routes when the bot gave no way to reach the duty channel', () => {
    expect(start(makeConfig({ ALERT_ROUTES: 'teams' }))).toThrow(EscalationSetupError);
    expect(start(makeConfig({ ALERT_ROUTES: 'teams' }))).toThrow(/ALERT_ROUTES or ALERT_BACKUP_ROUTES includes teams, but no duty-channel sender/);
    expect(start(makeConfig({ ALERT_ROUTES: 'teams' }), { sendToDutyChannel: async () => undefined })).not.toThrow();
  });

  it('in production, refuses a plain-http webhook (the alert carries what the young person wrote)', () => {
    const cfg = parseConfig({ ...prodEnv, ALERT_ROUTES: 'webhook', ALERT_WEBHOOK_URL: 'http://cms.example/alerts', ALERT_WEBHOOK_SECRET: SECRET });
    expect(start(cfg)).toThrow(/ALERT_WEBHOOK_URL must be an https:\/\/ URL when NODE_ENV=production/);
    const ok = parseConfig({ ...prodEnv, ALERT_ROUTES: 'webhook', ALERT_WEBHOOK_URL: 'https://cms.example/alerts', ALERT_WEBHOOK_SECRET: SECRET });
    expect(start(ok)).not.toThrow();
  });

  it('in production, needs duty workers when alerts go to Teams', () => {
    const cfg = parseConfig({ ...prodEnv, DUTY_WORKER_IDS: '', ALERT_ROUTES: 'teams' });
    expect(start(cfg, { sendToDutyChannel: async () => undefined })).toThrow(/DUTY_WORKER_IDS must list the duty workers/);
  });

  it('in production, refuses a short webhook secret', () => {
    const cfg = parseConfig({ ...prodEnv, ALERT_ROUTES: 'webhook', ALERT_WEBHOOK_URL: 'https://cms.example/a', ALERT_WEBHOOK_SECRET: 'short' });
    expect(start(cfg)).toThrow(/ALERT_WEBHOOK_SECRET should be at least 16 characters/);
  });

  it('the settings themselves are checked first (config.ts): a webhook route with no URL or secret', () => {
    expect(() => makeConfig({ ALERT_ROUTES: 'webhook' })).toThrow(/ALERT_WEBHOOK_URL must be set/);
    expect(() => makeConfig({ ALERT_ROUTES: 'webhook', ALERT_WEBHOOK_URL: 'https://x.example/' })).toThrow(/ALERT_WEBHOOK_SECRET must be set/);
    expect(() => makeConfig({ ALERT_ROUTES: 'email' })).toThrow(/ALERT_ROUTES must be a comma-separated list of teams, webhook/);
    expect(() => makeConfig({ ALERT_ENCRYPTION_KEY: 'abc' })).toThrow(/ALERT_ENCRYPTION_KEY must be 32 random bytes/);
  });

  it('a Redis store without REDIS_URL is refused', () => {
    const store = new RedisStore({ url: 'redis://127.0.0.1:1', redisOptions: { lazyConnect: true } });
    expect(() => createEscalation({ store, config: makeConfig(), log })).toThrow(/REDIS_URL must be set when the store is Redis/);
  });

  it('outside production, no routes and no key only warn, and the log says the key is ephemeral', () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'warn', destination: { write: (s: string) => void lines.push(s) } });
    const esc = createEscalation({ store: new MemoryStore(), config: makeConfig({ ALERT_ENCRYPTION_KEY: '' }), log: logger });
    expect(esc.ephemeralKey).toBe(true);
    expect(lines.join('')).toMatch(/ALERT_ENCRYPTION_KEY is not set: alert text is encrypted with an ephemeral key/);
    expect(lines.join('')).toMatch(/ALERT_ROUTES must name at least one route/);
  });
});
