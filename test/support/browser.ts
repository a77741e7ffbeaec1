// Headless Chromium for browser tests: Debian's build, sealed off from the internet.
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Installed by scripts/ensure-chromium.mjs; playwright-core never downloads a browser of its own here. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

const SCREENSHOTS = resolve(__dirname, '../artifacts/screenshots');

/** Fails (rather than skipping) when Chromium is missing, so a broken machine cannot pass the browser tests. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // --no-sandbox: containers and CI runners seldom allow Chromium's user-namespace sandbox.
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export interface SealedContext {
  context: BrowserContext;
  /** URLs the page tried to reach outside the allowed origin, in order. */
  blockedRequests: string[];
  /** console.error output from any page or frame, less the noise of the requests we blocked ourselves. */
  consoleErrors: string[];
  /** Uncaught exceptions and unhandled rejections from any page or frame. */
  pageErrors: string[];
}

/**
 * A context that can only talk to `allowedOrigin` (e.g. 'http://127.0.0.1:4321'). Everything else is
 * aborted before it leaves the browser: teams-js, for one, fetches its list of valid host domains from a
 * Microsoft CDN at start-up, and a test must neither depend on that nor leak traffic to it.
 */
export async function openContext(browser: Browser, allowedOrigin: string): Promise<SealedContext> {
  // Reduced motion: the tab then draws theme changes without a colour transition, so axe measures the final
  // colours, not a frame half-way through a 0.1 s fade.
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
  const sealed: SealedContext = { context, blockedRequests: [], consoleErrors: [], pageErrors: [] };

  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin === allowedOrigin) return route.continue();
    sealed.blockedRequests.push(url);
    return route.abort('blockedbyclient');
  });
  context.on('console', (message) => {
    // Chromium logs each aborted request as an error; those are already in blockedRequests.
    if (message.type() === 'error' && !message.text().includes('net::ERR_BLOCKED_BY_CLIENT')) sealed.consoleErrors.push(message.text());
  });
  context.on('weberror', (error) => sealed.pageErrors.push(String(error.error())));
  return sealed;
}

/** Saves a full-page PNG under test/artifacts/screenshots/ (gitignored) and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOTS, { recursive: true });
  const path = resolve(SCREENSHOTS, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
