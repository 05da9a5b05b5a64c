/**
 * The chat page against the real Starling app (bot/server.ts createApp): the welcome arrives, a card or
 * suggested-action button answers, the reply arrives; a screenshot is saved; axe finds nothing serious.
 * If createApp does not yet add the web channel itself, this test adds it the way the server will.
 */
import type { Page } from 'playwright-core';
import { parseConfig } from '../../core/config';
import { createLogger } from '../../core/logging';
import { createApp, type App } from '../../bot/server';
import { registerWebChannel } from '../../bot/web';
import { browserRequired, hasChromium, launch, runAxe, screenshotPath } from './browser';

const maybe = hasChromium ? describe : describe.skip;
if (!hasChromium && browserRequired) {
  test('Chromium is installed for the browser tests (STARLING_REQUIRE_BROWSER=1)', () => {
    throw new Error('/usr/bin/chromium is missing: apt-get install -y chromium fonts-dejavu-core');
  });
}
// A browser on a busy 2-core CI machine can be slow to start and to load Web Chat.
jest.setTimeout(120_000);

const BOT_BUBBLES = '#webchat .webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content';
const BUTTONS = '#webchat .ac-pushButton:not([disabled]), #webchat .webchat__suggested-action:not([disabled])';

async function botCount(page: Page): Promise<number> {
  return page.locator(BOT_BUBBLES).count();
}

maybe('chat page on the real Starling app', () => {
  let app: App;
  let url = '';
  let channel: { close(): Promise<void> } | undefined;

  beforeAll(async () => {
    const config = parseConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ALLOW_MEMORY_STORAGE: 'true' });
    app = await createApp({ config, log: createLogger({ level: 'silent' }) });
    const routes = (app.server.getDebugInfo() as { routes: { path: string }[] }).routes.map((r) => String(r.path));
    if (!routes.includes('/v3/directline/conversations')) {
      channel = registerWebChannel(app.server, { adapter: app.adapter, bot: app.bot, config, log: app.log, baseUrl: () => url });
    }
    url = await app.listen(0, '127.0.0.1');
  });
  afterAll(async () => {
    await channel?.close();
    await app?.close();
  });

  test('welcome, a button answered, a reply; screenshot and axe', async () => {
    const b = await launch();
    try {
      const { page } = b;
      await page.goto(url + '/');
      await page.locator(BOT_BUBBLES).first().waitFor({ timeout: 30000 });
      const button = page.locator(BUTTONS).first();
      await button.waitFor({ timeout: 30000 });
      const before = await botCount(page);
      await button.click();
      await page.waitForFunction(
        ([sel, n]) => document.querySelectorAll(sel as string).length > (n as number),
        [BOT_BUBBLES, before] as const,
        { timeout: 30000 },
      );
      await expect(page.getByText(/send failed/i).count()).resolves.toBe(0);
      // the live region carries what the bot said
      await expect(page.locator('#announcer p').count()).resolves.toBeGreaterThan(0);
      await page.screenshot({ path: screenshotPath('starling-webchat.png'), fullPage: true });
      const bad = (await runAxe(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(bad).toEqual([]);
    } catch (err) {
      await b.page.screenshot({ path: screenshotPath('starling-webchat-failed.png'), fullPage: true }).catch(() => undefined);
      throw err;
    } finally {
      await b.close();
    }
  });
});
