// The Teams tab in a real browser: Debian's Chromium (playwright-core) loads the built tab from the service,
// inside the fake Teams host with an SSO token from a local Entra, and checks each page shows the demo
// borough's figures as the API reports them, the lazy Adaptive Cards chunk, themes, CSV export, accessibility,
// and what happens outside Teams with and without the service's local dev mode.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Browser, Frame, Page } from 'playwright-core';
import type { App } from '../../bot/src/app';
import type { DevUser, PersonReport, RecordCard, WhoAmI, WorkforceReport } from '../../bot/src/api/contract';
import { DEMO_TENANT_ID, DEMO_USERS } from '../../bot/src/store/demo-borough';
import { startTestApp } from '../support/app';
import { seriousViolations } from '../support/axe';
import { launchChromium, openContext, saveScreenshot, type SealedContext } from '../support/browser';
import { buildTabInto } from '../support/build-tab';
import { LocalEntra } from '../support/entra';
import { openInTeamsHost, type TeamsHost, type TeamsTheme } from '../support/teams-host';

jest.setTimeout(60_000);

const THEMES: TeamsTheme[] = ['default', 'dark', 'contrast'];
const ADAPTIVECARDS_CHUNK = /\/tab\/chunks\/adaptivecards-[\w-]+\.js$/;
type Role = keyof typeof DEMO_USERS;

let entra: LocalEntra;
let app: App;
let tabDir: string;
let browser: Browser;

interface Tab {
  sealed: SealedContext;
  host: TeamsHost;
  frame: Frame;
  token: string;
  /** Every URL the host page or the tab requested, in order. */
  requests: string[];
}
const tabs: Partial<Record<Role, Tab>> = {};

