import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMMAND_MENU } from '../../../bot/src/cards/messages';
import { colourIcon, outlineIcon } from '../../../manifest/icons';
import {
  buildPackage,
  bump,
  contentHash,
  DEV_VALUES,
  fillTemplate,
  InvalidManifestError,
  lockProblems,
  loadSources,
  readLock,
  SettingsError,
  settingsFrom,
  type Settings,
  type Sources,
} from '../../../manifest/manifest';
import { decodePng, encodePng, readPngHeader } from '../../../manifest/png';
import { expectedCommands, formatProblem, hostAllowed, SCHEMA_URL, validateManifest, type JsonObject } from '../../../manifest/validate';
import { readZip } from '../../../manifest/zip';

const ROOT = join(__dirname, '../../..');
const DIR = join(ROOT, 'manifest');

const LIVE_ENV = {
  BOT_ID: '3f1c2a9e-8b7d-4c6e-9a5f-1d2e3c4b5a69',
  TAB_DOMAIN: 'reflect-k3x9q2.azurewebsites.net',
  AAD_APP_CLIENT_ID: '7b8c9d0e-1f2a-4b3c-8d4e-5f6a7b8c9d0e',
};

function sources(): Sources {
  return loadSources(DIR);
}

function settings(env: Record<string, string> = LIVE_ENV): Settings {
  return settingsFrom(env);
}

function filled(): JsonObject {
  return fillTemplate(sources().template, settings());
}

function problems(manifest: unknown, icons = sources().icons): string[] {
  return validateManifest(manifest, icons).map(formatProblem);
}

describe('the icons', () => {
  it('colour: 192x192 RGB, opaque', () => {
    const png = readFileSync(join(DIR, 'color.png'));
    expect(readPngHeader(png)).toMatchObject({ width: 192, height: 192, bitDepth: 8, colourTypeCode: 2, interlace: 0 });
    const image = decodePng(png);
    expect(image.pixels.length).toBe(192 * 192 * 3);
    // Not a blank square: the mirror (white) on the accent colour.
    const colours = new Set<string>();
    for (let i = 0; i < image.pixels.length; i += 3) colours.add(image.pixels.subarray(i, i + 3).toString('hex'));
    expect(colours.has('ffffff')).toBe(true);
    expect(colours.has('1f5f7a')).toBe(true);
  });

  it('outline: 32x32 RGBA, white on transparent, alpha only 0 or 255', () => {
    const png = readFileSync(join(DIR, 'outline.png'));
    expect(readPngHeader(png)).toMatchObject({ width: 32, height: 32, bitDepth: 8, colourTypeCode: 6, interlace: 0 });
    const { pixels } = decodePng(png);
    let opaque = 0;
    const wrong: number[] = [];
    for (let i = 0; i < pixels.length; i += 4) {
      if (pixels[i + 3] !== 0 && pixels[i + 3] !== 255) wrong.push(i / 4);
      if (pixels[i + 3] === 255) {
        opaque++;
        if (pixels[i] !== 255 || pixels[i + 1] !== 255 || pixels[i + 2] !== 255) wrong.push(i / 4);
      }
    }
    expect(wrong).toEqual([]);
    expect(opaque).toBeGreaterThan(32);
    expect(opaque).toBeLessThan(32 * 32 / 2);
  });

  it('are what manifest/icons.ts draws (regenerate with node dist/icons.js after changing it)', () => {
    expect(decodePng(readFileSync(join(DIR, 'color.png'))).pixels.equals(colourIcon().pixels)).toBe(true);
    expect(decodePng(readFileSync(join(DIR, 'outline.png'))).pixels.equals(outlineIcon().pixels)).toBe(true);
  });
});

describe('the manifest', () => {
  it('uses the chosen schema version', () => {
    const { template } = sources();
    expect(template.$schema).toBe(SCHEMA_URL);
    expect(template.manifestVersion).toBe('1.30');
  });

  it('filled in for a deployment, passes the official schema and the extra checks', () => {
    expect(problems(filled())).toEqual([]);
  });

  it('also passes with the --dev example values', () => {
    expect(problems(fillTemplate(sources().template, settingsFrom({}, { dev: true })))).toEqual([]);
  });

  it("lists exactly the bot's commands, in every scope the bot is in", () => {
    const m = filled();
    const bot = (m.bots as JsonObject[])[0]!;
    expect(bot.botId).toBe(LIVE_ENV.BOT_ID);
    expect(bot.scopes).toEqual(['personal', 'team', 'groupChat']);
    const lists = bot.commandLists as { scopes: string[]; commands: unknown[] }[];
    expect(lists.flatMap((l) => l.scopes).sort()).toEqual(['groupChat', 'personal', 'team']);
    for (const list of lists) expect(list.commands).toEqual(COMMAND_MENU.map((c) => ({ title: c.command, description: c.description })));
  });

  it('has the two tabs under the web app, single sign-on and validDomains', () => {
    const m = filled();
    const tabs = m.staticTabs as JsonObject[];
    expect(tabs.filter((t) => t.contentUrl).map((t) => [t.name, t.contentUrl])).toEqual([
      ['My development', `https://${LIVE_ENV.TAB_DOMAIN}/tab/#/me`],
      ['Workforce', `https://${LIVE_ENV.TAB_DOMAIN}/tab/#/workforce`],
    ]);
    expect(m.validDomains).toEqual([LIVE_ENV.TAB_DOMAIN]);
    expect(m.webApplicationInfo).toEqual({ id: LIVE_ENV.AAD_APP_CLIENT_ID, resource: `api://${LIVE_ENV.TAB_DOMAIN}/${LIVE_ENV.AAD_APP_CLIENT_ID}` });
  });
});

