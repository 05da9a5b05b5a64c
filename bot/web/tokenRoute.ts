/**
 * POST /api/webchat/token: what the page calls first.
 * - WEBCHAT_MODE=builtin: a new conversation on Starling's own Direct Line, and its token.
 * - WEBCHAT_MODE=azure: the Azure Direct Line secret is exchanged for a conversation token here, on the
 *   server, so the secret never reaches a school's page.
 * Both count against CONVERSATIONS_PER_MINUTE_PER_IP.
 */
import { randomBytes } from 'node:crypto';
import https from 'node:https';
import type { Request, Response, Server } from 'restify';
import type { Logger } from '../../core/logging';
import { hashId } from '../../core/logging';
import { newConversation, type DirectLineDeps } from './directLine';
import { refuse, sendJson } from './http';

const AZURE_TOKEN_URL = 'https://directline.botframework.com/v3/directline/tokens/generate';

interface AzureToken {
  conversationId: string;
  token: string;
  expires_in: number;
}

/** Exchanges the secret for a token bound to one new conversation and one user id. */
export function generateAzureToken(secret: string, userId: string, timeoutMs = 10000): Promise<AzureToken> {
  const body = JSON.stringify({ user: { id: userId } });
  return new Promise((resolve, reject) => {
    const req = https.request(
      AZURE_TOKEN_URL,
      {
        method: 'POST',
        headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          if (res.statusCode !== 200) return reject(new Error(`Direct Line token service answered ${res.statusCode}`));
          try {
            const json = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Partial<AzureToken>;
            if (typeof json.token !== 'string' || typeof json.conversationId !== 'string') throw new Error('no token in answer');
            resolve({ token: json.token, conversationId: json.conversationId, expires_in: Number(json.expires_in) || 1800 });
          } catch (err) {
            reject(err as Error);
          }
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('Direct Line token service timed out')));
    req.on('error', reject);
    req.end(body);
  });
}

export function registerTokenRoute(
  server: Server,
  opts: { mode: 'builtin' | 'azure'; secret?: string; log: Logger; directLine?: DirectLineDeps; allowNew(req: Request, res: Response): boolean },
): void {
  server.post('/api/webchat/token', async (req: Request, res: Response) => {
    if (opts.mode === 'builtin') {
      const created = newConversation(opts.directLine!, req, res);
      if (!created) return;
      return sendJson(res, 200, {
        mode: 'builtin',
        domain: '/v3/directline',
        conversationId: created.conversation.id,
        token: created.token,
        expires_in: created.expiresIn,
        userId: created.conversation.userId,
      });
    }
    if (!opts.allowNew(req, res)) return;
    const userId = `dl_${randomBytes(16).toString('base64url')}`;
    try {
      const t = await generateAzureToken(opts.secret ?? '', userId);
      opts.log.info({ conversation: hashId(t.conversationId), channel: 'webchat-azure' }, 'web channel: token issued');
      sendJson(res, 200, { mode: 'azure', conversationId: t.conversationId, token: t.token, expires_in: t.expires_in, userId });
    } catch (err) {
      opts.log.warn({ err: { message: (err as Error).message } }, 'web channel: Direct Line token exchange failed');
      refuse(res, 502, 'TokenServiceUnavailable');
    }
  });
}
