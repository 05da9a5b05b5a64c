/**
 * End-to-end alert latency (issue "Escalation" target): from a young person's message arriving at
 * POST /api/messages to the duty team's webhook receiving the alert, with Starling on Redis (BullMQ queue),
 * 50 conversations at once of which 10% send a crisis message. Every alert must arrive exactly once.
 *
 * Rounds of CONVERSATIONS concurrent conversations, each sending TURNS messages; in each round every tenth
 * conversation sends a crisis message (with a marker so the alert can be matched to it) at its third turn.
 */
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { parseConfig } from '../core/config';
import { createLogger } from '../core/logging';
import { createApp } from '../bot/server';
import { runLoad } from './lib/load';
import { startReplySink } from './lib/replySink';
import { startWebhookSink } from './support/webhookSink';

export interface E2eAlertResult {
  conversations: number;
  rounds: number;
  alertsExpected: number;
  alertsAccepted: number;
  /** keys the sink answered 2xx more than once (must be 0) */
  duplicateDeliveries: number;
  /** alerts for conversations that sent no crisis message (must be 0) */
  unexpected: number;
  /** starling.alert.update events (what was typed after an alert), counted apart from the alerts */
  updates: number;
  badSignatures: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  exactlyOnce: boolean;
}

const EVERYDAY = ['hello', 'i had a good day at school', 'what can you do', 'my football match was great', 'who can see this'];
const CRISIS = (marker: string) => `i cant do this anymore, im going to kill myself tonight ${marker}`;
const quiet = createLogger({ level: 'silent', destination: new Writable({ write: (_c, _e, cb) => cb() }) });

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? Math.round(s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] * 10) / 10 : NaN;
};

export async function benchE2eAlerts(redisUrl: string, o: { conversations?: number; rounds?: number; turns?: number } = {}): Promise<E2eAlertResult> {
  const conversations = o.conversations ?? 50;
  const rounds = o.rounds ?? 10;
  const turns = o.turns ?? 5;
  const secret = 'bench-e2e-secret-0123456789abcdef';
  const sink = await startWebhookSink({ secret });
  const replies = await startReplySink({ keep: false });
  const app = await createApp({
    config: parseConfig({
      ID_HASH_SECRET: 'bench',
      REDIS_URL: redisUrl,
      REDIS_KEY_PREFIX: `benche2e${randomUUID().slice(0, 6)}:`,
      ALERT_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
      ALERT_ROUTES: 'webhook',
      ALERT_WEBHOOK_URL: sink.url,
      ALERT_WEBHOOK_SECRET: secret,
    }),
    log: quiet,
    reminders: false,
  });
  const url = await app.listen(0, '127.0.0.1');
  /** marker -> wall-clock time the crisis message was sent */
  const sentAt = new Map<string, number>();
  try {
    for (let r = 0; r < rounds; r++) {
      await runLoad({
        name: `e2e${r}`,
        baseUrl: url,
        serviceUrl: replies.url,
        conversations,
        turnsPerConversation: turns,
        text: (c, i) => (c % 10 === 0 && i === 2 ? CRISIS(`[m${r}-${c}]`) : EVERYDAY[(c + i) % EVERYDAY.length]),
        beforeTurn: (_conv, text) => {
          const m = /\[(m\d+-\d+)\]/.exec(text);
          if (m) sentAt.set(m[1], Date.now());
        },
      });
    }
    const expected = sentAt.size;
    // the everyday turns after an alert are follow-ups: an update event each alert (docs/alert-webhook.md), not alerts
    const isAlert = (req: { json: unknown }) => (req.json as { type?: string } | undefined)?.type !== 'starling.alert.update';
    const alertsIn = () => [...sink.accepted.values()].filter(isAlert);
    await sink.waitFor(() => alertsIn().length >= expected, 30_000).catch(() => undefined);
    await new Promise((res) => setTimeout(res, 500)); // late duplicates would arrive here
    const lat: number[] = [];
    let unexpected = 0;
    const updates = sink.accepted.size - alertsIn().length;
    for (const req of alertsIn()) {
      const m = /\[(m\d+-\d+)\]/.exec(JSON.stringify(req.json));
      const t0 = m ? sentAt.get(m[1]) : undefined;
      if (t0 === undefined) unexpected++;
      else lat.push(req.at - t0);
    }
    const okByKey = new Map<string, number>();
    for (const req of sink.requests) {
      if (typeof req.answered === 'number' && req.answered < 300 && req.idempotencyKey)
        okByKey.set(req.idempotencyKey, (okByKey.get(req.idempotencyKey) ?? 0) + 1);
    }
    const duplicateDeliveries = [...okByKey.values()].filter((n) => n > 1).length;
    const badSignatures = sink.requests.filter((q) => !q.signatureValid).length;
    return {
      conversations,
      rounds,
      alertsExpected: expected,
      alertsAccepted: alertsIn().length,
      updates,
      duplicateDeliveries,
      unexpected,
      badSignatures,
      p50: pct(lat, 50),
      p95: pct(lat, 95),
      p99: pct(lat, 99),
      max: pct(lat, 100),
      exactlyOnce: lat.length === expected && alertsIn().length === expected && duplicateDeliveries === 0 && unexpected === 0,
    };
  } finally {
    await app.close();
    await replies.close();
    await sink.close();
  }
}
