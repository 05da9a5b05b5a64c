/** Starts Starling: reads settings, builds the service, listens, and stops gracefully on SIGTERM/SIGINT. */
import { ConfigError, loadConfig } from '../core/config';
import { createLogger } from '../core/logging';
import { createApp } from './server';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`Starling cannot start: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const log = createLogger({ level: config.LOG_LEVEL });
  if (!config.MicrosoftAppId) {
    log.warn('Bot Framework authentication is OFF because MicrosoftAppId is empty. Fine on your own machine; never in production.');
  }
  if (!config.REDIS_URL) {
    log.warn('Storage is in memory: everything is lost when Starling stops. Set REDIS_URL to keep it.');
  }
  let app;
  try {
    app = await createApp({ config, log });
  } catch (err) {
    process.stderr.write(`Starling cannot start: ${(err as Error).message}\n`);
    process.exit(2);
  }
  const url = await app.listen(config.PORT);
  log.info({ url, storage: app.store.kind }, `Starling is listening. Open ${url.replace('127.0.0.1', 'localhost')}/ to chat.`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping: finishing turns in flight');
    try {
      await app.close();
      log.info('stopped');
      process.exit(0);
    } catch (err) {
      log.error({ err }, 'error while stopping');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('unhandledRejection', (reason) => {
    log.error({ err: { message: (reason as Error)?.message, type: (reason as Error)?.name } }, 'unhandled rejection');
  });
}

void main();
