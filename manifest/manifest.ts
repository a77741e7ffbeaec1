/**
 * The Teams app package: manifest/manifest.template.json filled in for one deployment, plus the two icons,
 * zipped reproducibly. The template's "version" is guarded by manifest/manifest.lock.json: whenever the
 * template or an icon changes, the version must go up (Teams only takes an update with a higher version).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatProblem, validateManifest, type Json, type JsonObject, type Problem } from './validate';
import { writeZip } from './zip';

export const TEMPLATE_FILE = 'manifest.template.json';
export const LOCK_FILE = 'manifest.lock.json';

export interface Settings {
  /** The bot's Microsoft App ID: the user-assigned managed identity's client id. */
  botId: string;
  /** Host name the web app (and its /tab) is served on, e.g. reflect-abc123.azurewebsites.net. */
  tabDomain: string;
  /** The Entra app registered for single sign-on to the tab. */
  aadAppClientId: string;
  /** Overrides the template's version (must not be lower). */
  appVersion?: string;
  /** Overrides the template's Teams app id, e.g. to install a test copy beside the live one. */
  teamsAppId?: string;
  publisherName: string;
  privacyUrl: string;
  termsUrl: string;
}

/** Fixed example values for `--dev`: a package to look at or test, never to upload. */
export const DEV_VALUES = {
  BOT_ID: '00000000-0000-4000-8000-000000000b07',
  TAB_DOMAIN: 'localhost:3978',
  AAD_APP_CLIENT_ID: '00000000-0000-4000-8000-0000000000a1',
} as const;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
const HOST = /^(?=.{1,253}(:|$))([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*(:\d{1,5})?$/i;

export class SettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SettingsError';
  }
}

type Env = Record<string, string | undefined>;

/** `az deployment group show … --query properties.outputs` as JSON: { botId: { value }, … }. */
export type DeploymentOutputs = Record<string, { value?: unknown } | undefined>;

const REQUIRED: { name: keyof typeof DEV_VALUES; aliases: string[]; output: string; what: string }[] = [
  { name: 'BOT_ID', aliases: ['MicrosoftAppId'], output: 'botId', what: "the bot's Microsoft App ID (the managed identity's client id; deployment output botId)" },
  { name: 'TAB_DOMAIN', aliases: [], output: 'tabDomain', what: 'the web app host name, e.g. reflect-abc123.azurewebsites.net (deployment output tabDomain)' },
  { name: 'AAD_APP_CLIENT_ID', aliases: [], output: 'aadAppClientId', what: 'the client id of the Entra app registered for single sign-on (deployment output aadAppClientId)' },
];

function read(env: Env, name: string): string | undefined {
  const v = env[name]?.trim();
  return v ? v : undefined;
}

/**
 * Reads the settings from the environment (then from deployment outputs, if given). Without `dev`, a
 * missing value is an error naming it; with `dev`, fixed example values fill the gaps.
 */
