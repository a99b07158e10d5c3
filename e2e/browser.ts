/** The system Chromium for browser journeys, or a one-line reason why the journeys are skipped. */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startTestServer } from '../test/helpers/server.js';
import { ensureWebBuilt } from './web-build.js';

/** Where the Chromium binary is expected (`KEHU_CHROMIUM` overrides). */
export const chromiumPath: string = process.env.KEHU_CHROMIUM ?? '/usr/bin/chromium';

/** True when the journeys can run here. */
export const hasChromium: boolean = existsSync(chromiumPath);

if (!hasChromium)
  console.log(`Browser journeys skipped: no Chromium at ${chromiumPath} (set KEHU_CHROMIUM).`);

/** Screenshots of every journey land here (git-ignored) for a person to look at. */
export const screenshotDir: string = path.resolve(import.meta.dirname, 'screenshots');

/** Starts a headless Chromium with the flags that keep it quiet and sandbox-free in CI. */
export async function launchBrowser(): Promise<Browser> {
  mkdirSync(screenshotDir, { recursive: true });
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Saves a screenshot of `page` as e2e/screenshots/<name>.png. */
export async function snap(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

/** Fills the sign-in form as a demo user (all share the demo password); admin by default. */
export async function signIn(page: Page, email = 'admin@demo.kehu.local'): Promise<void> {
  await page.getByTestId('sign-in-email').fill(email);
  await page.getByTestId('sign-in-password').fill('kehu-demo');
  await page.getByTestId('sign-in-submit').click();
}

/** What one journey file drives: a demo server, a Chromium and a desktop-size English page. */
export type Journey = {
  server: Awaited<ReturnType<typeof startTestServer>>;
  browser: Browser;
  page: Page;
};

/** Builds the web app if stale, starts a demo server and opens a 1280x860 page (English unless told) in Chromium. */
export async function openJourney(locale = 'en-US'): Promise<Journey> {
  ensureWebBuilt();
  const server = await startTestServer({ demo: true });
  const browser = await launchBrowser();
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return { server, browser, page };
}

/** Closes what openJourney opened; safe when it failed half-way. */
export async function closeJourney(journey: Partial<Journey>): Promise<void> {
  await journey.browser?.close();
  await journey.server?.close();
}
