/**
 * The Bot Framework CloudAdapter. Authentication is on whenever MicrosoftAppId is set (Bot Framework
 * convention); with an empty id it is off, which is only for local use, and the start-up log says so.
 * A turn that throws gets a kind message with the help routes; the process stays up and the error is
 * logged without message text.
 */
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  TurnContext,
} from 'botbuilder';
import type { Config } from '../core/config';
import type { Words } from '../core/i18n';
import type { Logger } from '../core/logging';
import type { Store } from '../core/storage';
import type { HelpRoutes } from '../dialogs/types';
import { bandOf } from '../dialogs/support/profile';
import { turnLog } from './turnState';

export function createAdapter(config: Config): CloudAdapter {
  const settings = {
    MicrosoftAppId: config.MicrosoftAppId,
    MicrosoftAppPassword: config.MicrosoftAppPassword,
    MicrosoftAppType: config.MicrosoftAppType,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId,
  };
  const credentials = new ConfigurationServiceClientCredentialFactory(settings);
  const auth = new ConfigurationBotFrameworkAuthentication(settings as any, credentials);
  return new CloudAdapter(auth);
}

export function installTurnErrorHandler(
  adapter: CloudAdapter,
  deps: { log: Logger; words: Words; help: HelpRoutes; store: Store },
): void {
  adapter.onTurnError = async (ctx: TurnContext, err: Error) => {
    const log = turnLog(ctx, deps.log);
    log.error({ err: { type: err?.name, message: err?.message, stack: err?.stack } }, 'turn failed');
    if (ctx.activity.type !== 'message' && ctx.activity.type !== 'conversationUpdate') return;
    try {
      let band;
      try {
        band = await bandOf(ctx, deps.store);
      } catch {
        band = undefined;
      }
      await ctx.sendActivity(`${deps.words.t('common:error', { band })}\n\n${deps.help.crisisText({ band })}`);
    } catch (sendErr) {
      log.error({ err: { type: (sendErr as Error)?.name, message: (sendErr as Error)?.message } }, 'could not send the error message');
    }
  };
}