export function settingsFrom(env: Env, options: { dev?: boolean; outputs?: DeploymentOutputs } = {}): Settings {
  const values: Record<string, string> = {};
  const missing: string[] = [];
  for (const r of REQUIRED) {
    const fromEnv = [r.name, ...r.aliases].map((n) => read(env, n)).find((v) => v !== undefined);
    const output = options.outputs?.[r.output]?.value;
    const value = fromEnv ?? (typeof output === 'string' && output.trim() ? output.trim() : undefined) ?? (options.dev ? DEV_VALUES[r.name] : undefined);
    if (value === undefined) missing.push(`${r.name}${r.aliases.length ? ` (or ${r.aliases.join(', ')})` : ''}: ${r.what}`);
    else values[r.name] = value;
  }
  if (missing.length) {
    throw new SettingsError(`missing ${missing.length === 1 ? 'a setting' : 'settings'}:\n  ${missing.join('\n  ')}\nSet ${missing.length === 1 ? 'it' : 'them'} in the environment, pass --outputs <file> with the deployment outputs, or use --dev for a development package with example values.`);
  }
  const botId = values.BOT_ID!;
  const aadAppClientId = values.AAD_APP_CLIENT_ID!;
  const tabDomain = values.TAB_DOMAIN!.toLowerCase();
  if (!GUID.test(botId)) throw new SettingsError(`BOT_ID "${botId}" is not a GUID: use the managed identity's client id`);
  if (!GUID.test(aadAppClientId)) throw new SettingsError(`AAD_APP_CLIENT_ID "${aadAppClientId}" is not a GUID: use the Application (client) ID of the Entra app`);
  if (!HOST.test(tabDomain)) throw new SettingsError(`TAB_DOMAIN "${values.TAB_DOMAIN}" is not a host name: give the host only, e.g. reflect-abc123.azurewebsites.net (no https://, no path)`);
  const appVersion = read(env, 'APP_VERSION');
  if (appVersion !== undefined && !SEMVER.test(appVersion)) throw new SettingsError(`APP_VERSION "${appVersion}" is not a version like 1.2.3`);
  const teamsAppId = read(env, 'TEAMS_APP_ID');
  if (teamsAppId !== undefined && !GUID.test(teamsAppId)) throw new SettingsError(`TEAMS_APP_ID "${teamsAppId}" is not a GUID`);
  const site = `https://${tabDomain}/tab/`;
  return {
    botId,
    tabDomain,
    aadAppClientId,
    appVersion,
    teamsAppId,
    publisherName: read(env, 'PUBLISHER_NAME') ?? 'Reflect',
    privacyUrl: read(env, 'PRIVACY_URL') ?? `${site}#/privacy`,
    termsUrl: read(env, 'TERMS_URL') ?? `${site}#/terms`,
  };
}

export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

function mapStrings(value: Json, f: (s: string) => string): Json {
  if (typeof value === 'string') return f(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, f));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, f)]));
  return value;
}

/** The template with the deployment's values in place of {{PLACEHOLDERS}}. */
export function fillTemplate(template: JsonObject, s: Settings): JsonObject {
  const values: Record<string, string> = {
    BOT_ID: s.botId,
    TAB_DOMAIN: s.tabDomain,
    AAD_APP_CLIENT_ID: s.aadAppClientId,
    PUBLISHER_NAME: s.publisherName,
    PRIVACY_URL: s.privacyUrl,
    TERMS_URL: s.termsUrl,
  };
  const filled = mapStrings(template, (str) => str.replace(/\{\{([A-Z_]+)\}\}/g, (whole, name: string) => values[name] ?? whole)) as JsonObject;
  if (s.appVersion !== undefined) {
    const base = String(template.version);
    if (compareVersions(s.appVersion, base) < 0) throw new SettingsError(`APP_VERSION ${s.appVersion} is lower than the template's version ${base}`);
    filled.version = s.appVersion;
  }
  if (s.teamsAppId !== undefined) filled.id = s.teamsAppId;
  return filled;
}

export interface Sources {
  template: JsonObject;
  /** The icon files by the names the template gives them. */
  icons: Record<string, Buffer>;
}

export function loadSources(dir: string): Sources {
  const template = JSON.parse(readFileSync(join(dir, TEMPLATE_FILE), 'utf8')) as JsonObject;
  const names = template.icons && typeof template.icons === 'object' && !Array.isArray(template.icons) ? Object.values(template.icons).map(String) : [];
  const icons: Record<string, Buffer> = {};
  for (const name of names) icons[name] = readFileSync(join(dir, name));
  return { template, icons };
}

/** A hash of everything that goes into the package except the version: the template and the icons. */
export function contentHash({ template, icons }: Sources): string {
  const { version: _version, ...rest } = template;
  const hash = createHash('sha256').update(JSON.stringify(rest));
  for (const name of Object.keys(icons).sort()) hash.update(`\n${name}\n`).update(icons[name]!);
  return hash.digest('hex');
}

