/**
 * Builds the whole Starling service: storage, words, safety, dialogs, the Bot Framework adapter and the
 * restify server with its routes. bot/index.ts starts it; tests and the bench build it the same way.
 *
 * Routes: POST /api/messages (Bot Framework), GET /healthz (process up), GET /readyz (storage reachable),
 * plus the web channel and reports when those modules are present.
 */
import { ActivityTypes, TurnContext } from 'botbuilder';
import restify from 'restify';
import type { CloudAdapter } from 'botbuilder';
import type { Config } from '../core/config';
import { createWords, Words } from '../core/i18n';
import { createIntentMatcher } from '../core/intents';
import { createLogger, Logger, setIdHashSecret } from '../core/logging';
import { createDetector, Detector } from '../core/safety';
import { loadDirectory, Directory } from '../core/services';
import { createStore, Store } from '../core/storage';
import { MainDialog } from '../dialogs/mainDialog';
import { features } from '../dialogs/features';
import { askedSafetyContext } from '../dialogs/support/inputPrompt';
import type { DialogDeps } from '../dialogs/types';
import { activityProblem } from './activitySchema';
import { createAdapter, installTurnErrorHandler } from './adapter';
import { createHelpRoutes } from './helpRoutes';
import { checkInAnswerHook, eraseConversationSafetyData, safetyMiddleware, AlertRaiser, SafetyDeps } from './middleware/safety';
import { conversationKey } from './turnState';
import { startReminders, Reminders } from './reminders';
import { turnLogMiddleware } from './middleware/turnLog';
import { StarlingBot, StarlingConversationState } from './starlingBot';
import { createEscalationIntegration, EscalationIntegration } from './escalation';
import { registerReportRoutes } from './reports';
import { registerWebChannel } from './web';

export const MAX_BODY_BYTES = 256 * 1024;

export interface AppOptions {
  config: Config;
  log?: Logger;
  store?: Store;
  now?: () => Date;
  /** replaces the escalation integration's alert raiser (tests) */
  alerts?: AlertRaiser;
  /** start the reminders loop (default true; tests that drive reminders themselves turn it off) */
  reminders?: boolean;
}

export interface App {
  config: Config;
  server: restify.Server;
  adapter: CloudAdapter;
  bot: StarlingBot;
  store: Store;
  log: Logger;
  words: Words;
  detector: Detector;
  directory: Directory;
  escalation: EscalationIntegration;
  /** the "waiting for help" reminders loop (off when AppOptions.reminders is false) */
  reminders?: Reminders;
  /** Listens and resolves with the base URL, e.g. http://127.0.0.1:3978 */
  listen(port?: number, host?: string): Promise<string>;
  /** Graceful stop: no new requests, turns in flight finish, storage closes. */
  close(): Promise<void>;
}

