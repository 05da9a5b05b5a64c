/**
 * Hands the built-in channel's activities to the bot in-process, and lets the bot's replies come back to the
 * connector routes: the adapter posts them to `${serviceUrl}/v3/conversations/{id}/activities/{replyToId}`,
 * signed with a random per-process key so nobody else can post into a conversation.
 */
import { randomBytes } from 'node:crypto';
import type { Activity, CloudAdapter, TurnContext } from 'botbuilder';
import { ClaimsIdentity, ConnectorClient, TokenCredentials, type AuthenticateRequestResult } from 'botframework-connector';
import type { Logger } from '../../core/logging';
import { hashId } from '../../core/logging';
import type { Conversation } from './conversations';

export interface Delivery {
  /** Queues one activity for the bot; turns for a conversation run one after another. */
  send(conversation: Conversation, activity: Partial<Activity>): Promise<void>;
  /** True when a connector request carries this process's key. */
  isOwnConnectorCall(authorization: string | undefined): boolean;
  serviceUrl(): string;
  botAccount(): { id: string; name: string; role: 'bot' };
}

export function createDelivery(deps: {
  adapter: CloudAdapter;
  bot: { run(context: TurnContext): Promise<void> };
  appId: string;
  log: Logger;
  baseUrl: () => string;
}): Delivery {
  const connectorKey = randomBytes(32).toString('base64url');
  const serviceUrl = () => `${deps.baseUrl().replace(/\/$/, '')}/v3/directline/connector`;
  const botAccount = () => ({ id: deps.appId || 'starling', name: 'Starling', role: 'bot' as const });

  const claims = deps.appId
    ? new ClaimsIdentity([
        { type: 'aud', value: deps.appId },
        { type: 'appid', value: deps.appId },
      ])
    : new ClaimsIdentity([]);
  const auth: AuthenticateRequestResult = {
    audience: 'https://api.botframework.com',
    claimsIdentity: claims,
    connectorFactory: {
      create: async (url: string) => new ConnectorClient(new TokenCredentials(connectorKey, 'Bearer'), { baseUri: url }),
    },
  };

  return {
    serviceUrl,
    botAccount,
    isOwnConnectorCall: (authorization) => authorization === `Bearer ${connectorKey}`,
    send(conversation, partial) {
      const activity = {
        channelId: 'webchat',
        serviceUrl: serviceUrl(),
        conversation: { id: conversation.id },
        recipient: botAccount(),
        from: { id: conversation.userId, role: 'user' },
        timestamp: new Date(),
        ...partial,
      } as Activity;
      const turn = conversation.queue.then(() =>
        deps.adapter.processActivityDirect(auth, activity, (ctx) => deps.bot.run(ctx)).catch((err: Error) => {
          // The error text may quote the activity: log its type and the first line only.
          deps.log.error(
            { conversation: hashId(conversation.id), kind: activity.type, err: { message: String(err.message).split('\n')[0] } },
            'web channel: bot turn failed',
          );
        }),
      );
      conversation.queue = turn;
      return turn;
    },
  };
}
