/**
 * Checks a filled-in Teams app manifest: against the official JSON schema that @microsoft/app-manifest ships
 * (draft-04, with ajv), then the checks a schema cannot make. Every problem names the field it is about.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { COMMAND_MENU } from '../bot/src/cards/messages';
import { decodePng, readPngHeader } from './png';

/** The manifest schema version Reflect uses (see README, "Teams app package"). */
export const SCHEMA_VERSION = '1.30';
export const SCHEMA_URL = `https://developer.microsoft.com/json-schemas/teams/v${SCHEMA_VERSION}/MicrosoftTeams.schema.json`;

/** The bot's scopes: 1:1 chat, team channels and group chats. */
export const BOT_SCOPES = ['personal', 'team', 'groupChat'] as const;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface Problem {
  /** Where, e.g. "bots[0].botId" ("" for the whole manifest). */
  field: string;
  message: string;
}

export function formatProblem(p: Problem): string {
  return p.field ? `${p.field}: ${p.message}` : p.message;
}

export function schemaPath(version = SCHEMA_VERSION): string {
  const root = dirname(require.resolve('@microsoft/app-manifest/package.json'));
  return join(root, 'build', 'json-schemas', 'teams', `v${version}`, 'MicrosoftTeams.schema.json');
}

let compiled: ValidateFunction | undefined;

function schemaValidator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    compiled = ajv.compile(JSON.parse(readFileSync(schemaPath(), 'utf8')) as object);
  }
  return compiled;
}

/** "/bots/0/botId" -> "bots[0].botId" */
function fieldOf(pointer: string, child?: string): string {
  const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (child !== undefined) parts.push(child);
  return parts.reduce((out, p) => (/^\d+$/.test(p) ? `${out}[${p}]` : out ? `${out}.${p}` : p), '');
}

function describe(e: ErrorObject): Problem {
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return { field: fieldOf(e.instancePath, String(params.missingProperty)), message: 'is required' };
    case 'additionalProperties':
      return { field: fieldOf(e.instancePath, String(params.additionalProperty)), message: `is not a property the v${SCHEMA_VERSION} schema allows here` };
    case 'enum':
      return { field: fieldOf(e.instancePath), message: `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}` };
    case 'const':
      return { field: fieldOf(e.instancePath), message: `must be ${JSON.stringify(params.allowedValue)}` };
    case 'pattern':
      return { field: fieldOf(e.instancePath), message: `must match ${String(params.pattern)}` };
    default:
      return { field: fieldOf(e.instancePath), message: e.message ?? e.keyword };
  }
}

