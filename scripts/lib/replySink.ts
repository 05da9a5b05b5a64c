/**
 * A stand-in for the Bot Framework connector: the bot's replies are POSTed here (the activity's
 * serviceUrl), and tests read what a young person would have seen.
 */
import http from 'node:http';
import { AddressInfo } from 'node:net';

export interface SentActivity {
  type: string;
  text?: string;
  attachments?: { contentType: string; content?: any; contentUrl?: string; name?: string }[];
  conversation?: { id: string };
  [k: string]: unknown;
}

export interface ReplySink {
  url: string;
  received: { conversationId: string; activity: SentActivity }[];
  forConversation(id: string): SentActivity[];
  clear(): void;
  close(): Promise<void>;
}

/** keep: false answers without keeping what arrives (for the bench). */
export async function startReplySink(opts: { keep?: boolean } = {}): Promise<ReplySink> {
  const keep = opts.keep ?? true;
  const received: ReplySink['received'] = [];
  let n = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const m = /\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '');
      if (req.method === 'POST' && m) {
        try {
          if (keep) received.push({ conversationId: decodeURIComponent(m[1]), activity: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
        } catch {
          /* ignore unreadable */
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `sent-${++n}` }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    received,
    forConversation: (id) => received.filter((r) => r.conversationId === id).map((r) => r.activity),
    clear: () => {
      received.length = 0;
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections?.();
        server.close(() => r());
      }),
  };
}

/** Everything a young person would read in these activities: texts and the text inside cards. */
export function visibleText(acts: SentActivity[]): string {
  const parts: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') parts.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      for (const k of ['text', 'title', 'altText', 'alt']) if (typeof o[k] === 'string') parts.push(o[k] as string);
      for (const k of ['body', 'actions', 'items', 'columns', 'content', 'facts', 'buttons']) if (o[k]) walk(o[k]);
    }
  };
  for (const a of acts) {
    if (a.text) parts.push(a.text);
    for (const att of a.attachments ?? []) walk(att.content);
  }
  return parts.join('\n');
}

/** The buttons (card actions) in these activities, in order, wherever they sit in the card. */
export function buttons(acts: SentActivity[]): { title: string; data?: unknown }[] {
  const out: { title: string; data?: unknown }[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.type === 'string' && /^Action\./.test(o.type) && typeof o.title === 'string') out.push({ title: o.title, data: o.data });
      for (const k of ['body', 'actions', 'items', 'columns', 'content']) if (o[k]) walk(o[k]);
    }
  };
  for (const a of acts) for (const att of a.attachments ?? []) walk(att.content);
  return out;
}

/** The data of the button with this title (what pressing it sends). */
export function buttonData(acts: SentActivity[], title: string): unknown {
  const b = buttons(acts).find((x) => x.title === title);
  if (!b) throw new Error(`no button "${title}" in: ${buttons(acts).map((x) => x.title).join(', ')}`);
  return b.data;
}

/** The button titles in these activities' cards. */
export function buttonTitles(acts: SentActivity[]): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.type === 'string' && /^Action\./.test(o.type) && typeof o.title === 'string') out.push(o.title);
      if (Array.isArray(o.buttons)) for (const b of o.buttons as any[]) if (b?.title) out.push(b.title);
      for (const k of ['body', 'actions', 'items', 'columns', 'content']) if (o[k]) walk(o[k]);
    }
  };
  for (const a of acts) for (const att of a.attachments ?? []) walk(att.content);
  return out;
}
