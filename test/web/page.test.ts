/**
 * The chat page in a real browser (Debian's Chromium through playwright-core), against the web channel with
 * a small test bot: welcome, a card button answered by clicking, the live region, text size, "Get help now"
 * from the services directory, quick exit, and an axe-core check.
 */
import { browserRequired, EXIT_URL, hasChromium, launch, runAxe, screenshotPath } from './browser';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { Page } from 'playwright-core';
import { MENU, startTestServer, WELCOME, type TestServer } from './support';

/** A message bubble in the transcript holding this text. */
const bubble = (page: Pick<Page, 'locator'>, text: string | RegExp) =>
  page.locator('#webchat .webchat__bubble__content').filter({ hasText: text }).first();
/** A button on a card in the transcript. */
const cardButton = (page: Pick<Page, 'locator'>, name: string) =>
  page.locator('#webchat .ac-pushButton').filter({ hasText: new RegExp(`^\\s*${name}\\s*$`) }).first();
/**
 * A school's site: a second local server (Chromium does not let a public page load from a loopback address,
 * so the school is on loopback too, on another port, hence another origin).
 */
let schoolServer: http.Server;
let SCHOOL = '';
let starlingUrl = '';

const maybe = hasChromium ? describe : describe.skip;
if (!hasChromium && browserRequired) {
  test('Chromium is installed for the browser tests (STARLING_REQUIRE_BROWSER=1)', () => {
    throw new Error('/usr/bin/chromium is missing: apt-get install -y chromium fonts-dejavu-core');
  });
}
// A browser on a busy 2-core CI machine can be slow to start and to load Web Chat.
jest.setTimeout(120_000);
if (!hasChromium) {
  // eslint-disable-next-line no-console
  console.warn('SKIPPED browser tests: /usr/bin/chromium is not installed (apt-get install -y chromium fonts-dejavu-core)');
}