/** Problems the official schema finds (none: the manifest conforms). */
export function schemaProblems(manifest: unknown): Problem[] {
  const validate = schemaValidator();
  if (validate(manifest)) return [];
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const e of validate.errors ?? []) {
    const p = describe(e);
    const key = formatProblem(p);
    if (!seen.has(key)) {
      seen.add(key);
      problems.push(p);
    }
  }
  return problems;
}

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function arrayAt(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** Does host (from a URL, maybe with a port) fall under one of validDomains ("*.example.com" allowed)? */
export function hostAllowed(host: string, validDomains: string[]): boolean {
  const h = host.toLowerCase();
  return validDomains.some((d) => {
    const domain = d.toLowerCase();
    if (domain.startsWith('*.')) {
      const suffix = domain.slice(1);
      return h.endsWith(suffix) && h.length > suffix.length && !h.slice(0, -suffix.length).includes('.');
    }
    return h === domain;
  });
}

/** The command lists as the bot declares them (cards/messages.ts): title = what is typed. */
export function expectedCommands(menu: { command: string; description: string }[] = COMMAND_MENU): { title: string; description: string }[] {
  return menu.map((c) => ({ title: c.command, description: c.description }));
}

function commandProblems(manifest: JsonObject, menu: { command: string; description: string }[]): Problem[] {
  const problems: Problem[] = [];
  const expected = expectedCommands(menu);
  const bots = arrayAt(manifest.bots);
  if (bots.length !== 1) return [{ field: 'bots', message: `must declare exactly one bot (Reflect's), found ${bots.length}` }];
  const bot = bots[0];
  if (!isObject(bot)) return [{ field: 'bots[0]', message: 'must be an object' }];
  const scopes = arrayAt(bot.scopes).map(String);
  if ([...scopes].sort().join() !== [...BOT_SCOPES].sort().join()) {
    problems.push({ field: 'bots[0].scopes', message: `must be ${BOT_SCOPES.join(', ')} (found ${scopes.join(', ') || 'none'})` });
  }
  const covered = new Set<string>();
  arrayAt(bot.commandLists).forEach((list, i) => {
    if (!isObject(list)) return;
    for (const s of arrayAt(list.scopes)) covered.add(String(s));
    const commands = arrayAt(list.commands).map((c) => (isObject(c) ? { title: String(c.title ?? ''), description: String(c.description ?? '') } : { title: '', description: '' }));
    const field = `bots[0].commandLists[${i}].commands`;
    const titles = commands.map((c) => c.title);
    const wanted = expected.map((c) => c.title);
    const missing = wanted.filter((t) => !titles.includes(t));
    const extra = titles.filter((t) => !wanted.includes(t));
    if (missing.length) problems.push({ field, message: `lacks the bot's command(s) ${missing.map((t) => `"${t}"`).join(', ')} (bot/src/cards/messages.ts COMMAND_MENU)` });
    if (extra.length) problems.push({ field, message: `has command(s) the bot does not answer: ${extra.map((t) => `"${t}"`).join(', ')}` });
    if (!missing.length && !extra.length && titles.join('\n') !== wanted.join('\n')) problems.push({ field, message: `must list the commands in the bot's order: ${wanted.join(', ')}` });
    commands.forEach((c, j) => {
      const want = expected.find((e) => e.title === c.title);
      if (want && want.description !== c.description) problems.push({ field: `${field}[${j}].description`, message: `must be the bot's description "${want.description}"` });
      if (c.title.length > 32) problems.push({ field: `${field}[${j}].title`, message: 'is longer than the 32 characters Teams shows' });
      if (c.description.length > 128) problems.push({ field: `${field}[${j}].description`, message: 'is longer than the 128 characters Teams shows' });
    });
  });
  for (const s of scopes) if (!covered.has(s)) problems.push({ field: 'bots[0].commandLists', message: `has no command list for the "${s}" scope` });
  return problems;
}

function urlProblems(manifest: JsonObject): Problem[] {
  const problems: Problem[] = [];
  const validDomains = arrayAt(manifest.validDomains).map(String);
  for (const [i, d] of validDomains.entries()) {
    if (/^[a-z]+:\/\//i.test(d) || d.includes('/')) problems.push({ field: `validDomains[${i}]`, message: `"${d}" must be a host name without scheme or path` });
  }
  const check = (field: string, value: unknown): void => {
    if (value === undefined) return;
    let url: URL;
    try {
      url = new URL(String(value));
    } catch {
      problems.push({ field, message: `"${String(value)}" is not a URL` });
      return;
    }
    if (url.protocol !== 'https:') problems.push({ field, message: `"${url.href}" must use https` });
    if (!hostAllowed(url.host, validDomains)) problems.push({ field, message: `host "${url.host}" is not in validDomains (${validDomains.join(', ') || 'empty'})` });
  };
  arrayAt(manifest.staticTabs).forEach((tab, i) => {
    if (!isObject(tab)) return;
    check(`staticTabs[${i}].contentUrl`, tab.contentUrl);
    check(`staticTabs[${i}].websiteUrl`, tab.websiteUrl);
    check(`staticTabs[${i}].searchUrl`, tab.searchUrl);
  });
  arrayAt(manifest.configurableTabs).forEach((tab, i) => {
    if (isObject(tab)) check(`configurableTabs[${i}].configurationUrl`, tab.configurationUrl);
  });
  const web = manifest.webApplicationInfo;
  if (isObject(web) && web.resource !== undefined) {
    const resource = String(web.resource);
    const match = /^api:\/\/([^/]+)\/(.+)$/.exec(resource);
    if (!match) problems.push({ field: 'webApplicationInfo.resource', message: `"${resource}" must be api://<tab host>/<Entra app client id>` });
    else {
      if (!hostAllowed(match[1]!, validDomains)) problems.push({ field: 'webApplicationInfo.resource', message: `host "${match[1]}" is not in validDomains` });
      if (match[2] !== String(web.id)) problems.push({ field: 'webApplicationInfo.resource', message: `must end with webApplicationInfo.id (${String(web.id)}), the Entra app's client id` });
    }
  }
  return problems;
}

const UNFILLED = /\{\{[A-Z_]+\}\}/;

function placeholderProblems(value: Json, field: string, out: Problem[]): void {
  if (typeof value === 'string') {
    if (UNFILLED.test(value)) out.push({ field, message: `still holds the placeholder ${UNFILLED.exec(value)![0]}` });
  } else if (Array.isArray(value)) value.forEach((v, i) => placeholderProblems(v, `${field}[${i}]`, out));
  else if (isObject(value)) for (const [k, v] of Object.entries(value)) placeholderProblems(v, field ? `${field}.${k}` : k, out);
}

/** Checks an icon file: size and colour type; the outline must be white on transparent. */
export function iconProblems(field: string, png: Buffer | undefined, kind: 'color' | 'outline'): Problem[] {
  if (!png) return [{ field, message: 'names a file that is not in the package' }];
  let header;
  try {
    header = readPngHeader(png);
  } catch (err) {
    return [{ field, message: (err as Error).message }];
  }
  const size = kind === 'color' ? 192 : 32;
  if (header.width !== size || header.height !== size) return [{ field, message: `must be ${size}x${size} pixels (is ${header.width}x${header.height})` }];
  if (kind === 'color') {
    return header.colourTypeCode === 2 || header.colourTypeCode === 6 ? [] : [{ field, message: `must be an RGB or RGBA PNG (colour type ${header.colourTypeCode})` }];
  }
  if (header.colourTypeCode !== 6 || header.bitDepth !== 8) return [{ field, message: 'must be an 8-bit RGBA PNG (white on transparent)' }];
  const { pixels } = decodePng(png);
  for (let i = 0; i < pixels.length; i += 4) {
    const alpha = pixels[i + 3]!;
    if (alpha !== 0 && alpha !== 255) return [{ field, message: `pixel ${i / 4} is partly transparent (alpha ${alpha}): use only fully transparent or opaque pixels` }];
    if (alpha === 255 && (pixels[i] !== 255 || pixels[i + 1] !== 255 || pixels[i + 2] !== 255)) return [{ field, message: `pixel ${i / 4} is not white: the outline icon is white on transparent` }];
  }
  return [];
}

/** The checks a schema cannot make. files: the package's other files by name (the icons). */
export function extraProblems(manifest: unknown, files: Record<string, Buffer>, menu: { command: string; description: string }[] = COMMAND_MENU): Problem[] {
  if (!isObject(manifest)) return [{ field: '', message: 'the manifest must be a JSON object' }];
  const problems: Problem[] = [];
  placeholderProblems(manifest, '', problems);
  if (manifest.$schema !== SCHEMA_URL) problems.push({ field: '$schema', message: `must be ${SCHEMA_URL}` });
  problems.push(...commandProblems(manifest, menu));
  problems.push(...urlProblems(manifest));
  const bot = arrayAt(manifest.bots)[0];
  const web = manifest.webApplicationInfo;
  if (!isObject(web)) problems.push({ field: 'webApplicationInfo', message: 'is required for single sign-on to the tab' });
  else if (isObject(bot) && bot.botId === web.id) problems.push({ field: 'webApplicationInfo.id', message: 'is the bot id: use the Entra app registered for single sign-on (AAD_APP_CLIENT_ID)' });
  const icons = isObject(manifest.icons) ? manifest.icons : {};
  problems.push(...iconProblems('icons.color', files[String(icons.color)], 'color'));
  problems.push(...iconProblems('icons.outline', files[String(icons.outline)], 'outline'));
  return problems;
}

/** Schema first, then the extra checks. */
export function validateManifest(manifest: unknown, files: Record<string, Buffer>, menu?: { command: string; description: string }[]): Problem[] {
  return [...schemaProblems(manifest), ...extraProblems(manifest, files, menu)];
}
