import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseConfig, SETTINGS, ConfigError } from '../../core/config';

const msg = (env: Record<string, string>) => {
  try {
    parseConfig(env);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error('expected a ConfigError');
};

describe('configuration', () => {
  it('starts with nothing set, on port 3978 with memory storage', () => {
    const c = parseConfig({});
    expect(c.PORT).toBe(3978);
    expect(c.REDIS_URL).toBeUndefined();
    expect(c.DUTY_HOURS).toEqual(['mon-thu 08:30-17:30', 'fri 08:30-17:00']);
  });

  it('names the setting, what is allowed and what was given, in one line', () => {
    expect(msg({ PORT: 'abc' })).toBe('PORT must be a whole number from 1 to 65535, got "abc"');
    expect(msg({ PORT: '70000' })).toBe('PORT must be a whole number from 1 to 65535, got "70000"');
    expect(msg({ REDIS_URL: 'localhost:6379' })).toBe('REDIS_URL must be a redis:// or rediss:// URL, got "localhost:6379"');
    expect(msg({ ALERT_ROUTES: 'email' })).toMatch(/^ALERT_ROUTES must be a comma-separated list of teams, webhook, got "email"$/);
    expect(msg({ DUTY_HOURS: 'weekdays 9-5' })).toMatch(/^DUTY_HOURS must be .*got "weekdays 9-5"$/);
    expect(msg({ NODE_ENV: 'prod' })).toBe('NODE_ENV must be one of development, test, production, got "prod"');
    expect(msg({ ALLOW_MEMORY_STORAGE: 'maybe' })).toBe('ALLOW_MEMORY_STORAGE must be true or false, got "maybe"');
  });

  it('never echoes a secret it rejects', () => {
    const m = msg({ ALERT_ENCRYPTION_KEY: 'too-short-secret-value' });
    expect(m).toMatch(/^ALERT_ENCRYPTION_KEY must be 32 random bytes/);
    expect(m).not.toContain('too-short-secret-value');
  });

  it('refuses to start in production on memory storage unless told to', () => {
    const prod = { NODE_ENV: 'production', ALERT_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'), ID_HASH_SECRET: 'x'.repeat(32), ALERT_ROUTES: 'teams' };
    expect(msg(prod)).toMatch(/^REDIS_URL must be set when NODE_ENV=production/);
    expect(parseConfig({ ...prod, ALLOW_MEMORY_STORAGE: 'true' }).ALLOW_MEMORY_STORAGE).toBe(true);
    expect(parseConfig({ ...prod, REDIS_URL: 'redis://127.0.0.1:6379' }).REDIS_URL).toBe('redis://127.0.0.1:6379');
  });

  it('requires a webhook URL and secret together', () => {
    expect(msg({ ALERT_ROUTES: 'webhook' })).toMatch(/^ALERT_WEBHOOK_URL must be set/);
    expect(msg({ ALERT_ROUTES: 'webhook', ALERT_WEBHOOK_URL: 'https://example.org/hook' })).toMatch(/^ALERT_WEBHOOK_SECRET must be set/);
  });

  it('documents every setting in .env.example, and nothing that does not exist', () => {
    const text = readFileSync(path.join(__dirname, '../../.env.example'), 'utf8');
    const documented = [...text.matchAll(/^([A-Za-z_][A-Za-z0-9_]*)=/gm)].map((m) => m[1]).sort();
    expect(documented).toEqual(Object.keys(SETTINGS).sort());
    // and the example itself is a valid configuration
    const env = Object.fromEntries([...text.matchAll(/^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/gm)].map((m) => [m[1], m[2]]));
    expect(() => parseConfig(env)).not.toThrow();
  });
});
