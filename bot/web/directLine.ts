/**
 * A Direct Line v3-compatible endpoint served by Starling itself (enough for Web Chat in polling mode and the
 * botframework-directlinejs client), plus the connector routes the bot's replies arrive at.
 *
 *   POST /v3/directline/conversations                      start (with a token, its conversation; without, a new one)
 *   GET  /v3/directline/conversations/:id                  reconnect
 *   POST /v3/directline/conversations/:id/activities       send an activity  -> { id }
 *   GET  /v3/directline/conversations/:id/activities?watermark=N            -> { activities, watermark }
 *   POST /v3/directline/tokens/refresh                     -> { conversationId, token, expires_in }
 *   POST /v3/directline/connector/v3/conversations/:id/activities[/:replyToId]   the bot's replies (signed)
 *
 * Any token problem (unknown, expired, or for another conversation) is a bare 403.
 */
import type { Request, Response, Server } from 'restify';
import type { Activity } from 'botbuilder';
import type { Logger } from '../../core/logging';
import { hashId } from '../../core/logging';
import { ConversationStore, type Conversation } from './conversations';
import type { Delivery } from './deliver';
import { bearer, BodyTooLarge, jsonBody, refuse, sendJson } from './http';

export interface DirectLineDeps {
  store: ConversationStore;
  delivery: Delivery;
  maxMessageChars: number;
  log: Logger;
  /** Counts a new conversation against the caller's allowance; false means refuse with 429. */
  allowNewConversation(req: Request, res: Response): boolean;
  /** Proactive replies from the adapter's own connector (empty app id only) come unsigned over loopback. */
  allowUnsignedLoopback: boolean;
}

const PREFIX = '/v3/directline';

/** Starts a conversation the first time it is opened: the bot gets a conversationUpdate and says its welcome. */
export function startConversation(deps: DirectLineDeps, conversation: Conversation): void {
  if (conversation.started) return;
  conversation.started = true;
  void deps.delivery.send(conversation, {
    type: 'conversationUpdate',
    membersAdded: [{ id: conversation.userId, name: '', role: 'user' } as Activity['from']],
  });
}

/** A new conversation for the caller (counted against CONVERSATIONS_PER_MINUTE_PER_IP), or undefined after refusing. */
export function newConversation(deps: DirectLineDeps, req: Request, res: Response) {
  if (!deps.allowNewConversation(req, res)) return undefined;
  if (deps.store.isFull()) {
    refuse(res, 503, 'Busy');
    return undefined;
  }
  const created = deps.store.create();
  deps.log.info({ conversation: hashId(created.conversation.id), channel: 'webchat-builtin' }, 'web channel: conversation created');
  return created;
}

export function registerDirectLine(server: Server, deps: DirectLineDeps): void {
  const { store } = deps;

  server.post(`${PREFIX}/conversations`, async (req: Request, res: Response) => {
    const token = bearer(req);
    if (token) {
      const conversation = store.open(token);
      if (!conversation) return refuse(res, 403, 'Forbidden');
      startConversation(deps, conversation);
      return sendJson(res, 201, { conversationId: conversation.id, token, expires_in: store.expiresIn(token) });
    }
    const created = newConversation(deps, req, res);
    if (!created) return;
    startConversation(deps, created.conversation);
    sendJson(res, 201, { conversationId: created.conversation.id, token: created.token, expires_in: created.expiresIn });
  });

  server.get(`${PREFIX}/conversations/:conversationId`, async (req: Request, res: Response) => {
    const conversation = store.open(bearer(req), req.params.conversationId);
    if (!conversation) return refuse(res, 403, 'Forbidden');
    sendJson(res, 200, { conversationId: conversation.id, token: bearer(req), expires_in: store.expiresIn(bearer(req)) });
  });

  server.get(`${PREFIX}/conversations/:conversationId/activities`, async (req: Request, res: Response) => {
    const conversation = store.open(bearer(req), req.params.conversationId);
    if (!conversation) return refuse(res, 403, 'Forbidden');
    const watermark = typeof req.query?.watermark === 'string' ? req.query.watermark : undefined;
    sendJson(res, 200, store.since(conversation, watermark));
  });

  server.post(`${PREFIX}/conversations/:conversationId/activities`, async (req: Request, res: Response) => {
    const conversation = store.open(bearer(req), req.params.conversationId);
    if (!conversation) return refuse(res, 403, 'Forbidden');
    let body: Record<string, unknown>;
    try {
      const parsed = await jsonBody(req);
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return refuse(res, 400, 'BadActivity');
      body = parsed as Record<string, unknown>;
    } catch (err) {
      return refuse(res, err instanceof BodyTooLarge ? 413 : 400, 'BadActivity');
    }
    const type = body.type;
    if (type === 'typing') return sendJson(res, 200, { id: '' });
    if (type !== 'message' && type !== 'event') return refuse(res, 400, 'BadActivity');
    const text = typeof body.text === 'string' ? body.text : undefined;
    if (text !== undefined && text.length > deps.maxMessageChars) return refuse(res, 413, 'MessageTooLong');
    const channelData = body.channelData as Record<string, unknown> | undefined;
    const clientActivityID = typeof channelData?.clientActivityID === 'string' ? channelData.clientActivityID.slice(0, 100) : undefined;

    // Only what a user may send is kept; `from` is always the id this conversation was given (no file uploads).
    const stored = store.append(conversation, {
      type,
      channelId: 'webchat',
      conversation: { id: conversation.id },
      from: { id: conversation.userId, role: 'user' },
      timestamp: new Date().toISOString(),
      ...(text !== undefined ? { text } : {}),
      ...(body.value !== undefined ? { value: body.value } : {}),
      ...(type === 'event' && typeof body.name === 'string' ? { name: body.name.slice(0, 100) } : {}),
      ...(typeof body.locale === 'string' ? { locale: body.locale.slice(0, 20) } : {}),
      ...(typeof body.textFormat === 'string' ? { textFormat: body.textFormat } : {}),
      ...(clientActivityID ? { channelData: { clientActivityID } } : {}),
    });
    sendJson(res, 200, { id: stored.id });
    void deps.delivery.send(conversation, { ...(stored as unknown as Partial<Activity>), timestamp: new Date() });
  });

  server.post(`${PREFIX}/tokens/refresh`, async (req: Request, res: Response) => {
    const conversation = store.open(bearer(req));
    if (!conversation) return refuse(res, 403, 'Forbidden');
    const { token, expiresIn } = store.issue(conversation);
    sendJson(res, 200, { conversationId: conversation.id, token, expires_in: expiresIn });
  });

  registerConnector(server, deps);
}

