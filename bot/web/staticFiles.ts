/**
 * The chat page (/), the school embed script (/embed.js), the page's own assets (/assets/*) and Web Chat's
 * standalone bundle, served from the project (no CDN).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Request, Response, Server } from 'restify';
import { ROOT } from '../../core/paths';
import { refuse } from './http';

export const WEB_DIR = path.join(ROOT, 'web');

/**
 * botframework-webchat's exports map blocks require.resolve('botframework-webchat/dist/webchat.js'), so the
 * bundle is found from the package's main file: walk up from it to the folder holding package.json.
 */
export function webchatBundlePath(): string {
  let dir = path.dirname(require.resolve('botframework-webchat'));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('botframework-webchat package.json not found');
    dir = up;
  }
  return path.join(dir, 'dist', 'webchat.js');
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
};

interface Cached {
  body: Buffer;
  gz?: Buffer;
  type: string;
}

function send(req: Request, res: Response, file: Cached, headers: Record<string, string>): void {
  const gzipOk = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  if (gzipOk && !file.gz && file.body.length > 1024) file.gz = gzipSync(file.body);
  const useGz = gzipOk && file.gz !== undefined;
  const body = useGz ? file.gz! : file.body;
  res.writeHead(200, {
    'Content-Type': file.type,
    'Content-Length': body.length,
    'X-Content-Type-Options': 'nosniff',
    Vary: 'Accept-Encoding',
    ...(useGz ? { 'Content-Encoding': 'gzip' } : {}),
    ...headers,
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

export interface PageOptions {
  /** Origins allowed to frame the page (a school's site), besides Starling's own. */
  frameAncestors: string[];
  /** The "Get help now" contents, rendered into the page so they show even if the network drops later. */
  helpRoutes: () => unknown;
  /** Caches files in memory (production); off in development so edits show on reload. */
  cache: boolean;
}

export function pageSecurityHeaders(frameAncestors: string[]): Record<string, string> {
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    // Web Chat styles itself with inline <style> elements.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    "connect-src 'self' https://directline.botframework.com wss://directline.botframework.com",
    "media-src 'self' blob: https:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors 'self'${frameAncestors.length ? ' ' + frameAncestors.join(' ') : ''}`,
  ].join('; ');
  return {
    'Content-Security-Policy': csp,
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    'Permissions-Policy': 'geolocation=(), camera=(), microphone=()',
  };
}

export function registerStatic(server: Server, opts: PageOptions): void {
  const cache = new Map<string, Cached>();
  const load = (file: string): Cached | undefined => {
    const hit = cache.get(file);
    if (hit) return hit;
    if (!existsSync(file)) return undefined;
    const entry = { body: readFileSync(file), type: TYPES[path.extname(file)] ?? 'application/octet-stream' };
    if (opts.cache || file.endsWith('webchat.js')) cache.set(file, entry);
    return entry;
  };
  const pageHeaders = pageSecurityHeaders(opts.frameAncestors);

  const page = async (req: Request, res: Response) => {
    const html = load(path.join(WEB_DIR, 'index.html'));
    if (!html) return refuse(res, 404, 'NotFound');
    const json = JSON.stringify({ routes: opts.helpRoutes() }).replace(/</g, '\\u003c');
    const body = Buffer.from(
      html.body.toString('utf8').replace('<!--HELP_ROUTES-->', `<script type="application/json" id="help-routes">${json}</script>`),
    );
    send(req, res, { body, type: html.type }, pageHeaders);
  };
  server.get('/', page);
  server.get('/index.html', page);

  server.get('/embed.js', async (req: Request, res: Response) => {
    const f = load(path.join(WEB_DIR, 'embed.js'));
    if (!f) return refuse(res, 404, 'NotFound');
    send(req, res, f, { 'Cache-Control': 'public, max-age=300', 'Access-Control-Allow-Origin': '*' });
  });

  server.get('/assets/webchat.js', async (req: Request, res: Response) => {
    const f = load(webchatBundlePath());
    if (!f) return refuse(res, 404, 'NotFound');
    send(req, res, f, { 'Cache-Control': 'public, max-age=86400' });
  });

  server.get('/assets/:name', async (req: Request, res: Response) => {
    const name = String(req.params.name ?? '');
    if (!/^[a-z0-9][a-z0-9._-]*\.(js|css|svg|png)$/i.test(name) || name.includes('..')) return refuse(res, 404, 'NotFound');
    const f = load(path.join(WEB_DIR, 'assets', name));
    if (!f) return refuse(res, 404, 'NotFound');
    send(req, res, f, { 'Cache-Control': opts.cache ? 'public, max-age=300' : 'no-cache' });
  });
}