export interface Lock {
  version: string;
  contentSha256: string;
}

export function readLock(dir: string): Lock {
  return JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')) as Lock;
}

const BUMP_HINT = 'run `npm run package -- --bump` (raises the patch version and records it in manifest/manifest.lock.json)';

/** The version check: the template may only change together with its version, and the lock records both. */
export function lockProblems(sources: Sources, lock: Lock): Problem[] {
  const version = String(sources.template.version);
  const hash = contentHash(sources);
  if (hash === lock.contentSha256 && version === lock.version) return [];
  if (hash !== lock.contentSha256 && version === lock.version) {
    return [{ field: 'version', message: `the manifest template or an icon changed but the version is still ${version}: ${BUMP_HINT}` }];
  }
  if (compareVersions(version, lock.version) < 0) return [{ field: 'version', message: `${version} is lower than the released ${lock.version} in ${LOCK_FILE}` }];
  return [{ field: 'version', message: `is ${version} but ${LOCK_FILE} records ${lock.version}${hash === lock.contentSha256 ? ' for the same content' : ''}: ${BUMP_HINT}` }];
}

export function nextPatch(version: string): string {
  const [major, minor, patch] = version.split('.').map(Number);
  return `${major}.${minor}.${(patch ?? 0) + 1}`;
}

/**
 * `--bump`: when the content differs from the lock, raise the template's patch version (unless it was
 * already raised by hand) and record the new version and hash. Returns what it did, for the console.
 */
export function bump(dir: string): string {
  const sources = loadSources(dir);
  const lock = readLock(dir);
  const hash = contentHash(sources);
  let version = String(sources.template.version);
  if (hash === lock.contentSha256 && version === lock.version) return `Nothing changed since ${version}: no bump needed.`;
  if (compareVersions(version, lock.version) < 0) throw new SettingsError(`the template's version ${version} is lower than the released ${lock.version}`);
  let message = `Recorded version ${version}.`;
  if (version === lock.version) {
    version = nextPatch(version);
    // Rewrite only the version line so the template's layout stays as it is.
    const path = join(dir, TEMPLATE_FILE);
    const text = readFileSync(path, 'utf8');
    const updated = text.replace(/^(\s*"version"\s*:\s*")[^"]*(")/m, `$1${version}$2`);
    if (updated === text) throw new SettingsError(`could not find "version" in ${TEMPLATE_FILE}`);
    writeFileSync(path, updated);
    message = `Raised the version from ${lock.version} to ${version}.`;
  }
  writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ version, contentSha256: hash } satisfies Lock, null, 2) + '\n');
  return message;
}

export interface Built {
  manifest: JsonObject;
  zip: Buffer;
}

export class InvalidManifestError extends Error {
  constructor(readonly problems: Problem[]) {
    super(`the manifest is not valid:\n  ${problems.map(formatProblem).join('\n  ')}`);
    this.name = 'InvalidManifestError';
  }
}

/** The manifest as it goes into the zip: two-space JSON and a final newline. */
export function manifestBytes(manifest: JsonObject): Buffer {
  return Buffer.from(JSON.stringify(manifest, null, 2) + '\n', 'utf8');
}

/**
 * Fills in, validates (schema, extra checks, version lock) and zips: manifest.json then the icons, at the
 * zip's root. Throws InvalidManifestError listing every problem.
 */
export function buildPackage(sources: Sources, settings: Settings, lock: Lock): Built {
  const manifest = fillTemplate(sources.template, settings);
  const problems = [...lockProblems(sources, lock), ...validateManifest(manifest, sources.icons)];
  if (problems.length) throw new InvalidManifestError(problems);
  const icons = manifest.icons as JsonObject;
  const zip = writeZip([
    { name: 'manifest.json', data: manifestBytes(manifest) },
    { name: String(icons.color), data: sources.icons[String(icons.color)]! },
    { name: String(icons.outline), data: sources.icons[String(icons.outline)]! },
  ]);
  return { manifest, zip };
}
