/**
 * A local webhook receiver for tests and the alert bench: node:http on 127.0.0.1, a free port.
 * It checks the signature, records every request, and dedups by Idempotency-Key like a real
 * case-management system should. How it answers is up to `respond` (default: 200 for all).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface SinkRequest {
  /** 1-based order of arrival */
  n: number;
  at: number;
  headers: http.IncomingHttpHeaders;
  raw: string;
  json: any;
  idempotencyKey?: string;
  signatureValid: boolean;
  /** what the sink answered: a status, or 'hang' / 'destroy' */
  answered: number | 'hang' | 'destroy';
}

/** Decides the answer to a request: a status code, 'hang' (never answer) or 'destroy' (drop the connection). */
export type SinkResponder = (req: Omit<SinkRequest, 'answered'>) => number | 'hang' | 'destroy';

export interface WebhookSink {
  url: string;
  port: number;
  requests: SinkRequest[];
  /** TCP connections opened (counts attempts that never became an HTTP request, e.g. a failed TLS handshake) */
  connections(): number;
  /** accepted alerts, one per Idempotency-Key (the first 2xx for each key) */
  accepted: Map<string, SinkRequest>;
  /** resolves when `pred` holds (checked on every request), or rejects after timeoutMs */
  waitFor(pred: (s: WebhookSink) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export function verifySignature(raw: string, header: string | string[] | undefined, secret: string): boolean {
  if (typeof header !== 'string' || !header.startsWith('sha256=')) return false;
  const want = Buffer.from(createHmac('sha256', secret).update(raw).digest('hex'));
  const got = Buffer.from(header.slice(7));
  return got.length === want.length && timingSafeEqual(got, want);
}

export async function startWebhookSink(opts: { secret: string; respond?: SinkResponder } = { secret: '' }): Promise<WebhookSink> {
  const requests: SinkRequest[] = [];
  const accepted = new Map<string, SinkRequest>();
  const sockets = new Set<Socket>();
  let connections = 0;
  const waiters = new Set<() => void>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch {
        json = undefined;
      }
      const key = req.headers['idempotency-key'];
      const base = {
        n: requests.length + 1,
        at: Date.now(),
        headers: req.headers,
        raw,
        json,
        idempotencyKey: typeof key === 'string' ? key : undefined,
        signatureValid: verifySignature(raw, req.headers['x-starling-signature'], opts.secret),
      };
      let answered = opts.respond ? opts.respond(base) : 200;
      if (!base.signatureValid && typeof answered === 'number' && answered < 300) answered = 401;
      const entry: SinkRequest = { ...base, answered };
      requests.push(entry);
      if (typeof answered === 'number') {
        if (answered >= 200 && answered < 300 && entry.idempotencyKey && !accepted.has(entry.idempotencyKey)) {
          accepted.set(entry.idempotencyKey, entry);
        }
        // Not chained: restify (loaded by other tests in the same process) patches writeHead to return nothing.
        res.writeHead(answered, { 'content-type': 'application/json' });
        res.end('{}');
      } else if (answered === 'destroy') {
        req.socket.destroy();
      }
      for (const w of waiters) w();
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    connections++;
    for (const w of waiters) w();
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const sink: WebhookSink = {
    url: `http://127.0.0.1:${port}/alerts`,
    port,
    requests,
    connections: () => connections,
    accepted,
    waitFor(pred, timeoutMs = 10000) {
      if (pred(sink)) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const check = () => {
          if (pred(sink)) {
            clearTimeout(timer);
            waiters.delete(check);
            resolve();
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`webhook sink: condition not met within ${timeoutMs} ms (${requests.length} requests so far)`));
        }, timeoutMs);
        waiters.add(check);
      });
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return sink;
}