export async function createApp(opts: AppOptions): Promise<App> {
  const { config } = opts;
  setIdHashSecret(config.ID_HASH_SECRET);
  const log = opts.log ?? createLogger({ level: config.LOG_LEVEL });
  const now = opts.now ?? (() => new Date());
  const store = opts.store ?? createStore(config);
  const words = createWords();
  const intents = createIntentMatcher();
  const detector = createDetector();
  const directory = loadDirectory({ now: now(), strict: config.NODE_ENV === 'production' });
  for (const w of directory.warnings) log.warn({ directory: true }, w);
  const help = createHelpRoutes(directory, now);

  const adapter = createAdapter(config);
  installTurnErrorHandler(adapter, { log, words, help, store });
  const escalation = await createEscalationIntegration({ adapter, store, config, log, words, now, intents });
  // Order matters: turn log, then the safety check on everything, then escalation (duty channel, handoff relay).
  /** work turns started and did not wait for (follow-ups on open alerts): close() lets it finish before storage goes */
  const background = new Set<Promise<unknown>>();
  const safety: SafetyDeps = {
    detector,
    store,
    words,
    help,
    log,
    alerts: opts.alerts ?? escalation.alerts,
    isDutyConversation: escalation.isDutyConversation,
    inHandoff: async (convKey) => !!(await escalation.escalation.activeHandoff(convKey)),
    // the waiting question's safetyContext (dialogs/support/inputPrompt.ts), from the state read ahead below
    answering: async (ctx) => askedSafetyContext(await conversationState.load(ctx)),
    background: (work) => {
      background.add(work);
      void work.finally(() => background.delete(work));
    },
    now,
  };
  const conversationState = new StarlingConversationState(store);
  adapter.use(turnLogMiddleware(log));
  // The dialogs will want this conversation's state: start reading it now, alongside the safety check's reads.
  adapter.use({
    onTurn: async (ctx, next) => {
      const type = ctx.activity.type;
      if (type === ActivityTypes.Message || type === ActivityTypes.ConversationUpdate) conversationState.readAhead(ctx);
      await next();
    },
  });
  adapter.use(safetyMiddleware(safety));
  for (const m of escalation.middleware) adapter.use(m);

  const extras = {
    directory,
    // typed check-in answers at the lowest step for "being safe" / "where you live" are safety signals too
    onCheckInAnswer: checkInAnswerHook(safety),
    // "delete my data" also removes the safety check's copy of their recent messages in this conversation
    onUserDataErased: (ctx: TurnContext) => eraseConversationSafetyData(store, conversationKey(ctx)),
  };
  const deps: DialogDeps = { store, words, log, config, intents, help, now, extras };
  const mainDialog = new MainDialog(deps, features);
  const bot = new StarlingBot({ conversationState, mainDialog, words, store, help, log, config });

  const server = restify.createServer({ name: 'starling', handleUncaughtExceptions: false } as restify.ServerOptions);
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false, rejectUnknown: false } as any));

  let baseUrl = `http://127.0.0.1:${config.PORT}`;
  const web = registerWebChannel(server, { adapter, bot, config, log, baseUrl: () => baseUrl });
  registerReportRoutes(server, { store, config, log });

  const reminders =
    opts.reminders === false ? undefined : startReminders({ adapter, store, log, config, words, now, appId: config.MicrosoftAppId });

  let inFlight = 0;
  let closing = false;
  let idle: (() => void) | undefined;

  server.post('/api/messages', async (req, res) => {
    if (closing) {
      res.send(503, { error: 'Starling is restarting; try again in a moment' });
      return;
    }
    const problem = activityProblem(req.body);
    if (problem) {
      res.send(400, { error: problem });
      return;
    }
    inFlight++;
    try {
      await adapter.process(req as any, res as any, (ctx) => bot.run(ctx));
    } catch (err) {
      log.error({ err: { type: (err as Error)?.name, message: (err as Error)?.message } }, 'message not processed');
      if (!res.headersSent) res.send(500, { error: 'the message could not be processed' });
    } finally {
      inFlight--;
      if (inFlight === 0 && idle) idle();
    }
  });

  server.get('/healthz', async (_req, res) => {
    res.send(200, { status: 'ok' });
  });

  server.get('/readyz', async (_req, res) => {
    try {
      await store.ping();
      res.send(200, { status: 'ready', storage: store.kind });
    } catch {
      res.send(503, { status: 'not ready', storage: store.kind });
    }
  });

  const app: App = {
    config,
    server,
    adapter,
    bot,
    store,
    log,
    words,
    detector,
    directory,
    escalation,
    reminders,
    listen(port = config.PORT, host = '0.0.0.0') {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const addr = server.address();
          baseUrl = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${addr.port}`;
          resolve(baseUrl);
        });
      });
    },
    async close() {
      closing = true;
      await reminders?.stop();
      // The built-in Direct Line posts the bot's replies back to this same server, so it closes first.
      await web.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (inFlight > 0) {
        await Promise.race([new Promise<void>((r) => (idle = r)), new Promise((r) => setTimeout(r, 10000))]);
      }
      if (background.size > 0) await Promise.race([Promise.allSettled([...background]), new Promise((r) => setTimeout(r, 10000).unref())]);
      await escalation.close();
      await store.close();
    },
  };
  return app;
}
