/** The baseline: a bare echo bot on the same CloudAdapter and restify server Starling uses. */
import { ActivityHandler } from 'botbuilder';
import restify from 'restify';
import { parseConfig } from '../../core/config';
import { createAdapter } from '../../bot/adapter';

export async function startEchoBot(): Promise<{ url: string; close(): Promise<void> }> {
  const adapter = createAdapter(parseConfig({}));
  const bot = new ActivityHandler();
  bot.onMessage(async (ctx, next) => {
    await ctx.sendActivity(`echo: ${ctx.activity.text}`);
    await next();
  });
  bot.onMembersAdded(async (ctx, next) => {
    await ctx.sendActivity('hello');
    await next();
  });
  const server = restify.createServer();
  server.use(restify.plugins.bodyParser({ mapParams: false }));
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req as any, res as any, (ctx) => bot.run(ctx));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
