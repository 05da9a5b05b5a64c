/**
 * A minimal server for the web channel's tests: restify + CloudAdapter (no app id, loopback only) + a tiny
 * bot that welcomes, offers a card with buttons, and echoes. The browser test also runs against the real app.
 */
import restify from 'restify';
import { ActivityHandler, CardFactory, CloudAdapter, ConfigurationBotFrameworkAuthentication, MessageFactory } from 'botbuilder';
import { parseConfig, type Config } from '../../core/config';
import { createLogger } from '../../core/logging';
import { registerWebChannel } from '../../bot/web';

export const WELCOME = 'Hello, I am the test bot.';
export const MENU = ['Choice 1', 'Choice 2', 'Choice 3', 'Choice 4', 'Choice 5', 'Choice 6', 'Choice 7'];

export class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMembersAdded(async (ctx, next) => {
      for (const m of ctx.activity.membersAdded ?? []) {
        if (m.id !== ctx.activity.recipient.id) {
          await ctx.sendActivity(WELCOME);
          await ctx.sendActivity(
            MessageFactory.attachment(CardFactory.heroCard('How are you today?', undefined, [
              { type: 'imBack', title: 'Good', value: 'good' },
              { type: 'imBack', title: 'Not great', value: 'not great' },
            ])),
          );
          // A menu with more choices than Adaptive Cards' default limit (5).
          await ctx.sendActivity(
            MessageFactory.attachment(
              CardFactory.adaptiveCard({
                type: 'AdaptiveCard',
                version: '1.5',
                body: [],
                actions: MENU.map((title) => ({ type: 'Action.Submit', title, data: { choice: title } })),
              }),
            ),
          );
        }
      }
      await next();
    });
    this.onMessage(async (ctx, next) => {
      await ctx.sendActivity(`You said: ${ctx.activity.text}`);
      await next();
    });
  }
}

export interface TestServer {
  url: string;
  adapter: CloudAdapter;
  config: Config;
  clock: { now: number };
  close(): Promise<void>;
}

export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const config = parseConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env });
  const log = createLogger({ level: 'silent' });
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({} as never));
  const bot = new EchoBot();
  const server = restify.createServer({ name: 'web-test' } as restify.ServerOptions);
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(restify.plugins.bodyParser({ mapParams: false } as restify.plugins.BodyParserOptions));
  let url = '';
  const clock = { now: Date.now() };
  const channel = registerWebChannel(server, { adapter, bot, config, log, baseUrl: () => url, now: () => clock.now });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    url,
    adapter,
    config,
    clock,
    async close() {
      await channel.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      (server as unknown as { server: { closeAllConnections(): void } }).server.closeAllConnections();
      await closed;
    },
  };
}

/** Polls until `check` returns something, or throws after `ms`. */
export async function waitFor<T>(check: () => Promise<T | undefined>, ms = 10000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}
