/**
 * Lint rules for infra/ that the Bicep linter does not have, checked on the tree-sitter parse tree:
 * - syntax: the file parses
 * - uk-location: location parameters default to a UK region; no resource or module is pinned to another
 *   region (the bot, a global resource, is the exception)
 * - no-secrets-in-outputs: no output lists keys or carries a key, secret, password, token or connection string
 * - secure-params: a parameter that looks like a secret is @secure() and has no default
 * - cosmos-local-auth: Cosmos DB accounts have key (local) authentication disabled
 * - https-only: web apps refuse plain HTTP
 * - tls: web apps (site and SCM) and Cosmos DB require TLS 1.2 or later; FTP is off
 * - node-runtime: web apps run Node 22 LTS (design.md: Node 20 is past end of life)
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Node } from 'web-tree-sitter';
import { declarations, declaredName, declaredValue, decoratorsOf, descendants, Expression, finding, parseBicep, propertyAt, resources, syntaxErrors, valueOf, type BicepFile, type Finding } from './parse';

export const UK_REGIONS = ['uksouth', 'ukwest'];
const GLOBAL_TYPES = ['Microsoft.BotService/botServices', 'Microsoft.BotService/botServices/channels'];
const SECRET_NAME = /(key|secret|password|passwd|token|connectionstring|credential|sas)s?$/i;
const SECRET_MEMBER = /^(primaryMasterKey|secondaryMasterKey|primaryReadonlyMasterKey|secondaryReadonlyMasterKey|primaryKey|secondaryKey|ConnectionString|InstrumentationKey|connectionStrings?|keys?|secret|password|.*(Key|Secret|Password|Token|ConnectionString))$/;

function isLocationName(name: string): boolean {
  return /location$/i.test(name);
}

function ukLocation(file: BicepFile, entry: boolean): Finding[] {
  const out: Finding[] = [];
  const params = declarations(file, 'parameter_declaration');
  const locationParams = new Set(params.map(declaredName).filter(isLocationName));
  for (const decl of params) {
    const name = declaredName(decl);
    if (!isLocationName(name)) continue;
    const def = declaredValue(decl);
    if (!def) continue;
    const value = valueOf(def);
    if (typeof value === 'string') {
      if (!UK_REGIONS.includes(value.toLowerCase())) out.push(finding(file, def, 'uk-location', `parameter ${name} defaults to '${value}': default to 'uksouth' (or 'ukwest') so staff records stay in the UK`));
    } else if (!(def.type === 'identifier' && locationParams.has(def.text))) {
      out.push(finding(file, def, 'uk-location', `parameter ${name} defaults to ${def.text}: default to 'uksouth' (or another UK location parameter), not to wherever the resource group is`));
    }
  }
  if (entry) {
    const location = params.find((d) => declaredName(d) === 'location');
    const def = location && declaredValue(location);
    if (!def || valueOf(def) !== 'uksouth') out.push(finding(file, location ?? file.root, 'uk-location', "the entry point must declare param location string = 'uksouth'"));
  }
  for (const r of resources(file)) {
    const loc = propertyAt(r.body, ['location']);
    if (!loc) continue;
    const value = valueOf(loc);
    if (typeof value === 'string') {
      const allowed = value === 'global' ? GLOBAL_TYPES.includes(r.type) : UK_REGIONS.includes(value.toLowerCase());
      if (!allowed) out.push(finding(file, loc, 'uk-location', `resource ${r.symbol} (${r.type}) is pinned to '${value}': use a location parameter that defaults to a UK region`));
    } else if (!(value instanceof Expression && loc.type === 'identifier' && locationParams.has(loc.text))) {
      out.push(finding(file, loc, 'uk-location', `resource ${r.symbol} takes its location from ${loc.text}: use a location parameter`));
    }
  }
  for (const m of declarations(file, 'module_declaration')) {
    const body = m.namedChildren[m.namedChildren.length - 1];
    const params = body?.type === 'object' ? propertyAt(body, ['params']) : undefined;
    if (params?.type !== 'object') continue;
    for (const prop of params.namedChildren.filter((p) => p.type === 'object_property')) {
      const key = prop.namedChildren[0]?.text ?? '';
      const valueNode = prop.namedChildren[prop.namedChildren.length - 1];
      if (!isLocationName(key) || !valueNode) continue;
      const value = valueOf(valueNode);
      if (typeof value === 'string' && !UK_REGIONS.includes(value.toLowerCase())) out.push(finding(file, valueNode, 'uk-location', `module ${declaredName(m)} gets ${key} '${value}': pass a UK location parameter`));
    }
  }
  return out;
}

function noSecretsInOutputs(file: BicepFile): Finding[] {
  const out: Finding[] = [];
  for (const decl of declarations(file, 'output_declaration')) {
    const name = declaredName(decl);
    if (SECRET_NAME.test(name)) out.push(finding(file, decl, 'no-secrets-in-outputs', `output ${name} looks like a secret: outputs are stored in the deployment history in clear text`));
    const value = declaredValue(decl);
    if (!value) continue;
    for (const call of descendants(value, 'call_expression')) {
      const fn = call.childForFieldName('function') ?? call.namedChildren[0];
      const fnName = fn?.type === 'member_expression' ? (fn.childForFieldName('property')?.text ?? '') : (fn?.text ?? '');
      if (/^list/i.test(fnName)) out.push(finding(file, call, 'no-secrets-in-outputs', `output ${name} calls ${fnName}(): it returns keys or secrets`));
    }
    for (const member of descendants(value, 'member_expression')) {
      const property = member.childForFieldName('property')?.text ?? member.namedChildren[member.namedChildren.length - 1]?.text ?? '';
      if (SECRET_MEMBER.test(property)) out.push(finding(file, member, 'no-secrets-in-outputs', `output ${name} reads ${property}, a secret`));
    }
  }
  return out;
}

function secureParams(file: BicepFile): Finding[] {
  const out: Finding[] = [];
  for (const decl of declarations(file, 'parameter_declaration')) {
    const name = declaredName(decl);
    if (!SECRET_NAME.test(name)) continue;
    const secure = decoratorsOf(decl).some((d) => /^@\s*secure\s*\(/.test(d.text));
    if (!secure) out.push(finding(file, decl, 'secure-params', `parameter ${name} looks like a secret: mark it @secure()`));
    if (declaredValue(decl)) out.push(finding(file, decl, 'secure-params', `parameter ${name} looks like a secret: give it no default`));
  }
  return out;
}

function literal(node: Node | undefined): unknown {
  return node ? valueOf(node) : undefined;
}

function resourceRules(file: BicepFile): Finding[] {
  const out: Finding[] = [];
  for (const r of resources(file)) {
    if (r.existing || !r.body) continue;
    const at = (path: string[]): Node | undefined => propertyAt(r.body, path);
    const where = (path: string[]): Node => at(path) ?? r.node;
    if (r.type === 'Microsoft.DocumentDB/databaseAccounts') {
      if (literal(at(['properties', 'disableLocalAuth'])) !== true) out.push(finding(file, where(['properties', 'disableLocalAuth']), 'cosmos-local-auth', `Cosmos DB account ${r.symbol} must set properties.disableLocalAuth: true (sign in with Entra, no keys)`));
      if (literal(at(['properties', 'minimalTlsVersion'])) !== 'Tls12') out.push(finding(file, where(['properties', 'minimalTlsVersion']), 'tls', `Cosmos DB account ${r.symbol} must set properties.minimalTlsVersion: 'Tls12'`));
    }
    if (r.type === 'Microsoft.Web/sites' || r.type === 'Microsoft.Web/sites/slots') {
      if (literal(at(['properties', 'httpsOnly'])) !== true) out.push(finding(file, where(['properties', 'httpsOnly']), 'https-only', `web app ${r.symbol} must set properties.httpsOnly: true`));
      const tls = literal(at(['properties', 'siteConfig', 'minTlsVersion']));
      if (tls !== '1.2' && tls !== '1.3') out.push(finding(file, where(['properties', 'siteConfig', 'minTlsVersion']), 'tls', `web app ${r.symbol} must set properties.siteConfig.minTlsVersion: '1.2' (or '1.3')`));
      const scm = at(['properties', 'siteConfig', 'scmMinTlsVersion']);
      if (scm && literal(scm) !== '1.2' && literal(scm) !== '1.3') out.push(finding(file, scm, 'tls', `web app ${r.symbol}: scmMinTlsVersion must be '1.2' or '1.3'`));
      const ftps = at(['properties', 'siteConfig', 'ftpsState']);
      if (literal(ftps) !== 'Disabled') out.push(finding(file, ftps ?? r.node, 'tls', `web app ${r.symbol} must set properties.siteConfig.ftpsState: 'Disabled' (plain FTP sends credentials in clear)`));
      const runtime = at(['properties', 'siteConfig', 'linuxFxVersion']);
      if (literal(runtime) !== 'NODE|22-lts') out.push(finding(file, runtime ?? r.node, 'node-runtime', `web app ${r.symbol} must run 'NODE|22-lts' (Node 20 is past its end of life)`));
    }
  }
  return out;
}

/** Lints one parsed file; `entry` for main.bicep (which must default its location to UK South). */
export function lintFile(file: BicepFile, options: { entry?: boolean } = {}): Finding[] {
  const syntax = syntaxErrors(file);
  if (syntax.length) return syntax;
  return [...ukLocation(file, options.entry ?? false), ...noSecretsInOutputs(file), ...secureParams(file), ...resourceRules(file)];
}

export function bicepFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...bicepFiles(path));
    else if (entry.name.endsWith('.bicep')) out.push(path);
  }
  return out.sort();
}

/** Parses and lints every .bicep file under dir (main.bicep at its root is the entry point). */
export async function lintInfra(dir: string): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const path of bicepFiles(dir)) {
    const file = await parseBicep(path);
    file.path = relative(process.cwd(), path);
    findings.push(...lintFile(file, { entry: path === join(dir, 'main.bicep') }));
  }
  return findings;
}
