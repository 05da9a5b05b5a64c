import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as restify from 'restify';
import { registerReportRoutes } from '../../bot/reports';
import { parseConfig } from '../../core/config';
import { createLogger } from '../../core/logging';
import { saveOutcomeAnswer } from '../../core/outcomes';
import { keys } from '../../core/records/types';
import { MemoryStore } from '../../core/storage';
import { fixtureAnswers, fixtureCheckIns } from './fixture';

const KEY = 'a-long-report-key-for-tests-0123456789';

async function seededStore(): Promise<MemoryStore> {
  const store = new MemoryStore();
  for (const a of fixtureAnswers()) await saveOutcomeAnswer(store, a);
  for (const c of fixtureCheckIns()) {
    await store.setJson(keys.checkIn(c.id), c);
    await store.setAdd(keys.allCheckIns(), c.id);
  }
  return store;
}

async function serve(env: Record<string, string>): Promise<{ url: string; close: () => Promise<void> }> {
  const server = restify.createServer({ name: 'test' });
  registerReportRoutes(server, { store: await seededStore(), config: parseConfig({ NODE_ENV: 'test', ...env }), log: createLogger({ level: 'silent' }) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      })
      .on('error', reject);
  });
}

describe('GET /api/reports', () => {
  let srv: { url: string; close: () => Promise<void> };
  beforeAll(async () => {
    srv = await serve({ REPORT_API_KEY: KEY });
  });
  afterAll(async () => {
    await srv.close();
  });
  const q = '/api/reports?from=2026-01-01&to=2026-01-31&format=json';

  it('answers a missing key with 401 and no data', async () => {
    const r = await get(srv.url + q);
    expect(r.status).toBe(401);
    expect(r.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(r.body).not.toMatch(/3\.6|measures|young_people|youngPeople/);
  });

  it('answers a wrong key with 401 and no data, whichever header carries it', async () => {
    const variants: Record<string, string>[] = [{ authorization: `Bearer ${KEY}x` }, { authorization: `Bearer ${KEY.slice(0, -1)}` }, { 'x-api-key': 'nope' }, { authorization: KEY }];
    for (const h of variants) {
      const r = await get(srv.url + q, h);
      expect(r.status).toBe(401);
      expect(r.body).not.toMatch(/measures|youngPeople/);
    }
  });

  it('serves the suppressed report to the right key', async () => {
    const r = await get(srv.url + q, { authorization: `Bearer ${KEY}` });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/^application\/json/);
    expect(r.headers['cache-control']).toBe('no-store');
    const body = JSON.parse(r.body);
    const m = body.measures.find((x: { id: string }) => x.id === '3.6');
    expect(m.groups.find((g: { group: string }) => g.group === '8-11').people).toBe('<5');
    expect(m.groups.find((g: { group: string }) => g.group === 'all').people).toBe(15);
  });

  it('serves CSV and HTML, and accepts the key as X-API-Key', async () => {
    const csv = await get(srv.url + q.replace('json', 'csv'), { 'x-api-key': KEY });
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body.startsWith('section,measure_type')).toBe(true);
    const html = await get(srv.url + q.replace('json', 'html'), { 'x-api-key': KEY });
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.headers['content-security-policy']).toContain("default-src 'none'");
    expect(html.body).toContain('<svg');
  });

  it('answers bad dates or format with 400 and a one-line reason', async () => {
    const cases: [string, RegExp][] = [
      ['/api/reports?from=2026-02-30&to=2026-03-01', /^from is not a real date/],
      ['/api/reports?from=2026-03-01&to=2026-02-01', /^to \(2026-02-01\) is before from/],
      ['/api/reports?to=2026-03-01', /^from is missing/],
      ['/api/reports?from=2026-01-01&to=2026-01-31&format=xlsx', /^format must be one of csv, json, html/],
    ];
    for (const [path, msg] of cases) {
      const r = await get(srv.url + path, { authorization: `Bearer ${KEY}` });
      expect(r.status).toBe(400);
      const { error } = JSON.parse(r.body);
      expect(error).toMatch(msg);
      expect(error).not.toContain('\n');
    }
  });
});

describe('GET /api/reports with no key configured', () => {
  it('is off: 404, even with a key presented', async () => {
    const srv = await serve({});
    const r = await get(srv.url + '/api/reports?from=2026-01-01&to=2026-01-31', { authorization: `Bearer ${KEY}` });
    expect(r.status).toBe(404);
    expect(r.body).not.toMatch(/measures|youngPeople/);
    await srv.close();
  });
});
