/**
 * CORS for the web channel's browser-facing routes. An origin is allowed when it is Starling's own
 * (the page it serves, PUBLIC_URL, or the Host the request was sent to) or listed in ALLOWED_ORIGINS.
 * A request from any other origin is refused with 403 (preflight or not); a request with no Origin
 * (same-origin GET, server-to-server) is let through without CORS headers.
 */
import type { Request, Response, Next } from 'restify';
import { refuse } from './http';

const ALLOW_HEADERS = 'authorization, content-type, x-ms-bot-agent, x-requested-with';
const ALLOW_METHODS = 'GET, POST, OPTIONS';

/** Paths the browser calls (the connector routes are server-to-server and are not here). */
export function isBrowserPath(path: string): boolean {
  return (
    (path.startsWith('/v3/directline/') && !path.startsWith('/v3/directline/connector/')) ||
    path === '/api/webchat/token' ||
    path === '/api/help-routes'
  );
}

export function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

export function corsMiddleware(opts: { allowed: string[]; ownOrigins: () => (string | undefined)[] }) {
  const listed = new Set(opts.allowed.map((o) => o.replace(/\/$/, '').toLowerCase()));
  const isAllowed = (origin: string, req: Request): boolean => {
    const o = origin.toLowerCase();
    if (listed.has(o)) return true;
    const host = req.headers.host?.toLowerCase();
    if (host && (o === `http://${host}` || o === `https://${host}`)) return true;
    return opts.ownOrigins().some((own) => own?.toLowerCase() === o);
  };

  return function cors(req: Request, res: Response, next: Next): void {
    const path = (req.getPath?.() ?? req.url ?? '').split('?')[0];
    if (!isBrowserPath(path)) return next();
    const origin = req.headers.origin;
    if (!origin) {
      if (req.method === 'OPTIONS') {
        res.writeHead(204);
        res.end();
        return next(false);
      }
      return next();
    }
    if (!isAllowed(origin, req)) {
      refuse(res, 403, 'OriginNotAllowed');
      return next(false);
    }
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Vary', 'Origin');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'Access-Control-Allow-Headers': ALLOW_HEADERS,
        'Access-Control-Allow-Methods': ALLOW_METHODS,
        'Access-Control-Max-Age': '600',
      });
      res.end();
      return next(false);
    }
    return next();
  };
}