beforeAll(async () => {
  entra = await LocalEntra.start();
  tabDir = await mkdtemp(join(tmpdir(), 'reflect-tab-browser-'));
  await buildTabInto(tabDir);
  [app, browser] = await Promise.all([startTestApp({ ...entra.env(), TAB_DIR: tabDir }), launchChromium()]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await entra?.stop();
  if (tabDir) await rm(tabDir, { recursive: true, force: true });
});

async function api<T>(path: string, token: string): Promise<T> {
  const res = await fetch(`${app.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

/** One Teams-hosted tab per role, opened once and reused across tests (navigating by hash, as a person would). */
async function tabFor(role: Role, hash: string): Promise<Tab> {
  const existing = tabs[role];
  if (existing) {
    await go(existing.frame, hash);
    return existing;
  }
  const { aadObjectId } = DEMO_USERS[role];
  const token = await entra.token({ tid: DEMO_TENANT_ID, oid: aadObjectId });
  const sealed = await openContext(browser, app.url);
  const requests: string[] = [];
  sealed.context.on('request', (request) => requests.push(request.url()));
  const host = await openInTeamsHost(sealed.context, {
    tabUrl: `${app.url}/tab/index.html${hash}`,
    theme: 'default',
    token,
    tenantId: DEMO_TENANT_ID,
    userObjectId: aadObjectId,
  });
  const tab: Tab = { sealed, host, frame: host.frame, token, requests };
  tabs[role] = tab;
  await settled(tab.frame);
  return tab;
}

/** The page has drawn: an h1, and nothing in main still loading. */
async function settled(frame: Frame, title?: string | RegExp): Promise<void> {
  await frame.waitForFunction(() => {
    const h1 = document.querySelector('main h1');
    return h1 !== null && document.querySelector('.page-body') !== null && document.querySelector('main [aria-busy="true"]') === null;
  }, undefined, { timeout: 15_000 });
  if (title !== undefined) await expectText(frame, 'main h1', title);
}

async function expectText(frame: Frame, selector: string, expected: string | RegExp): Promise<void> {
  await frame.waitForFunction(
    ([selector, source, flags]) => {
      const text = document.querySelector(selector)?.textContent?.trim() ?? '';
      return flags === null ? text === source : new RegExp(source, flags).test(text);
    },
    [selector, typeof expected === 'string' ? expected : expected.source, typeof expected === 'string' ? null : expected.flags] as const,
    { timeout: 15_000 },
  );
}

/** Navigates by hash and waits for the new page (the old one's h1 can linger for a tick, hence the marker). */
async function go(frame: Frame, hash: string): Promise<void> {
  const moved = await frame.evaluate((hash) => {
    if (location.hash === hash) return false;
    document.querySelector('main h1')?.setAttribute('data-stale', '');
    location.hash = hash;
    return true;
  }, hash);
  if (!moved) return settled(frame);
  await frame.waitForFunction(() => document.querySelector('main h1:not([data-stale])') !== null, undefined, { timeout: 15_000 });
  await settled(frame);
}

async function setTheme(tab: Tab, theme: TeamsTheme): Promise<void> {
  await tab.host.setTheme(theme);
  await tab.frame.waitForFunction((t) => document.documentElement.dataset.theme === t, theme, { timeout: 5_000 });
}

/** Rows of the table with this caption, as the text of each cell (header cells included). */
function tableRows(frame: Frame, caption: string): Promise<string[][]> {
  return frame.evaluate((caption) => {
    const table = [...document.querySelectorAll('table')].find((t) => t.caption?.textContent === caption);
    if (!table) throw new Error(`no table captioned "${caption}"`);
    return [...table.tBodies[0]!.rows].map((row) => [...row.cells].map((cell) => cell.textContent?.trim() ?? ''));
  }, caption);
}

function tableHeaders(frame: Frame, caption: string): Promise<string[]> {
  return frame.evaluate((caption) => {
    const table = [...document.querySelectorAll('table')].find((t) => t.caption?.textContent === caption);
    if (!table) throw new Error(`no table captioned "${caption}"`);
    return [...table.tHead!.rows[0]!.cells].map((cell) => cell.textContent?.trim() ?? '');
  }, caption);
}

/** The headline figures, label to value. */
function headlines(frame: Frame): Promise<Record<string, string>> {
  return frame.evaluate(() =>
    Object.fromEntries([...document.querySelectorAll('dl.stats .stat')].map((s) => [s.querySelector('dt')?.textContent ?? '', s.querySelector('.stat-value')?.textContent ?? ''])),
  );
}

const percent = (n: number) => `${n.toFixed(1)}%`;

/** Full-height screenshot of the tab: the host's frame fills the viewport, so the viewport grows to fit the page. */
async function screenshot(tab: Tab, name: string): Promise<void> {
  const height = await tab.frame.evaluate(() => document.documentElement.scrollHeight);
  const page: Page = tab.host.page;
  await page.setViewportSize({ width: 1280, height: Math.min(Math.max(height, 800), 16_000) });
  await saveScreenshot(page, name);
  await page.setViewportSize({ width: 1280, height: 800 });
}

describe('the tab inside Teams, signed in with SSO', () => {
  test('Workforce as the PSW: headline figures, tables, both charts and filters, from the API', async () => {
    const tab = await tabFor('psw', '#/workforce');
    const { frame } = tab;
    const report = await api<WorkforceReport>('/api/workforce', tab.token);
    await settled(frame, 'Workforce');
    expect(report.supervision.overdue.length).toBeGreaterThan(0);

    const figures = await headlines(frame);
    expect(figures).toEqual({
      'Supervision within policy': percent(report.supervision.percent),
      People: report.people.toLocaleString('en-GB'),
      'Overdue supervision': String(report.supervision.overdue.length),
      'CPD met': percent(report.cpd.percent),
    });
    expect(await frame.locator('main .lede').textContent()).toBe('Figures as of 23 Nov 2026.');

    const overdue = await tableRows(frame, 'People overdue for supervision, most overdue first');
    expect(overdue).toHaveLength(Math.min(25, report.supervision.overdue.length));
    expect(overdue[0]![0]).toBe(report.supervision.overdue[0]!.name);
    expect(overdue.map((r) => r[0])).toEqual(report.supervision.overdue.slice(0, 25).map((r) => r.name));
    expect(overdue[0]![5]).toBe(report.supervision.overdue[0]!.daysOverdue.toLocaleString('en-GB'));

    const byTeam = await tableRows(frame, 'Supervision within policy by team');
    expect(byTeam.map((r) => [r[0], r[4]])).toEqual(report.supervision.byTeam.slice(0, 25).map((r) => [r.team, percent(r.percent)]));
    expect(await tableRows(frame, 'Supervision within policy by month, oldest first')).toHaveLength(12);
    const captions = await frame.locator('table caption').allTextContents();
    expect(captions).toEqual(
      expect.arrayContaining([
        'Signs of Safety training held against what each role requires',
        'Core skills workshops: who has done, booked or still needs each one',
        'Caseload distribution: people by number of children',
        'Caseloads by person, highest against their threshold first',
        'Social workers in their early career programme',
      ]),
    );

    // Both charts are images with an accessible name and a description drawn from the figures.
    const trend = frame.getByRole('img', { name: /^Supervision within policy, last 12 months/ });
    const histogram = frame.getByRole('img', { name: /^Caseload distribution/ });
    await expect(trend.count()).resolves.toBe(1);
    await expect(histogram.count()).resolves.toBe(1);
    expect(await trend.evaluate((svg) => svg.tagName.toLowerCase())).toBe('svg');
    expect(await trend.locator('rect.bar').count()).toBe(12);
    expect(await trend.locator('desc').textContent()).toContain(`latest ${percent(report.supervision.trend.at(-1)!.percent)}`);
    expect(await histogram.locator('rect.bar').count()).toBe(report.caseloads.distribution.length);

    // Filter by the first overdue person's team: the hash, the note and every team column follow.
    const team = report.supervision.overdue[0]!.team;
    const filtered = await api<WorkforceReport>(`/api/workforce?team=${encodeURIComponent(team)}`, tab.token);
    const teamSelect = frame.getByLabel('Team', { exact: true });
    expect(await teamSelect.locator('option').allTextContents()).toEqual(['All teams', ...report.options.teams]);
    await frame.getByLabel('Role', { exact: true }).selectOption('');
    await teamSelect.selectOption(team);
    await frame.evaluate(() => document.querySelector('main h1')?.setAttribute('data-stale', ''));
    await frame.getByRole('button', { name: 'Apply filters' }).click();
    await frame.waitForFunction(() => document.querySelector('main h1:not([data-stale])') !== null);
    await settled(frame, 'Workforce');
    expect(await frame.evaluate(() => decodeURIComponent(location.hash))).toBe(`#/workforce?team=${team}`);
    expect(await frame.locator('main .lede').textContent()).toBe(`Figures as of 23 Nov 2026, filtered to ${team}.`);
    expect(await frame.evaluate(() => document.activeElement?.id)).toBe('apply-filters');
    expect(await headlines(frame)).toMatchObject({ People: String(filtered.people), 'Overdue supervision': String(filtered.supervision.overdue.length) });

    let teamCells = 0;
    for (const caption of await frame.locator('table caption').allTextContents()) {
      const column = (await tableHeaders(frame, caption)).indexOf('Team');
      if (column === -1) continue;
      for (const row of await tableRows(frame, caption)) {
        expect([caption, row[column]]).toEqual([caption, team]);
        teamCells++;
      }
    }
    expect(teamCells).toBeGreaterThanOrEqual(filtered.supervision.overdue.length + 1);
    expect((await tableRows(frame, 'People overdue for supervision, most overdue first')).map((r) => r[0])).toEqual(
      filtered.supervision.overdue.slice(0, 25).map((r) => r.name),
    );
  });

  test('CSV export of the overdue table holds the API’s overdue list, BOM and header row first', async () => {
    const tab = await tabFor('psw', '#/workforce');
    const report = await api<WorkforceReport>('/api/workforce', tab.token);
    const [download] = await Promise.all([
      tab.host.page.waitForEvent('download', { timeout: 10_000 }),
      tab.frame.getByRole('button', { name: 'Download CSV: People overdue for supervision, most overdue first' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('reflect-overdue-2026-11-23.csv');
    const bytes = await readFile(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    const [header, ...rows] = parse(text) as string[][];
    expect(header).toEqual(['Name', 'Team', 'Manager', 'Last supervision', 'Due', 'Days overdue']);
    expect(rows).toHaveLength(report.supervision.overdue.length);
    expect(rows).toEqual(report.supervision.overdue.map((r) => [r.name, r.team, r.managerName ?? '', r.lastSupervision ?? '', r.due, String(r.daysOverdue)]));
  });

  test('My team as the demo manager shows exactly their line, as GET /api/team does', async () => {
    const tab = await tabFor('manager', '#/team');
    const { frame } = tab;
    const report = await api<WorkforceReport>('/api/team', tab.token);
    const me = await api<WhoAmI>('/api/me', tab.token);
    await settled(frame, 'My team');
    expect(report.scope).toBe('team');

    expect(await frame.locator('nav.app-nav a').allTextContents()).toEqual(['My development', 'My team']);
    expect(await frame.locator('.whoami').textContent()).toContain(me.name);
    expect(await headlines(frame)).toEqual({
      'Supervision within policy': percent(report.supervision.percent),
      People: String(report.people),
      'Overdue supervision': String(report.supervision.overdue.length),
      'CPD met': percent(report.cpd.percent),
    });
    const names = async (caption: string, expected: { name: string }[], empty: string) => {
      if (expected.length === 0) {
        expect(await frame.getByText(empty, { exact: true }).count()).toBe(1);
        return;
      }
      expect((await tableRows(frame, caption)).map((r) => r[0])).toEqual(expected.slice(0, 25).map((r) => r.name));
    };
    await names('People overdue for supervision, most overdue first', report.supervision.overdue, 'No one is overdue for supervision.');
    await names('Caseloads by person, highest against their threshold first', report.caseloads.people, 'No caseloads recorded yet.');
    await names(`People short of CPD, ${report.cpd.yearLabel}`, report.cpd.people.filter((p) => !p.met), 'Everyone who owes CPD has recorded enough this year.');
    await names('Social workers in their early career programme', report.asye, 'No one is in their early career programme.');
    expect((await tableRows(frame, 'Supervision within policy by team')).map((r) => r[0])).toEqual(report.supervision.byTeam.slice(0, 25).map((r) => r.team));
    // Nobody outside the line: every person named on the page is in the team report.
    const inReport = new Set([...report.supervision.overdue, ...report.caseloads.people, ...report.cpd.people, ...report.asye].map((p) => p.name));
    const onPage = await frame.locator('main a.person-link').allTextContents();
    expect(onPage.length).toBeGreaterThan(0);
    expect(onPage.filter((name) => !inReport.has(name))).toEqual([]);
    expect(await frame.getByRole('heading', { name: 'Audit sample' }).count()).toBe(0);
  });

  test('a practitioner opening #/workforce is sent to My development, and no workforce data is fetched or shown', async () => {
    const tab = await tabFor('practitioner', '#/workforce');
    const { frame } = tab;
    await settled(frame, 'My development');
    expect(await frame.evaluate(() => location.hash)).toBe('#/me');
    await go(frame, '#/team');
    await settled(frame, 'My development');
    expect(await frame.evaluate(() => location.hash)).toBe('#/me');

    expect(await frame.locator('nav.app-nav a').allTextContents()).toEqual(['My development']);
    expect(tab.requests.filter((url) => /\/api\/(workforce|team)\b/.test(url))).toEqual([]);
    expect(await frame.locator('dl.stats').count()).toBe(0);
    // Names from the PSW's workforce report that the practitioner's own record does not mention (their manager may be in both).
    const psw = await api<WorkforceReport>('/api/workforce', await entra.token({ tid: DEMO_TENANT_ID, oid: DEMO_USERS.psw.aadObjectId }));
    const own = JSON.stringify(await api<PersonReport>(`/api/people/${DEMO_USERS.practitioner.staffId}`, tab.token));
    const others = [...psw.supervision.overdue, ...psw.caseloads.people, ...psw.asye].map((r) => r.name).filter((name) => !own.includes(name));
    expect(others.length).toBeGreaterThan(10);
    const text = (await frame.locator('body').textContent()) ?? '';
    expect(others.filter((name) => text.includes(name))).toEqual([]);
  });

  test('My development as the practitioner; "View record" loads the Adaptive Cards chunk only then, and Esc closes it', async () => {
    const tab = await tabFor('practitioner', '#/me');
    const { frame } = tab;
    const me = await api<WhoAmI>('/api/me', tab.token);
    const report = await api<PersonReport>(`/api/people/${me.staffId}`, tab.token);
    await settled(frame, 'My development');
    const history = report.supervision.history!;
    expect(history.length).toBeGreaterThan(0);

    const facts = await frame.evaluate(() =>
      Object.fromEntries([...document.querySelector('main dl.facts')!.querySelectorAll('div')].map((d) => [d.querySelector('dt')?.textContent, d.querySelector('dd')?.textContent])),
    );
    expect(facts).toMatchObject({ Name: report.person.name, Role: report.person.roleLabel, Team: report.person.team });
    expect(facts.Name).toBe(me.name);
    // Longer histories show 25 rows and "Show all"; either way every session is a row.
    if (history.length > 25) await frame.getByRole('button', { name: `Show all ${history.length} rows` }).click();
    const rows = await tableRows(frame, 'Supervision sessions, newest first');
    expect(rows).toHaveLength(history.length);
    expect(rows.map((r) => r[2])).toEqual(history.map((s) => s.supervisorName));

    // The library is not in the first download, nor fetched until a record is opened.
    expect(tab.requests.filter((url) => ADAPTIVECARDS_CHUNK.test(url))).toEqual([]);
    const card = await api<RecordCard>(`/api/people/${me.staffId}/supervision/${history[0]!.id}/card`, tab.token);
    expect(card.card.type).toBe('AdaptiveCard');
    const opener = frame.getByRole('button', { name: /^View record/ }).first();
    await opener.click();
    const dialog = frame.locator('dialog.record-dialog[open]');
    await dialog.locator('.ac-adaptiveCard').waitFor({ timeout: 15_000 });
    expect(tab.requests.filter((url) => ADAPTIVECARDS_CHUNK.test(url))).toHaveLength(1);
    expect(await dialog.getByRole('heading', { level: 2 }).first().textContent()).toMatch(/^Supervision record, \d{1,2} \w{3} \d{4}$/);
    expect(await dialog.textContent()).toContain(history[0]!.supervisorName);
    expect(await frame.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(true);

    // The open dialog is accessible in every theme (the card redraws with the theme's colours).
    const problems: string[] = [];
    for (const theme of THEMES) {
      await setTheme(tab, theme);
      for (const v of await seriousViolations(frame)) problems.push(`record dialog (${theme}): ${v}`);
      await saveScreenshot(tab.host.page, `tab-record-dialog-${theme}`);
    }
    await setTheme(tab, 'default');

    await tab.host.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached', timeout: 5_000 });
    expect(await frame.locator('dialog').count()).toBe(0);
    expect(await frame.evaluate(() => document.activeElement?.textContent)).toBe('View record');
    expect(problems).toEqual([]);
  });

  test('follows the Teams theme: default, dark and high contrast', async () => {
    const tab = await tabFor('practitioner', '#/me');
    const { frame } = tab;
    const look = () =>
      frame.evaluate(() => ({ theme: document.documentElement.dataset.theme, background: getComputedStyle(document.body).backgroundColor, text: getComputedStyle(document.body).color }));
    const light = await look();
    expect(light).toEqual({ theme: 'default', background: 'rgb(255, 255, 255)', text: 'rgb(36, 36, 36)' });
    await setTheme(tab, 'dark');
    const dark = await look();
    expect(dark.theme).toBe('dark');
    expect(dark.background).not.toBe(light.background);
    await setTheme(tab, 'contrast');
    const contrast = await look();
    expect(contrast).toEqual({ theme: 'contrast', background: 'rgb(0, 0, 0)', text: 'rgb(255, 255, 255)' });
    expect(contrast.background).not.toBe(dark.background);
    await setTheme(tab, 'default');
    expect(await look()).toEqual(light);
  });

  test('no serious accessibility violations on any page in any theme (screenshots of each)', async () => {
    const pages: [Role, string, string | RegExp, string][] = [
      ['psw', '#/workforce', 'Workforce', 'workforce'],
      ['manager', '#/team', 'My team', 'team'],
      ['practitioner', '#/me', 'My development', 'me'],
      ['psw', `#/person/${DEMO_USERS.practitioner.staffId}`, /\S/, 'person'],
      ['practitioner', '#/privacy', 'Privacy', 'privacy'],
      ['practitioner', '#/terms', 'Terms of use', 'terms'],
    ];
    const problems: string[] = [];
    for (const [role, hash, title, name] of pages) {
      const tab = await tabFor(role, hash);
      await settled(tab.frame, title);
      for (const theme of THEMES) {
        await setTheme(tab, theme);
        for (const v of await seriousViolations(tab.frame)) problems.push(`${name} (${theme}): ${v}`);
        await screenshot(tab, `tab-${name}-${theme}`);
      }
      await setTheme(tab, 'default');
    }
    expect(problems).toEqual([]);
  }, 180_000);

  test('the person page as the PSW shows the practitioner’s record', async () => {
    const tab = await tabFor('psw', `#/person/${DEMO_USERS.practitioner.staffId}`);
    const report = await api<PersonReport>(`/api/people/${DEMO_USERS.practitioner.staffId}`, tab.token);
    await settled(tab.frame, report.person.name);
    expect(await tableRows(tab.frame, 'Supervision sessions, newest first')).toHaveLength(Math.min(25, report.supervision.history!.length));
    expect(await tab.frame.getByRole('button', { name: '← Back' }).count()).toBe(1);
  });

  test('no page errors or console errors in any Teams-hosted run', async () => {
    const opened = Object.entries(tabs);
    expect(opened.map(([role]) => role).sort()).toEqual(['manager', 'practitioner', 'psw']);
    for (const [role, tab] of opened) {
      expect([role, tab!.sealed.pageErrors, tab!.sealed.consoleErrors]).toEqual([role, [], []]);
      // Nothing left the browser but teams-js's fetch of Microsoft's domain list, which the harness blocks.
      expect(tab!.sealed.blockedRequests.filter((url) => !url.startsWith('https://res.cdn.office.net/'))).toEqual([]);
      expect(tab!.host.tokenRequests.length).toBeGreaterThan(0);
      await tab!.sealed.context.close();
    }
  });
});

describe('the tab outside Teams', () => {
  test('with the service in local dev mode: the dev banner lists the demo users and the page renders as the chosen one', async () => {
    const devApp = await startTestApp({ TAB_DIR: tabDir });
    const sealed = await openContext(browser, devApp.url);
    try {
      const users = (await (await fetch(`${devApp.url}/api/dev/users`)).json()) as DevUser[];
      expect(users.map((u) => u.aadObjectId).sort()).toEqual(Object.values(DEMO_USERS).map((u) => u.aadObjectId).sort());
      const page = await sealed.context.newPage();
      await page.goto(`${devApp.url}/tab/index.html#/me`);
      const frame = page.mainFrame();
      await settled(frame, 'My development');

      const banner = frame.getByRole('region', { name: 'Dev mode' });
      expect(await banner.locator('p').first().textContent()).toBe(`Dev mode — not in Teams. Acting as ${users[0]!.name}`);
      const actAs = frame.getByLabel('Act as');
      expect(await actAs.locator('option').allTextContents()).toEqual(users.map((u) => `${u.name} (${u.roleLabel})`));
      expect(await frame.locator('.whoami').textContent()).toContain(users[0]!.name);
      expect(await frame.locator('main dl.facts dd').first().textContent()).toBe(users[0]!.name);

      // Switch to the PSW: the shell and the workforce page are theirs, with the same figures the API gives them.
      const psw = users.find((u) => u.aadObjectId === DEMO_USERS.psw.aadObjectId)!;
      await actAs.selectOption(`${psw.tenantId}/${psw.aadObjectId}`);
      await frame.getByRole('button', { name: 'Switch user' }).click();
      await expectText(frame, '.whoami', new RegExp(`^${psw.name} · `));
      await expectText(frame, '.dev-banner p', `Dev mode — not in Teams. Acting as ${psw.name}`);
      expect(await frame.locator('nav.app-nav a').allTextContents()).toContain('Workforce');
      await go(frame, '#/workforce');
      await settled(frame, 'Workforce');
      const res = await fetch(`${devApp.url}/api/workforce`, { headers: { 'x-reflect-dev-user': `${psw.tenantId}/${psw.aadObjectId}` } });
      const report = (await res.json()) as WorkforceReport;
      expect(await headlines(frame)).toMatchObject({ 'Supervision within policy': percent(report.supervision.percent), 'Overdue supervision': String(report.supervision.overdue.length) });
      expect(sealed.pageErrors).toEqual([]);
      await saveScreenshot(page, 'tab-dev-mode-workforce');
    } finally {
      await sealed.context.close();
      await devApp.stop();
    }
  });

  test('with single sign-on configured: "Open Reflect from Microsoft Teams", and no data', async () => {
    const sealed = await openContext(browser, app.url);
    try {
      const requests: string[] = [];
      sealed.context.on('request', (request) => requests.push(new URL(request.url()).pathname));
      const page = await sealed.context.newPage();
      await page.goto(`${app.url}/tab/index.html#/workforce`);
      const frame = page.mainFrame();
      await expectText(frame, 'main h1', 'Open Reflect from Microsoft Teams');
      expect(await page.title()).toBe('Open Reflect from Microsoft Teams');
      expect(requests.filter((path) => path.startsWith('/api/'))).toEqual(['/api/dev/users']);
      expect(await frame.locator('dl.stats, table, nav.app-nav, .dev-banner').count()).toBe(0);
      expect(sealed.pageErrors).toEqual([]);
      await saveScreenshot(page, 'tab-outside-teams');
    } finally {
      await sealed.context.close();
    }
  });
});
