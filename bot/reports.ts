/**
 * GET /api/reports?from=YYYY-MM-DD&to=YYYY-MM-DD&format=csv|json|html : the commissioner report over HTTP.
 *
 * - Off (route not registered, so 404) unless REPORT_API_KEY is set.
 * - The key comes as `Authorization: Bearer <key>` or `X-API-Key: <key>`; it is compared in constant time
 *   (SHA-256 digests of both, crypto.timingSafeEqual). A missing or wrong key gets 401 and no data.
 * - Bad dates or format get 400 with a one-line message. Only suppressed figures ever leave (core/reports).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type * as restify from 'restify';
import type { Config } from '../core/config';
import type { Logger } from '../core/logging';
import {
  CONTENT_TYPES,
  loadReportData,
  makeReport,
  parseFormat,
  parsePeriod,
  renderReport,
  ReportInputError,
} from '../core/reports';
import type { Store } from '../core/storage';

export const REPORTS_PATH = '/api/reports';

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/** Constant-time check of a presented key against the configured one. */
export function keyMatches(presented: string | undefined, expectedDigest: Buffer): boolean {
  const got = sha256(presented ?? '');
  return timingSafeEqual(got, expectedDigest) && presented !== undefined && presented !== '';
}

function presentedKey(req: restify.Request): string | undefined {
  const auth = req.headers.authorization;
  if (typeof auth === 'string') {
    const m = /^Bearer\s+(.+)$/i.exec(auth.trim());
    if (m) return m[1].trim();
  }
  const x = req.headers['x-api-key'];
  return typeof x === 'string' ? x.trim() : undefined;
}

function reply(res: ServerResponse, status: number, contentType: string, body: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...extra,
  });
  res.end(body);
}

const jsonError = (res: ServerResponse, status: number, message: string, extra?: Record<string, string>) =>
  reply(res, status, 'application/json; charset=utf-8', JSON.stringify({ error: message }) + '\n', extra);

export function registerReportRoutes(server: restify.Server, deps: { store: Store; config: Config; log: Logger }): void {
  const log = deps.log.child({ component: 'reports' });
  const key = deps.config.REPORT_API_KEY;
  if (!key) {
    log.info({ path: REPORTS_PATH }, 'reports endpoint off (REPORT_API_KEY not set)');
    return;
  }
  const expected = sha256(key);

  server.get(REPORTS_PATH, async (req: restify.Request, res: restify.Response) => {
    if (!keyMatches(presentedKey(req), expected)) {
      log.warn({ status: 401 }, 'report request without a valid key');
      jsonError(res, 401, 'a valid report API key is needed', { 'WWW-Authenticate': 'Bearer realm="starling-reports"' });
      return;
    }
    const q = new URL(req.url ?? '/', 'http://localhost').searchParams;
    try {
      const period = parsePeriod(q.get('from') ?? undefined, q.get('to') ?? undefined, { from: 'from', to: 'to' });
      const format = parseFormat(q.get('format') ?? undefined, 'format');
      const data = await loadReportData(deps.store, period);
      const report = makeReport(data, period);
      const extra: Record<string, string> =
        format === 'html'
          ? { 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:" }
          : { 'Content-Disposition': `attachment; filename="starling-report-${period.from}-to-${period.to}.${format}"` };
      reply(res, 200, CONTENT_TYPES[format], renderReport(report, format), extra);
      log.info({ from: period.from, to: period.to, format, empty: report.empty }, 'report served');
    } catch (e) {
      if (e instanceof ReportInputError) {
        jsonError(res, 400, e.message);
        return;
      }
      log.error({ err: e }, 'report failed');
      jsonError(res, 500, 'the report could not be made');
    }
  });
}
