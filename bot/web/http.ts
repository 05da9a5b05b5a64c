/** Small HTTP helpers for the web channel's routes (restify 11 request/response are node's, extended). */
import type { Request, Response } from 'restify';

/** Sends a JSON body with the given status. Nothing else is added, so error answers carry no data. */
export function sendJson(res: Response, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

/** A refusal with no detail: the caller learns only the status. */
export function refuse(res: Response, status: 400 | 401 | 403 | 404 | 413 | 429 | 502 | 503, code: string): void {
  sendJson(res, status, { error: { code } });
}

/** The request's JSON body, whether or not a body parser ran before us. Throws on bad JSON or a body over `limit` bytes. */
export async function jsonBody(req: Request, limit = 64 * 1024): Promise<unknown> {
  const parsed = (req as unknown as { body?: unknown }).body;
  if (parsed !== undefined && parsed !== null) {
    if (Buffer.isBuffer(parsed)) return parsed.length ? JSON.parse(parsed.toString('utf8')) : {};
    if (typeof parsed === 'string') return parsed.length ? JSON.parse(parsed) : {};
    return parsed;
  }
  if (req.readableEnded) return {};
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as unknown as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new BodyTooLarge();
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : {};
}

export class BodyTooLarge extends Error {}

/** The bearer token of a request, or '' when there is none. */
export function bearer(req: Request): string {
  const h = req.headers.authorization ?? '';
  const m = /^Bearer\s+(\S+)$/i.exec(h);
  return m ? m[1] : '';
}

/**
 * The address a request came from, for rate limiting. In production Starling runs behind App Service's
 * front end, which appends the caller's address to X-Forwarded-For: the last entry is the one it saw
 * (a caller can only prepend entries). Anywhere else the socket address is used, so a header cannot dodge the limit.
 */
export function clientIp(req: Request, behindProxy: boolean): string {
  if (behindProxy) {
    const xff = req.headers['x-forwarded-for'];
    const raw = Array.isArray(xff) ? xff.join(',') : xff;
    const last = raw?.split(',').map((s) => s.trim()).filter(Boolean).pop();
    if (last) return stripPort(last);
  }
  return req.socket?.remoteAddress ?? 'unknown';
}

function stripPort(addr: string): string {
  const v6 = /^\[([^\]]+)\](?::\d+)?$/.exec(addr);
  if (v6) return v6[1];
  const v4 = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(addr);
  return v4 ? v4[1] : addr;
}
