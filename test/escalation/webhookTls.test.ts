/** HTTPS webhook with a self-signed certificate: untrusted, it is retried and never counts; trusted (private CA), it is delivered. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createEscalation, Escalation } from '../../core/escalation';
import { MemoryStore } from '../../core/storage';
import { verifySignature } from '../../scripts/support/webhookSink';
import { log, makeConfig, sampleInput, SECRET } from './helpers';

let dir: string;
let cert: Buffer;
let server: https.Server;
let url: string;
let handshakes = 0;
const received: string[] = [];
let esc: Escalation | undefined;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'starling-tls-'));
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
    '-addext', 'subjectAltName=IP:127.0.0.1',
    '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem'),
  ], { stdio: 'ignore' });
  cert = readFileSync(path.join(dir, 'cert.pem'));
  server = https.createServer({ key: readFileSync(path.join(dir, 'key.pem')), cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const ok = verifySignature(raw, req.headers['x-starling-signature'], SECRET);
      if (ok) received.push(String(req.headers['idempotency-key']));
      res.writeHead(ok ? 200 : 401);
      res.end();
    });
  });
  server.on('connection', () => handshakes++);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/alerts`;
});

afterEach(async () => {
  await esc?.close();
  esc = undefined;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
  rmSync(dir, { recursive: true, force: true });
});

const make = (tls?: https.RequestOptions) =>
  createEscalation({
    store: new MemoryStore(),
    config: makeConfig({ ALERT_ROUTES: 'webhook', ALERT_WEBHOOK_URL: url, ALERT_WEBHOOK_SECRET: SECRET, ALERT_WEBHOOK_TIMEOUT_MS: '1000' }),
    log,
    routes: { webhookTls: tls },
    tuning: { retry: { baseMs: 20, capMs: 60 } },
  });

it('an untrusted certificate fails the handshake; the queue keeps retrying and never calls it delivered', async () => {
  esc = make();
  await esc.start();
  const before = handshakes;
  const { alert, delivered } = await esc.raise(sampleInput(), { waitForDeliveryMs: 100 });
  expect(delivered).toBe(false);
  for (let i = 0; i < 100 && handshakes - before < 3; i++) await new Promise((r) => setTimeout(r, 20));
  expect(handshakes - before).toBeGreaterThanOrEqual(3);
  expect(received).toEqual([]);
  expect((await esc.get(alert.id))?.state).toBe('raised');
});

it('with the private CA trusted (webhookTls), the alert is delivered over HTTPS', async () => {
  esc = make({ ca: cert });
  await esc.start();
  const { alert, delivered } = await esc.raise(sampleInput(), { waitForDeliveryMs: 3000 });
  expect(delivered).toBe(true);
  expect(received).toEqual([`${alert.id}:webhook`]);
});