describe('a broken manifest fails, naming the field', () => {
  const cases: [string, (m: JsonObject) => void, RegExp][] = [
    ['a bot id that is not a GUID', (m) => ((m.bots as JsonObject[])[0]!.botId = 'reflect-bot'), /^bots\[0\]\.botId: must match/],
    ['a missing privacy URL', (m) => delete (m.developer as JsonObject).privacyUrl, /^developer\.privacyUrl: is required/],
    ['a misspelt property', (m) => ((m.bots as JsonObject[])[0]!.botid = 'x'), /^bots\[0\]\.botid: is not a property/],
    ['the wrong manifestVersion', (m) => (m.manifestVersion = '1.29'), /^manifestVersion: must be "1\.30"/],
    ['a short name over 30 characters', (m) => ((m.name as JsonObject).short = 'Reflect for children and families'), /^name\.short: must NOT have more than 30 characters/],
    ['a command the bot does not answer', (m) => ((m.bots as JsonObject[])[0]!.commandLists as JsonObject[])[1]!.commands = [...expectedCommands(), { title: 'sing', description: 'x' }], /^bots\[0\]\.commandLists\[1\]\.commands: has command\(s\) the bot does not answer: "sing"/],
    ['a missing command', (m) => ((m.bots as JsonObject[])[0]!.commandLists as JsonObject[])[0]!.commands = expectedCommands().slice(1), /^bots\[0\]\.commandLists\[0\]\.commands: lacks the bot's command\(s\) "log supervision"/],
    ['a changed description', (m) => (((m.bots as JsonObject[])[0]!.commandLists as JsonObject[])[0]!.commands as JsonObject[])[2]!.description = 'CPD', /^bots\[0\]\.commandLists\[0\]\.commands\[2\]\.description: must be the bot's description/],
    ['a scope without commands', (m) => ((m.bots as JsonObject[])[0]!.commandLists as unknown[]).pop(), /^bots\[0\]\.commandLists: has no command list for the "team" scope/],
    ['a tab outside validDomains', (m) => ((m.staticTabs as JsonObject[])[1]!.contentUrl = 'https://elsewhere.example.com/tab/#/me'), /^staticTabs\[1\]\.contentUrl: host "elsewhere\.example\.com" is not in validDomains/],
    ['a tab over plain http', (m) => ((m.staticTabs as JsonObject[])[2]!.contentUrl = `http://${LIVE_ENV.TAB_DOMAIN}/tab/#/workforce`), /^staticTabs\[2\]\.contentUrl: .* must use https/],
    ['an SSO resource for another app', (m) => ((m.webApplicationInfo as JsonObject).resource = `api://${LIVE_ENV.TAB_DOMAIN}/${LIVE_ENV.BOT_ID}`), /^webApplicationInfo\.resource: must end with webApplicationInfo\.id/],
    ['an unfilled placeholder', (m) => ((m.developer as JsonObject).name = '{{PUBLISHER_NAME}}'), /^developer\.name: still holds the placeholder \{\{PUBLISHER_NAME\}\}/],
  ];
  it.each(cases)('%s', (_what, breakIt, message) => {
    const m = filled();
    breakIt(m);
    const found = problems(m);
    expect(found).toEqual(expect.arrayContaining([expect.stringMatching(message)]));
  });

  it('an outline icon that is grey, or a colour icon of the wrong size', () => {
    const icons = { ...sources().icons };
    const grey = outlineIcon();
    for (let i = 3; i < grey.pixels.length; i += 4) if (grey.pixels[i] === 255) grey.pixels[i - 1] = 128;
    icons['outline.png'] = encodePng(grey);
    icons['color.png'] = encodePng({ width: 96, height: 96, colourType: 'rgb', pixels: Buffer.alloc(96 * 96 * 3, 0x80) });
    const found = problems(filled(), icons);
    expect(found).toEqual(expect.arrayContaining([expect.stringMatching(/^icons\.outline: pixel \d+ is not white/), 'icons.color: must be 192x192 pixels (is 96x96)']));
  });

  it('buildPackage refuses it, listing the problems', () => {
    const src = sources();
    const broken = { ...src, template: { ...src.template, accentColor: 'teal' } };
    // The lock catches the change too; both are listed.
    expect(() => buildPackage(broken, settings(), readLock(DIR))).toThrow(InvalidManifestError);
    try {
      buildPackage(broken, settings(), readLock(DIR));
    } catch (err) {
      expect((err as Error).message).toMatch(/accentColor: must match/);
      expect((err as Error).message).toMatch(/version: the manifest template or an icon changed but the version is still/);
    }
  });
});

describe('the package', () => {
  it('holds exactly manifest.json and the two icons at its root', () => {
    const { zip, manifest } = buildPackage(sources(), settings(), readLock(DIR));
    const entries = readZip(zip);
    expect(entries.map((e) => e.name)).toEqual(['manifest.json', 'color.png', 'outline.png']);
    expect(JSON.parse(entries[0]!.data.toString('utf8'))).toEqual(manifest);
    expect(readPngHeader(entries[1]!.data)).toMatchObject({ width: 192, height: 192, colourTypeCode: 2 });
    expect(readPngHeader(entries[2]!.data)).toMatchObject({ width: 32, height: 32, colourTypeCode: 6 });
    expect(entries[1]!.data.equals(readFileSync(join(DIR, 'color.png')))).toBe(true);
    // Fixed timestamps: 1980-01-01 00:00.
    expect(entries.map((e) => [e.dosDate, e.dosTime])).toEqual([[33, 0], [33, 0], [33, 0]]);
  });

  it('is the same byte for byte every time', () => {
    const a = buildPackage(sources(), settings(), readLock(DIR)).zip;
    const b = buildPackage(loadSources(DIR), settingsFrom({ ...LIVE_ENV }), readLock(DIR)).zip;
    expect(a.equals(b)).toBe(true);
  });

  it('takes APP_VERSION and TEAMS_APP_ID when given', () => {
    const { manifest } = buildPackage(sources(), settings({ ...LIVE_ENV, APP_VERSION: '1.4.0', TEAMS_APP_ID: '11111111-2222-4333-8444-555555555555' }), readLock(DIR));
    expect(manifest.version).toBe('1.4.0');
    expect(manifest.id).toBe('11111111-2222-4333-8444-555555555555');
    expect(() => buildPackage(sources(), settings({ ...LIVE_ENV, APP_VERSION: '0.9.0' }), readLock(DIR))).toThrow(/APP_VERSION 0\.9\.0 is lower than/);
  });
});

describe('settings', () => {
  it('name every missing variable unless --dev', () => {
    expect(() => settingsFrom({})).toThrow(SettingsError);
    expect(() => settingsFrom({})).toThrow(/BOT_ID \(or MicrosoftAppId\)[\s\S]*TAB_DOMAIN[\s\S]*AAD_APP_CLIENT_ID/);
    expect(() => settingsFrom({ BOT_ID: LIVE_ENV.BOT_ID, TAB_DOMAIN: LIVE_ENV.TAB_DOMAIN })).toThrow(/missing a setting:\n {2}AAD_APP_CLIENT_ID/);
    expect(settingsFrom({}, { dev: true })).toMatchObject({ botId: DEV_VALUES.BOT_ID, tabDomain: 'localhost:3978', aadAppClientId: DEV_VALUES.AAD_APP_CLIENT_ID });
  });

  it('read MicrosoftAppId and the deployment outputs', () => {
    const s = settingsFrom({ MicrosoftAppId: LIVE_ENV.BOT_ID }, { outputs: { tabDomain: { value: LIVE_ENV.TAB_DOMAIN }, aadAppClientId: { value: LIVE_ENV.AAD_APP_CLIENT_ID }, botId: { value: 'ignored: the environment wins' } } });
    expect(s).toMatchObject({ botId: LIVE_ENV.BOT_ID, tabDomain: LIVE_ENV.TAB_DOMAIN, aadAppClientId: LIVE_ENV.AAD_APP_CLIENT_ID });
  });

  it('reject values that are not what they should be', () => {
    expect(() => settingsFrom({ ...LIVE_ENV, TAB_DOMAIN: 'https://reflect.azurewebsites.net/' })).toThrow(/TAB_DOMAIN "https:\/\/reflect\.azurewebsites\.net\/" is not a host name/);
    expect(() => settingsFrom({ ...LIVE_ENV, BOT_ID: 'reflect' })).toThrow(/BOT_ID "reflect" is not a GUID/);
    expect(() => settingsFrom({ ...LIVE_ENV, APP_VERSION: 'v2' })).toThrow(/APP_VERSION "v2"/);
  });

  it('match validDomains with wildcards one label deep', () => {
    expect(hostAllowed('a.example.com', ['*.example.com'])).toBe(true);
    expect(hostAllowed('a.b.example.com', ['*.example.com'])).toBe(false);
    expect(hostAllowed('example.com', ['*.example.com'])).toBe(false);
    expect(hostAllowed('localhost:3978', ['localhost:3978'])).toBe(true);
  });
});

describe('the version lock', () => {
  it('matches the committed template and icons', () => {
    expect(lockProblems(sources(), readLock(DIR))).toEqual([]);
  });

  it('does not depend on the version itself', () => {
    const src = sources();
    expect(contentHash({ ...src, template: { ...src.template, version: '9.9.9' } })).toBe(contentHash(src));
  });

  it('fails when the template changed but the version did not, and when the lock was not updated', () => {
    const src = sources();
    const changed = { ...src, template: { ...src.template, accentColor: '#123456' } };
    expect(lockProblems(changed, readLock(DIR)).map(formatProblem)).toEqual([expect.stringMatching(/^version: the manifest template or an icon changed but the version is still 1\.\d+\.\d+: run `npm run package -- --bump`/)]);
    const iconChanged = { ...src, icons: { ...src.icons, 'outline.png': Buffer.concat([src.icons['outline.png']!, Buffer.from([0])]) } };
    expect(lockProblems(iconChanged, readLock(DIR))).toHaveLength(1);
    const bumpedByHand = { ...changed, template: { ...changed.template, version: '99.0.0' } };
    expect(lockProblems(bumpedByHand, readLock(DIR)).map(formatProblem)).toEqual([expect.stringMatching(/^version: is 99\.0\.0 but manifest\.lock\.json records .*--bump/)]);
  });

  it('--bump raises the patch version and records it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'reflect-manifest-'));
    try {
      cpSync(DIR, dir, { recursive: true });
      expect(bump(dir)).toMatch(/^Nothing changed/);
      const path = join(dir, 'manifest.template.json');
      const before = JSON.parse(readFileSync(path, 'utf8')) as JsonObject;
      writeFileSync(path, readFileSync(path, 'utf8').replace('"short": "Reflect"', '"short": "Reflect (test)"'));
      expect(lockProblems(loadSources(dir), readLock(dir))).toHaveLength(1);
      const [major, minor, patch] = String(before.version).split('.').map(Number);
      expect(bump(dir)).toBe(`Raised the version from ${String(before.version)} to ${major}.${minor}.${patch! + 1}.`);
      expect(readLock(dir).version).toBe(`${major}.${minor}.${patch! + 1}`);
      expect(lockProblems(loadSources(dir), readLock(dir))).toEqual([]);
      // Only the version line changed in the template.
      const after = readFileSync(path, 'utf8').split('\n');
      const diff = readFileSync(join(DIR, 'manifest.template.json'), 'utf8').split('\n').filter((line, i) => line !== after[i]);
      expect(diff).toEqual([`  "version": "${String(before.version)}",`, '    "short": "Reflect",']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('npm run package', () => {
  const cli = join(ROOT, 'dist', 'test-package-cli.js');
  beforeAll(() => {
    execFileSync(process.execPath, ['-e', `require('esbuild').buildSync({ entryPoints: ['manifest/package.ts'], outfile: ${JSON.stringify(cli)}, bundle: true, platform: 'node', target: 'node20', format: 'cjs', packages: 'external', logLevel: 'warning' })`], { cwd: ROOT });
  });
  afterAll(() => rmSync(cli, { force: true }));

  const run = (args: string[], env: Record<string, string>): ReturnType<typeof spawnSync> =>
    spawnSync(process.execPath, [cli, ...args], { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env } });

  it('fails with a message naming the missing variables', () => {
    const r = run(['--check'], {});
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/Packaging failed: missing settings:\n {2}BOT_ID \(or MicrosoftAppId\)/);
  });

  it('writes the zip, byte for byte the one built in this process from the same inputs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'reflect-package-'));
    try {
      const r = run(['--out', join(dir, 'reflect.zip')], LIVE_ENV);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/^Wrote .*reflect\.zip \(\d+ bytes, sha256 [0-9a-f]{64}\)\nTeams app a44bce27-da37-4a98-9a3f-162049245020 version /);
      const written = readFileSync(join(dir, 'reflect.zip'));
      expect(written.equals(buildPackage(sources(), settings(), readLock(DIR)).zip)).toBe(true);
      expect(readZip(written).map((e) => e.name)).toEqual(['manifest.json', 'color.png', 'outline.png']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
