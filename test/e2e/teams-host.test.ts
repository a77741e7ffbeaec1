// Proves the browser-test harness itself: a tiny teams-js page, served locally, run inside the fake Teams host.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { build } from 'esbuild';
import type { Browser, Frame } from 'playwright-core';
import { seriousViolations } from '../support/axe';
import { launchChromium, openContext, saveScreenshot } from '../support/browser';
import { openInTeamsHost } from '../support/teams-host';

jest.setTimeout(30_000);

const CDN_DOMAIN_LIST = 'https://res.cdn.office.net/teams-js/validDomains/json/validDomains.json';

// Outside Teams initialize() rejects at once; inside, the race only matters if the host never answers.
const PROBE = `
import { app, authentication } from '@microsoft/teams-js';

const show = (id: string, text: string) => { document.getElementById(id)!.textContent = text; };

async function main() {
  try {
    await Promise.race([app.initialize(), new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), 3000))]);
  } catch (error) {
    show('status', 'standalone: ' + (error as Error).message);
    return;
  }
  const context = await app.getContext();
  show('theme', context.app.theme);
  show('tenant', context.user?.tenant?.id ?? '');
  show('upn', context.user?.userPrincipalName ?? '');
  show('locale', context.app.locale);
  show('frame', context.page.frameContext + ' / ' + context.app.host.name + ' / ' + context.app.host.clientType);
  app.registerOnThemeChangeHandler((theme) => show('theme', theme));
  try {
    show('token', await authentication.getAuthToken());
  } catch (error) {
    show('token', 'failed: ' + (error as Error).message);
  }
  app.notifySuccess();
  show('status', 'ready');
}
main();
`;

const INDEX = `<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><title>Harness probe</title><link rel="icon" href="data:,"></head>
<body>
<main>
<h1>Harness probe</h1>
<dl>
  <dt>Status</dt><dd id="status">loading</dd>
  <dt>Theme</dt><dd id="theme"></dd>
  <dt>Tenant</dt><dd id="tenant"></dd>
  <dt>User</dt><dd id="upn"></dd>
  <dt>Locale</dt><dd id="locale"></dd>
  <dt>Frame</dt><dd id="frame"></dd>
  <dt>Token</dt><dd id="token"></dd>
</dl>
</main>
<script src="probe.js"></script>
</body>
</html>`;

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };

let dir: string;
let server: Server;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'reflect-teams-host-'));
  await build({
    stdin: { contents: PROBE, loader: 'ts', resolveDir: resolve(__dirname, '../..'), sourcefile: 'probe.ts' },
    outfile: join(dir, 'probe.js'),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    logLevel: 'warning',
  });
  await writeFile(join(dir, 'index.html'), INDEX);

  server = createServer((req, res) => {
    const file = new URL(req.url ?? '/', 'http://x').pathname.slice(1) || 'index.html';
    readFile(join(dir, file.replace(/[^\w.-]/g, ''))).then(
      // Not chained: nock, loaded by other tests in the same worker, patches writeHead to return nothing.
      (body) => {
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
        res.end(body);
      },
      () => {
        res.writeHead(404);
        res.end();
      },
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((done) => server?.close(done));
  await rm(dir, { recursive: true, force: true });
});

const text = (frame: Frame, id: string) => frame.locator(`#${id}`).textContent();

/** Waits for the probe to finish starting up, however that went. */
const settled = (frame: Frame) => frame.waitForFunction(() => document.getElementById('status')?.textContent !== 'loading', undefined, { timeout: 10_000 });

const waitForText = (frame: Frame, id: string, expected: string) =>
  frame.waitForFunction(([id, expected]) => document.getElementById(id)?.textContent === expected, [id, expected] as const, { timeout: 10_000 });

test('a tab in the fake host gets Teams context, an SSO token and theme changes, with no internet', async () => {
  const sealed = await openContext(browser, origin);
  const host = await openInTeamsHost(sealed.context, {
    tabUrl: `${origin}/index.html`,
    theme: 'default',
    token: 'header.payload.signature',
    tenantId: '11111111-2222-4333-8444-555555555555',
    userPrincipalName: 'sam.worker@borough.example',
  });
  const { frame } = host;

  await settled(frame);
  expect(await text(frame, 'status')).toBe('ready');
  expect(await text(frame, 'theme')).toBe('default');
  expect(await text(frame, 'tenant')).toBe('11111111-2222-4333-8444-555555555555');
  expect(await text(frame, 'upn')).toBe('sam.worker@borough.example');
  expect(await text(frame, 'locale')).toBe('en-GB');
  expect(await text(frame, 'frame')).toBe('content / Teams / web');
  expect(await text(frame, 'token')).toBe('header.payload.signature');
  expect(host.tokenRequests).toHaveLength(1);
  expect(host.messages.map((m) => m.func)).toEqual(expect.arrayContaining(['initialize', 'getContext', 'authentication.getAuthToken', 'appInitialization.success']));

  await host.setTheme('dark');
  await waitForText(frame, 'theme', 'dark');

  expect(sealed.blockedRequests).toContain(CDN_DOMAIN_LIST);
  expect(sealed.pageErrors).toEqual([]);
  expect(sealed.consoleErrors).toEqual([]);
  expect(await seriousViolations(frame)).toEqual([]);
  await saveScreenshot(host.page, 'teams-host-probe');
  await sealed.context.close();
});

test('a failed token request reaches the tab as a rejection', async () => {
  const sealed = await openContext(browser, origin);
  const host = await openInTeamsHost(sealed.context, {
    tabUrl: `${origin}/index.html`,
    getToken: () => {
      throw new Error('resourceRequiresConsent');
    },
  });

  await settled(host.frame);
  expect(await text(host.frame, 'token')).toBe('failed: resourceRequiresConsent');
  expect(host.tokenRequests).toHaveLength(1);
  await sealed.context.close();
});

test('loaded on its own, outside Teams, initialize() fails so the tab can fall back to dev mode', async () => {
  const sealed = await openContext(browser, origin);
  const page = await sealed.context.newPage();
  await page.goto(`${origin}/index.html`);

  await settled(page.mainFrame());
  expect(await text(page.mainFrame(), 'status')).toMatch(/^standalone: /);
  expect(sealed.blockedRequests).toContain(CDN_DOMAIN_LIST);
  expect(sealed.pageErrors).toEqual([]);
  await sealed.context.close();
});