/** Where the adapter posts the bot's replies. */
function registerConnector(server: Server, deps: DirectLineDeps): void {
  const base = `${PREFIX}/connector/v3/conversations/:conversationId/activities`;
  const trusted = (req: Request): boolean => {
    if (deps.delivery.isOwnConnectorCall(req.headers.authorization)) return true;
    if (!deps.allowUnsignedLoopback || req.headers.authorization) return false;
    const addr = req.socket?.remoteAddress ?? '';
    return (addr === '127.0.0.1' || addr === '::1' || addr === '::ffff:127.0.0.1') && !req.headers['x-forwarded-for'];
  };

  const post = async (req: Request, res: Response) => {
    if (!trusted(req)) return refuse(res, 401, 'Unauthorized');
    const conversation = deps.store.get(req.params.conversationId);
    if (!conversation) return refuse(res, 404, 'NotFound');
    let activity: Record<string, unknown>;
    try {
      activity = (await jsonBody(req, 1024 * 1024)) as Record<string, unknown>;
    } catch {
      return refuse(res, 400, 'BadActivity');
    }
    if (!activity || typeof activity !== 'object' || typeof activity.type !== 'string') return refuse(res, 400, 'BadActivity');
    const { serviceUrl: _s, id: _i, ...rest } = activity;
    const stored = deps.store.append(conversation, {
      ...rest,
      type: activity.type as string,
      from: { ...deps.delivery.botAccount(), ...(activity.from as object | undefined), role: 'bot' },
      conversation: { id: conversation.id },
      timestamp: new Date().toISOString(),
      ...(req.params.activityId ? { replyToId: req.params.activityId } : {}),
    });
    sendJson(res, 200, { id: stored.id });
  };
  server.post(base, post);
  server.post(`${base}/:activityId`, post);
  // Updates and deletes are accepted but not replayed to polling clients.
  server.put(`${base}/:activityId`, async (req: Request, res: Response) =>
    trusted(req) ? sendJson(res, 200, { id: req.params.activityId }) : refuse(res, 401, 'Unauthorized'),
  );
  server.del(`${base}/:activityId`, async (req: Request, res: Response) =>
    trusted(req) ? sendJson(res, 200, {}) : refuse(res, 401, 'Unauthorized'),
  );
  server.get(`${PREFIX}/connector/v3/conversations/:conversationId/members`, async (req: Request, res: Response) => {
    if (!trusted(req)) return refuse(res, 401, 'Unauthorized');
    const conversation = deps.store.get(req.params.conversationId);
    if (!conversation) return refuse(res, 404, 'NotFound');
    sendJson(res, 200, [{ id: conversation.userId, role: 'user' }]);
  });
}
