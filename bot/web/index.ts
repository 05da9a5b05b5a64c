/**
 * Starling's web channel: the chat page and school embed, the built-in Direct Line (WEBCHAT_MODE=builtin) or
 * the Azure token exchange (WEBCHAT_MODE=azure), the "Get help now" routes, and CORS limited to
 * ALLOWED_ORIGINS plus Starling's own origin.
 *
 * Routes added:
 *   GET  /  /index.html  /embed.js  /assets/*  (Web Chat itself at /assets/webchat.js)
 *   POST /api/webchat/token         GET /api/help-routes
 *   /v3/directline/*  (builtin mode only; see directLine.ts)
 */
import type restify from 'restify';
import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Config } from '../../core/config';
import type { Logger } from '../../core/logging';
import { ConversationStore } from './conversations';
import { corsMiddleware, originOf } from './cors';
import { createDelivery } from './deliver';
import { registerDirectLine, type DirectLineDeps } from './directLine';
import { createHelpRoutesSource, registerHelpRoutes } from './helpRoutes';
import { clientIp, refuse } from './http';
import { PerMinuteLimit } from './rateLimit';
import { registerStatic } from './staticFiles';
import { registerTokenRoute } from './tokenRoute';

export interface WebChannelDeps {
  adapter: CloudAdapter;
  bot: { run(context: TurnContext): Promise<void> };
  config: Config;
  log: Logger;
  /** e.g. http://127.0.0.1:3978: where the adapter can reach this server's connector routes */
  baseUrl: () => string;
  /** Clock, for tests (token expiry, rate windows). */
  now?: () => number;
}

export function registerWebChannel(server: restify.Server, deps: WebChannelDeps): { close(): Promise<void> } {
  const { config, log } = deps;
  const now = deps.now ?? Date.now;
  const behindProxy = config.NODE_ENV === 'production';

  server.pre(
    corsMiddleware({
      allowed: config.ALLOWED_ORIGINS,
      ownOrigins: () => [originOf(deps.baseUrl()), originOf(config.PUBLIC_URL)],
    }),
  );

  const limit = new PerMinuteLimit(config.CONVERSATIONS_PER_MINUTE_PER_IP, now);
  const allowNew = (req: restify.Request, res: restify.Response): boolean => {
    const ip = clientIp(req, behindProxy);
    if (limit.take(ip)) return true;
    res.setHeader('Retry-After', String(limit.retryAfter(ip)));
    refuse(res, 429, 'TooManyConversations');
    log.warn({ channel: 'webchat' }, 'web channel: conversation creation rate-limited');
    return false;
  };

  const store = new ConversationStore(config.DIRECT_LINE_TOKEN_TTL_SECONDS, now);
  let directLine: DirectLineDeps | undefined;
  if (config.WEBCHAT_MODE === 'builtin') {
    const delivery = createDelivery({ adapter: deps.adapter, bot: deps.bot, appId: config.MicrosoftAppId, log, baseUrl: deps.baseUrl });
    directLine = {
      store,
      delivery,
      maxMessageChars: config.MAX_MESSAGE_CHARS,
      log,
      allowNewConversation: allowNew,
      allowUnsignedLoopback: !config.MicrosoftAppId,
    };
    registerDirectLine(server, directLine);
  }
  registerTokenRoute(server, { mode: config.WEBCHAT_MODE, secret: config.DIRECT_LINE_SECRET, log, directLine, allowNew });

  const helpRoutes = createHelpRoutesSource(log, () => new Date(now()));
  registerHelpRoutes(server, helpRoutes);
  registerStatic(server, {
    frameAncestors: config.ALLOWED_ORIGINS,
    helpRoutes: () => helpRoutes(),
    cache: config.NODE_ENV === 'production',
  });

  const sweeper = setInterval(() => {
    store.sweep();
    limit.sweep();
  }, 60_000);
  sweeper.unref();

  return {
    /** Waits (up to 10 s) for bot turns under way, so their replies are not cut off mid-post, then forgets everything. */
    async close() {
      clearInterval(sweeper);
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled(store.pendingTurns()),
        new Promise<void>((resolve) => (timer = setTimeout(resolve, 10_000))),
      ]);
      clearTimeout(timer);
      store.clear();
    },
  };
}