maybe('chat page in Chromium', () => {
  let s: TestServer;
  let browser: Awaited<ReturnType<typeof launch>>;
  /** One Chromium for the file; each test gets a fresh page (same empty profile, nothing stored by the page). */
  let b: { page: Page; errors: string[] };
  beforeAll(async () => {
    schoolServer = http.createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end(`<!doctype html><html lang="en"><title>School</title><main><h1>Our school</h1></main><script src="${starlingUrl}/embed.js"></script></html>`);
    });
    await new Promise<void>((r) => schoolServer.listen(0, '127.0.0.1', () => r()));
    SCHOOL = `http://127.0.0.1:${(schoolServer.address() as { port: number }).port}`;
    s = await startTestServer({ ALLOWED_ORIGINS: SCHOOL });
    starlingUrl = s.url;
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await s?.close();
    schoolServer?.close();
  });
  beforeEach(async () => {
    browser.errors.length = 0;
    b = { page: await browser.context.newPage(), errors: browser.errors };
  });
  afterEach(async () => b?.page.close());

  test('shows the welcome, answers a card button, announces messages, and saves a screenshot', async () => {
    const { page } = b;
    await page.goto(s.url + '/');
    await bubble(page, WELCOME).waitFor({ timeout: 30000 });
    await cardButton(page, 'Good').click();
    await bubble(page, 'You said: good').waitFor({ timeout: 30000 });
    // The user's own message shows as sent, not "send failed".
    await expect(page.getByText(/send failed/i).count()).resolves.toBe(0);
    // New messages were put in the live region for screen readers.
    const live = page.locator('#announcer');
    await expect(live.getAttribute('aria-live')).resolves.toBe('polite');
    await page.waitForFunction(() => /You said: good/.test(document.getElementById('announcer')!.textContent ?? ''));
    await expect(live.textContent()).resolves.toContain('How are you today?');
    // a menu card with more than five choices shows every one of them
    for (const choice of MENU) await cardButton(page, choice).waitFor({ timeout: 10000 });
    await page.screenshot({ path: screenshotPath('webchat.png'), fullPage: true });
    expect(b.errors.filter((e) => /Content Security Policy|Refused to/.test(e))).toEqual([]);
  });

  test('has no serious or critical accessibility problems (axe-core)', async () => {
    const { page } = b;
    await page.goto(s.url + '/');
    await bubble(page, WELCOME).waitFor({ timeout: 30000 });
    await cardButton(page, 'Good').waitFor();
    const violations = await runAxe(page);
    const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad).toEqual([]);
  });

  test('A+ makes the chat text larger and A- smaller', async () => {
    const { page } = b;
    await page.goto(s.url + '/');
    const welcome = bubble(page, WELCOME);
    await welcome.waitFor({ timeout: 30000 });
    const size = () => welcome.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    const buttonSize = () => cardButton(page, 'Good').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    await cardButton(page, 'Good').waitFor();
    const before = await size();
    const buttonBefore = await buttonSize();
    await page.getByRole('button', { name: 'A+ bigger text' }).click();
    await page.getByRole('button', { name: 'A+ bigger text' }).click();
    const bigger = await size();
    expect(bigger).toBeGreaterThan(before);
    // card buttons grow too
    expect(await buttonSize()).toBeGreaterThan(buttonBefore);
    await page.getByRole('button', { name: 'A- smaller text' }).click();
    expect(await size()).toBeLessThan(bigger);
  });

  test('"Get help now" shows the routes from the services directory, one tap away', async () => {
    const { page } = b;
    await page.goto(s.url + '/');
    const api = (await (await fetch(s.url + '/api/help-routes')).json()) as { routes: { name: string; lines: { text: string; href?: string }[] }[] };
    expect(api.routes.length).toBeGreaterThanOrEqual(3);
    await page.getByRole('button', { name: 'Get help now' }).click();
    const dialog = page.getByRole('dialog', { name: 'Get help now' });
    await dialog.waitFor();
    for (const r of api.routes) {
      await expect(dialog.getByText(r.name, { exact: true }).count()).resolves.toBeGreaterThan(0);
      for (const line of r.lines) {
        const shown = line.href ? dialog.locator(`a[href="${line.href}"]`).filter({ hasText: line.text }) : dialog.getByText(line.text);
        await expect(shown.count()).resolves.toBeGreaterThan(0);
      }
    }
    // 999 is among them, as a phone link.
    await expect(dialog.locator('a[href="tel:999"]').count()).resolves.toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Back to the chat' }).click();
    await expect(dialog.isVisible()).resolves.toBe(false);
  });

  test('quick exit leaves for a neutral page without adding to history, and the chat is gone', async () => {
    const { page } = b;
    await page.goto(s.url + '/');
    await bubble(page, WELCOME).waitFor({ timeout: 30000 });
    const historyBefore = await page.evaluate(() => history.length);
    await page.getByRole('button', { name: 'Quick exit' }).click();
    await page.waitForURL(EXIT_URL);
    expect(await page.evaluate(() => history.length)).toBe(historyBefore);
    await expect(page.locator('#webchat').count()).resolves.toBe(0);
  });

  test('the embed script opens the chat in a frame, and quick exit there leaves the school page', async () => {
    const { page } = b;
    await page.goto(SCHOOL + '/');
    await page.getByRole('button', { name: 'Chat to Starling' }).click();
    const frame = page.frameLocator('iframe[title="Starling chat"]');
    await bubble(frame, WELCOME).waitFor({ timeout: 30000 });
    await frame.getByRole('button', { name: 'Quick exit' }).click();
    await page.waitForURL(EXIT_URL);
  });

  test('the botframework-directlinejs client itself talks to the built-in Direct Line', async () => {
    const { page } = b;
    await page.goto(s.url + '/embed.js'); // any page on Starling's origin
    await page.addScriptTag({ content: readFileSync(require.resolve('botframework-directlinejs/dist/directline.js'), 'utf8') });
    const result = await page.evaluate(async () => {
      const t = (await (await fetch('/api/webchat/token', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).json()) as {
        token: string;
      };
      // the UMD bundle sets window.DirectLine to the module: { DirectLine, ConnectionStatus, ... }
      const { DirectLine } = (window as unknown as { DirectLine: { DirectLine: new (o: object) => any } }).DirectLine;
      const dl = new DirectLine({ domain: location.origin + '/v3/directline', token: t.token, webSocket: false, pollingInterval: 300 });
      const seen: { id: string; text?: string; role?: string }[] = [];
      dl.activity$.subscribe((a: any) => seen.push({ id: a.id, text: a.text, role: a.from?.role }));
      const until = (f: () => boolean) =>
        new Promise<void>((resolve, reject) => {
          const t0 = Date.now();
          const tick = () => (f() ? resolve() : Date.now() - t0 > 30000 ? reject(new Error('timed out')) : setTimeout(tick, 100));
          tick();
        });
      await until(() => seen.some((a) => a.role === 'bot'));
      const id: string = await new Promise((resolve, reject) =>
        dl.postActivity({ type: 'message', from: { id: 'someone', role: 'user' }, text: 'hi from directlinejs' }).subscribe(resolve, reject),
      );
      await until(() => seen.some((a) => a.text === 'You said: hi from directlinejs'));
      dl.end();
      return { id, seen };
    });
    expect(result.seen.find((a) => a.role === 'bot')?.text).toBe(WELCOME);
    expect(result.seen.find((a) => a.id === result.id)?.text).toBe('hi from directlinejs');
  });
});
