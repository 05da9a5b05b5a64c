/**
 * GET /api/help-routes[?age=N]: the "Get help now" panel's contents, straight from the services directory
 * (the emergency line, the NHS line with its mental health option, and the 24/7 listening lines that take this age). The page never
 * carries a number of its own. Each line gets a tap target (tel:, sms: or the service's page) when the
 * directory entry says how to reach it.
 */
import type { Request, Response, Server } from 'restify';
import { crisisRoutes, loadDirectory, type Directory, type Service, type ServiceView } from '../../core/services';
import type { Logger } from '../../core/logging';
import { sendJson } from './http';

export interface HelpLine {
  text: string;
  href?: string;
}
export interface HelpRouteJson {
  id: string;
  name: string;
  lines: HelpLine[];
  openNow: boolean;
  opensAt?: string;
  free: boolean;
  billNote?: string;
  url?: string;
}

const digits = (s: string) => s.replace(/\D/g, '');

/** The tap target for a contact line: the directory contact whose number (or address) the line shows. */
function hrefFor(line: string, service: Service | undefined): string | undefined {
  if (!service) return undefined;
  const numbers = (line.match(/\d[\d ]*\d|\d/g) ?? []).map(digits);
  for (const c of service.contacts) {
    if ((c.kind === 'phone' || c.kind === 'textphone' || c.kind === 'sms') && numbers.includes(digits(c.number))) {
      if (c.kind !== 'sms') return `tel:${digits(c.number)}`;
      return `sms:${digits(c.number)}${c.keyword ? `?&body=${encodeURIComponent(c.keyword)}` : ''}`;
    }
    if ((c.kind === 'chat' || c.kind === 'web' || c.kind === 'form') && line.includes(c.url)) return c.url;
  }
  return undefined;
}

export function helpRoutesJson(dir: Directory, now: Date, age?: number): HelpRouteJson[] {
  const views: ServiceView[] = crisisRoutes(dir, { now, age });
  const all = [...dir.services, ...(dir.fallback ?? [])];
  return views.map((v) => {
    const service = all.find((s) => s.id === v.id);
    return {
      id: v.id,
      name: v.name,
      lines: v.contact.map((text) => ({ text, href: hrefFor(text, service) })),
      openNow: v.openNow,
      opensAt: v.opensAt,
      free: v.free,
      billNote: v.billNote,
      url: v.url,
    };
  });
}

export function createHelpRoutesSource(log: Logger, now: () => Date): (age?: number) => HelpRouteJson[] {
  let dir: Directory | undefined;
  return (age?: number) => {
    if (!dir) {
      // Not strict: a damaged entry drops out and crisisRoutes falls back to the built-in set.
      dir = loadDirectory({ now: now(), strict: false });
      for (const w of dir.warnings) log.warn({ directory: true }, w);
    }
    return helpRoutesJson(dir, now(), age);
  };
}

export function registerHelpRoutes(server: Server, source: (age?: number) => HelpRouteJson[]): void {
  server.get('/api/help-routes', async (req: Request, res: Response) => {
    const raw = typeof req.query?.age === 'string' ? req.query.age : undefined;
    const age = raw && /^\d{1,2}$/.test(raw) ? Number(raw) : undefined;
    sendJson(res, 200, { routes: source(age) });
  });
}
