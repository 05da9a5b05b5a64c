/**
 * Webhook route: POST of the JSON alert (docs/alert-webhook.md) with node:http/https.
 * - X-Starling-Signature: sha256=<hex HMAC-SHA256 of the raw body with ALERT_WEBHOOK_SECRET>
 * - Idempotency-Key: the same on every retry of one delivery, so the receiver can drop repeats
 * - time-out: ALERT_WEBHOOK_TIMEOUT_MS for the whole exchange; 2xx means accepted, anything else
 *   (time-out, refused connection, TLS failure, 3xx, 4xx, 5xx) is an error and the queue retries.
 */
import { createHmac } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { DeliveryAttempt, DeliveryRoute } from './routes';
import type { AlertView, FollowUpUpdate } from './types';

export const WEBHOOK_PAYLOAD_VERSION = 1;

export interface WebhookOptions {
  url: string;
  secret: string;
  timeoutMs: number;
  /** extra TLS options (tests: a private CA) */
  tls?: https.RequestOptions;
}

export class WebhookError extends Error {
  constructor(
    message: string,
    public readonly status?: number,
  ) {
    super(message);
    this.name = 'WebhookError';
  }
}

const MAX_TEXT = 2000;
const cut = (s: string) => (s.length > MAX_TEXT ? s.slice(0, MAX_TEXT) + '…' : s);

/** The JSON body (see docs/alert-webhook.md). Carries the decrypted excerpt; never a name. */
export function buildWebhookPayload(view: AlertView, attempt: DeliveryAttempt): Record<string, unknown> {
  const a = view.alert;
  return {
    type: 'starling.alert',
    version: WEBHOOK_PAYLOAD_VERSION,
    alertId: a.id,
    idempotencyKey: attempt.idempotencyKey,
    raisedAt: a.createdAt,
    level: a.level,
    category: a.category,
    reasons: a.reasons,
    reescalation: attempt.round > 0 ? { round: attempt.round, routeSet: attempt.routeSet } : null,
    youngPerson: {
      pseudonymousId: a.uid,
      ageBand: a.ageBand ?? null,
      area: a.area ?? null,
    },
    channel: a.channel ?? null,
    conversationId: a.conversationKey,
    earlierOpenAlertIds: a.earlierOpen ?? [],
    excerpt: view.texts
      ? {
          trigger: { text: cut(view.texts.trigger.text), at: view.texts.trigger.at ?? null },
          context: view.texts.context.map((m) => ({ from: m.from, text: cut(m.text), at: m.at ?? null })),
        }
      : null,
    background: view.texts?.background ?? [],
    state: a.state,
    history: a.history.map((s) => ({ state: s.state, at: s.at, by: s.by, round: s.round ?? 0 })),
  };
}

/**
 * The update event: the young person wrote more after the alert (docs/alert-webhook.md). It carries every
 * follow-up still kept (oldest first), so a receiver that missed one event loses nothing; `followUpCount` only grows.
 */
export function buildWebhookUpdate(view: AlertView, update: FollowUpUpdate): Record<string, unknown> {
  const a = view.alert;
  return {
    type: 'starling.alert.update',
    version: WEBHOOK_PAYLOAD_VERSION,
    alertId: a.id,
    idempotencyKey: update.idempotencyKey,
    conversationId: a.conversationKey,
    state: a.state,
    followUpCount: update.count,
    followUpsNotKept: view.texts?.followUpsDropped ?? 0,
    followUps: (view.texts?.followUps ?? []).map((f) => ({
      text: cut(f.text),
      at: f.at,
      level: f.level,
      concern: f.level !== 'none',
      category: f.category,
      reasons: f.reasons,
    })),
  };
}

export function signBody(body: string | Buffer, secret: string): string {
  return 'sha256=' + createHmac('sha256', secret).update(body).digest('hex');
}

/** POSTs a body; resolves on 2xx, rejects with WebhookError otherwise. */
export function postJson(
  opts: WebhookOptions,
  body: string,
  headers: Record<string, string>,
): Promise<number> {
  const u = new URL(opts.url);
  const mod = u.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    let settled = false;
    const done = (err?: Error, status?: number) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (err) reject(err);
      else resolve(status!);
    };
    const req = mod.request(
      u,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'content-length': String(Buffer.byteLength(body)),
          'user-agent': 'Starling-Alerts/1',
          ...headers,
        },
        agent: false,
        ...(u.protocol === 'https:' ? opts.tls : {}),
      },
      (res) => {
        res.resume();
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300) done(undefined, status);
          else done(new WebhookError(`webhook answered ${status}`, status));
        });
        res.on('error', (e) => done(new WebhookError(`webhook response failed: ${e.message}`)));
      },
    );
    const timer = setTimeout(() => {
      done(new WebhookError(`webhook did not answer within ${opts.timeoutMs} ms`));
      req.destroy();
    }, opts.timeoutMs);
    req.on('error', (e) => done(new WebhookError(`webhook request failed: ${(e as NodeJS.ErrnoException).code ?? e.message}`)));
    req.end(body);
  });
}

export function createWebhookRoute(opts: WebhookOptions): DeliveryRoute {
  return {
    name: 'webhook',
    async deliver(view: AlertView, attempt: DeliveryAttempt): Promise<void> {
      const body = JSON.stringify(buildWebhookPayload(view, attempt));
      await postJson(opts, body, {
        'x-starling-signature': signBody(body, opts.secret),
        'idempotency-key': attempt.idempotencyKey,
        'x-starling-attempt': String(attempt.number),
      });
    },
    async followUps(view: AlertView, update: FollowUpUpdate): Promise<void> {
      const body = JSON.stringify(buildWebhookUpdate(view, update));
      await postJson(opts, body, {
        'x-starling-signature': signBody(body, opts.secret),
        'idempotency-key': update.idempotencyKey,
        'x-starling-attempt': String(update.attempt),
      });
    },
  };
}
