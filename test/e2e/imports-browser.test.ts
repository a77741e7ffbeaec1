// The imports page in Chromium, inside the fake Teams host, signed in as the PSW with a LocalEntra token:
// template download, a check that lists a problem by row, then a valid file checked and imported.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Frame } from 'playwright-core';
import type { App } from '../../bot/src/app';
import type { Staff } from '../../bot/src/domain/model';
import { templateCsv } from '../../bot/src/imports';
import { DEMO_TENANT_ID, DEMO_USERS } from '../../bot/src/store/demo-borough';
import { startTestApp } from '../support/app';
import { seriousViolations } from '../support/axe';
import { launchChromium, openContext, saveScreenshot, type SealedContext } from '../support/browser';
import { buildTabInto } from '../support/build-tab';
import { LocalEntra } from '../support/entra';
import { openInTeamsHost, type TeamsHost, type TeamsTheme } from '../support/teams-host';

jest.setTimeout(90_000);

const HEADER = 'worker,snapshot_date,cin,cp,cla,care_leaver,pre_proceedings,early_help';
const DATE = '2026-11-11';

let dir: string;
let entra: LocalEntra;
let app: App;
let browser: Browser;
let workers: Staff[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'reflect-imports-tab-'));
  const [, started] = await Promise.all([buildTabInto(dir), LocalEntra.start()]);
  entra = started;
  app = await startTestApp({ ...entra.env(), TAB_DIR: dir });
  workers = (await app.store.staff.all(DEMO_TENANT_ID)).filter((s) => s.status === 'active' && s.role === 'social_worker').slice(0, 4);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await entra?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function openImports(theme: TeamsTheme = 'default'): Promise<{ sealed: SealedContext; host: TeamsHost; frame: Frame }> {
  const sealed = await openContext(browser, app.url);
  const host = await openInTeamsHost(sealed.context, {
    tabUrl: `${app.url}/tab/index.html#/imports`,
    theme,
    getToken: () => entra.token({ tid: DEMO_TENANT_ID, oid: DEMO_USERS.psw.aadObjectId }),
    tenantId: DEMO_TENANT_ID,
    userObjectId: DEMO_USERS.psw.aadObjectId,
  });
  await host.frame.getByRole('heading', { level: 1, name: 'Imports' }).waitFor();
  await host.frame.getByRole('button', { name: 'Check file' }).waitFor();
  return { sealed, host, frame: host.frame };
}

/** A screenshot of the whole tab: the host's viewport grown to the tab's height first. */
async function shoot(host: TeamsHost, name: string): Promise<void> {
  const height = await host.frame.evaluate(() => document.documentElement.scrollHeight);
  await host.page.setViewportSize({ width: 1280, height: Math.min(Math.max(height, 800), 4000) });
  await saveScreenshot(host.page, name);
}

const focusedText = (frame: Frame) => frame.evaluate(() => document.activeElement?.textContent ?? '');
const csvFile = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
const snapshotsOn = async (date: string) => (await app.store.collections.caseloads.all(DEMO_TENANT_ID, 'c.date = @date', { date })).length;

test('the PSW downloads a template, sees a problem by its row, then imports a valid file', async () => {
  const { sealed, host, frame } = await openImports();

  // The template for the chosen kind, as the API serves it.
  await frame.getByLabel('Caseload snapshot').check();
  const [download] = await Promise.all([host.page.waitForEvent('download'), frame.getByRole('button', { name: 'Download the caseload snapshot template' }).click()]);
  expect(download.suggestedFilename()).toBe('reflect-caseloads-template.csv');
  expect(await readFile((await download.path())!, 'utf8')).toBe(templateCsv('caseloads'));

  // Checking without a file says so at the input.
  await frame.getByRole('button', { name: 'Check file' }).click();
  await frame.getByText('Choose a CSV file to check.').waitFor();
  expect(await frame.getByLabel('CSV file').getAttribute('aria-invalid')).toBe('true');

  // A file with a problem on its fourth row (row 1 is the header): listed by row, nothing saved, import blocked.
  const rows = workers.slice(0, 3).map((w, i) => `${w.email},${DATE},${i + 2},1,0,0,0,0`);
  const bad = [HEADER, rows[0], rows[1], `${workers[3]!.email},${DATE},2.5,0,0,0,0,0`, rows[2]].join('\r\n') + '\r\n';
  await frame.getByLabel('CSV file').setInputFiles(csvFile('caseloads-october.csv', bad));
  await frame.getByRole('button', { name: 'Check file' }).click();
  const problemsHeading = frame.getByRole('heading', { level: 2, name: 'caseloads-october.csv: 1 row with problems' });
  await problemsHeading.waitFor();
  expect(await focusedText(frame)).toBe('caseloads-october.csv: 1 row with problems');
  const table = frame.getByRole('table', { name: 'Problems in caseloads-october.csv' });
  const cells = await table.locator('tbody tr').first().locator('th, td').allTextContents();
  expect(cells[0]).toBe('4');
  expect(cells[1]).toBe('cin');
  expect(cells[2]).toContain('Not a count');
  await frame.getByText('Would create').waitFor();
  const importAll = frame.getByRole('button', { name: 'Import 4 rows' });
  expect(await importAll.isDisabled()).toBe(true);
  await frame.getByLabel(/Import only the valid rows/).check();
  expect(await frame.getByRole('button', { name: 'Import 3 rows' }).isEnabled()).toBe(true);
  expect(await snapshotsOn(DATE)).toBe(0);
  await shoot(host, 'imports-check-with-problems');

  // The corrected file: checked, then imported.
  const good = [HEADER, ...rows].join('\r\n') + '\r\n';
  await frame.getByLabel('CSV file').setInputFiles(csvFile('caseloads-october.csv', good));
  await frame.getByRole('button', { name: 'Check file' }).click();
  await frame.getByRole('heading', { level: 2, name: 'caseloads-october.csv is ready to import' }).waitFor();
  await frame.getByRole('button', { name: 'Import 3 rows' }).click();
  await frame.getByRole('heading', { level: 2, name: 'Import complete' }).waitFor();
  expect(await focusedText(frame)).toBe('Import complete');
  expect(await frame.getByRole('status').filter({ hasText: 'imported from' }).textContent()).toBe('Caseload snapshot imported from caseloads-october.csv: 3 created, 0 updated, 0 unchanged.');
  expect(await snapshotsOn(DATE)).toBe(3);
  await shoot(host, 'imports-complete');

  // Another import starts from an empty form.
  await frame.getByRole('button', { name: 'Import another file' }).click();
  expect(await frame.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('file');

  expect(sealed.pageErrors).toEqual([]);
  expect(sealed.consoleErrors).toEqual([]);
  await sealed.context.close();
});

test.each<TeamsTheme>(['default', 'dark', 'contrast'])('the imports page has no serious accessibility problems in the %s theme', async (theme) => {
  const { sealed, host, frame } = await openImports(theme);
  expect(await seriousViolations(frame)).toEqual([]);
  // With a check's results and its table of problems on screen too.
  await frame.getByLabel('Training register').check();
  await frame.getByLabel('CSV file').setInputFiles(csvFile('training.csv', 'course,date,attendee,status\r\nNOPE,2026-10-14,nobody@demo.example,went\r\n'));
  await frame.getByRole('button', { name: 'Check file' }).click();
  await frame.getByRole('table', { name: 'Problems in training.csv' }).waitFor();
  await frame.locator('details.columns summary').click();
  expect(await seriousViolations(frame)).toEqual([]);
  await shoot(host, `imports-${theme}`);
  expect(sealed.pageErrors).toEqual([]);
  await sealed.context.close();
});
