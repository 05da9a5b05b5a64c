/**
 * Starts the real Starling service on a free loopback port with a reply sink, as a test's young person
 * would meet it: POST an activity to /api/messages, read the replies from the sink.
 */
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { parseConfig } from '../../core/config';
import { createLogger } from '../../core/logging';
import type { Store } from '../../core/storage';
import { App, AppOptions, createApp } from '../../bot/server';
import { ReplySink, SentActivity, startReplySink } from './replySink';

export interface TestApp {
  url: string;
  app: App;
  sink: ReplySink;
  /** every log line written, as text */
  logs: string[];
  post(body: unknown, contentType?: string): Promise<{ status: number; body: string }>;
  /** Sends a message as the young person in conversation conv; resolves with the replies to it. */
  say(conv: string, text: string, value?: unknown, extra?: Record<string, unknown>): Promise<SentActivity[]>;
  /** Sends a card submission. */
  press(conv: string, value: unknown): Promise<SentActivity[]>;
  /** Starts a conversation (as a channel does when someone opens the chat). */
  join(conv: string): Promise<SentActivity[]>;
  close(): Promise<void>;
}

export async function startTestApp(
  opts: { env?: Record<string, string>; store?: Store; now?: () => Date; sink?: ReplySink; alerts?: AppOptions['alerts']; logLevel?: string } = {},
): Promise<TestApp> {
  const sink = opts.sink ?? (await startReplySink());
  const config = parseConfig({ ID_HASH_SECRET: 'test-secret', ...opts.env });
  const logs: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, cb) {
      logs.push(chunk.toString());
      cb();
    },
  });
  const log = createLogger({ level: opts.logLevel ?? 'info', destination });
  const app = await createApp({ config, log, store: opts.store, now: opts.now, alerts: opts.alerts });
  const url = await app.listen(0, '127.0.0.1');

  const post = async (body: unknown, contentType = 'application/json') => {
    const res = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.status, body: await res.text() };
  };
  const activity = (conv: string, fields: Record<string, unknown>) => ({
    id: randomUUID(),
    channelId: 'test',
    serviceUrl: sink.url,
    conversation: { id: conv },
    from: { id: `user-${conv}`, name: 'Young person' },
    recipient: { id: 'starling-bot', name: 'Starling' },
    timestamp: new Date().toISOString(),
    ...fields,
  });
  const exchange = async (conv: string, fields: Record<string, unknown>) => {
    const before = sink.forConversation(conv).length;
    const res = await post(activity(conv, fields));
    if (res.status >= 300) throw new Error(`POST /api/messages answered ${res.status}: ${res.body}`);
    return sink.forConversation(conv).slice(before);
  };
  return {
    url,
    app,
    sink,
    logs,
    post,
    say: (conv, text, value, extra) => exchange(conv, { type: 'message', text, ...(value !== undefined ? { value } : {}), ...extra }),
    press: (conv, value) => exchange(conv, { type: 'message', value }),
    join: (conv) => exchange(conv, { type: 'conversationUpdate', membersAdded: [{ id: `user-${conv}` }] }),
    async close() {
      await app.close();
      if (!opts.sink) await sink.close();
    },
  };
}

/**
 * For a test file: the real service, started before all tests and closed after. Returns a stand-in that forwards
 * to the running app, so tests write `const t = useTestApp();` and then `t.say(...)`.
 */
export function useTestApp(opts: Parameters<typeof startTestApp>[0] = {}): TestApp {
  let current: TestApp | undefined;
  beforeAll(async () => {
    current = await startTestApp(opts);
  });
  afterAll(async () => {
    await current?.close();
  });
  return new Proxy({} as TestApp, {
    get(_target, key) {
      if (!current) throw new Error('useTestApp: the app is used before beforeAll started it');
      const v = (current as unknown as Record<PropertyKey, unknown>)[key];
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(current) : v;
    },
  });
}
