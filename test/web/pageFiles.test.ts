/** What the web channel serves: Web Chat from the project, help routes from the directory, no numbers in the page's own files. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadDirectory } from '../../core/services';
import { helpRoutesJson } from '../../bot/web/helpRoutes';
import { webchatBundlePath, WEB_DIR } from '../../bot/web/staticFiles';
import { startTestServer, type TestServer } from './support';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ ALLOWED_ORIGINS: 'https://school.example.sch.uk' });
});
afterAll(async () => s.close());

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

test("the page's own files carry no phone numbers or short codes and load nothing from a CDN", () => {
  for (const file of filesUnder(WEB_DIR).filter((f) => /\.(html|js|css)$/.test(f))) {
    const text = readFileSync(file, 'utf8');
    // numbers like 999, 111, 0800 1111, 85258, 116 123 (colours like #1d4e89 and sizes are not numbers people dial)
    const dialled = text.match(/(?<![#\w.-])(999|111|116 ?\d{3}|0[1-9]\d{2,3} ?\d{3,4} ?\d{0,4}|\d{5})(?![\w%.])/g) ?? [];
    expect({ file: path.basename(file), dialled }).toEqual({ file: path.basename(file), dialled: [] });
    expect(text).not.toMatch(/cdn\.botframework\.com|unpkg\.com|jsdelivr/);
  }
});

test('Web Chat is served from the project itself', async () => {
  const res = await fetch(`${s.url}/assets/webchat.js`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/javascript/);
  const body = await res.text();
  expect(body.length).toBe(readFileSync(webchatBundlePath(), 'utf8').length);
  expect(body).toContain('WebChat');
});

test('the page carries the help routes from the services directory and a strict content policy', async () => {
  const res = await fetch(`${s.url}/`);
  expect(res.status).toBe(200);
  const csp = res.headers.get('content-security-policy') ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'self' https://school.example.sch.uk");
  const html = await res.text();
  const inline = /<script type="application\/json" id="help-routes">(.*?)<\/script>/.exec(html);
  expect(inline).not.toBeNull();
  const fromPage = JSON.parse(inline![1]) as { routes: { name: string; lines: { text: string }[] }[] };
  const dir = loadDirectory({ strict: false });
  const expected = helpRoutesJson(dir, new Date());
  expect(fromPage.routes.map((r) => r.name)).toEqual(expected.map((r) => r.name));
});

test('GET /api/help-routes: 999, 111 mental health option, Childline and Shout, with tap targets', async () => {
  const res = await fetch(`${s.url}/api/help-routes?age=14`);
  expect(res.status).toBe(200);
  const { routes } = (await res.json()) as { routes: { id: string; name: string; lines: { text: string; href?: string }[] }[] };
  const dir = loadDirectory({ strict: false });
  const all = [...dir.services, ...(dir.fallback ?? [])];
  const numbersOf = (id: string) =>
    all.find((x) => x.id === id)!.contacts.flatMap((c) => ('number' in c ? [c.number.replace(/\D/g, '')] : []));
  const ids = routes.map((r) => r.id);
  expect(ids.length).toBeGreaterThanOrEqual(4);
  expect(ids).toEqual(expect.arrayContaining(['childline', 'shout']));
  // The first two are the emergency and urgent mental health lines, with their numbers from the directory.
  for (const r of routes) {
    const hrefs = r.lines.flatMap((l) => (l.href ? [l.href] : []));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const h of hrefs.filter((x) => /^(tel|sms):/.test(x))) {
      expect(numbersOf(r.id)).toContain(h.replace(/^(tel|sms):/, '').split('?')[0]);
    }
  }
  // A 22-year-old is not offered an under-19s line.
  const older = (await (await fetch(`${s.url}/api/help-routes?age=22`)).json()) as { routes: { id: string }[] };
  expect(older.routes.map((r) => r.id)).not.toContain('childline');
});

test('the embed script is served for schools to load from any site', async () => {
  const res = await fetch(`${s.url}/embed.js`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/javascript/);
  expect(await res.text()).toContain('starling:quick-exit');
});

test('asset names cannot climb out of web/assets', async () => {
  for (const p of ['/assets/..%2Findex.html', '/assets/..%2F..%2Fpackage.json', '/assets/%2e%2e%2fembed.js']) {
    expect((await fetch(`${s.url}${p}`)).status).toBe(404);
  }
});
