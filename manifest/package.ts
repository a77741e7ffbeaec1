/**
 * `npm run package [-- options]`: builds the Teams app package (dist/reflect-teams-app.zip) for one
 * deployment. Reads BOT_ID (or MicrosoftAppId), TAB_DOMAIN and AAD_APP_CLIENT_ID from the environment, or
 * from the deployment's outputs (--outputs), and optionally APP_VERSION, TEAMS_APP_ID, PUBLISHER_NAME,
 * PRIVACY_URL and TERMS_URL.
 *
 *   --dev              fill any missing value with fixed example values (a package to inspect, not upload)
 *   --outputs <file>   JSON from `az deployment group show -g <rg> -n <name> --query properties.outputs`
 *   --bump             raise the patch version if the template or an icon changed, and record it
 *   --check            validate only; write nothing
 *   --out <file>       where to write the zip
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { buildPackage, bump, InvalidManifestError, loadSources, readLock, SettingsError, settingsFrom, type DeploymentOutputs } from './manifest';
import { SCHEMA_VERSION } from './validate';

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  if (at < 0) return undefined;
  const value = args[at + 1];
  if (!value || value.startsWith('--')) throw new SettingsError(`${name} needs a value`);
  return value;
}

function main(): void {
  const args = process.argv.slice(2);
  const known = ['--dev', '--bump', '--check', '--outputs', '--out'];
  const unknown = args.filter((a, i) => a.startsWith('--') && !known.includes(a) && !['--outputs', '--out'].includes(args[i - 1] ?? ''));
  if (unknown.length) throw new SettingsError(`unknown option ${unknown.join(', ')} (use ${known.join(', ')})`);
  const root = process.cwd();
  const dir = join(root, 'manifest');
  const dev = args.includes('--dev');

  if (args.includes('--bump')) process.stdout.write(`${bump(dir)}\n`);

  const outputsFile = option(args, '--outputs');
  const outputs = outputsFile ? (JSON.parse(readFileSync(outputsFile, 'utf8')) as DeploymentOutputs) : undefined;
  const settings = settingsFrom(process.env, { dev, outputs });
  const { manifest, zip } = buildPackage(loadSources(dir), settings, readLock(dir));

  const summary = `Teams app ${String(manifest.id)} version ${String(manifest.version)} (manifest schema v${SCHEMA_VERSION}): bot ${settings.botId}, tab https://${settings.tabDomain}/tab/, SSO app ${settings.aadAppClientId}`;
  if (args.includes('--check')) {
    process.stdout.write(`Valid: ${summary}\n`);
    return;
  }
  const out = option(args, '--out') ?? join(root, 'dist', dev ? 'reflect-teams-app-dev.zip' : 'reflect-teams-app.zip');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, zip);
  process.stdout.write(`Wrote ${relative(root, out) || out} (${zip.length} bytes, sha256 ${createHash('sha256').update(zip).digest('hex')})\n${summary}\n`);
  if (dev) process.stdout.write('Development package: example ids fill any value not set. Do not upload it to your tenant.\n');
}

try {
  main();
} catch (err) {
  if (err instanceof SettingsError || err instanceof InvalidManifestError) {
    process.stderr.write(`Packaging failed: ${err.message}\n`);
    process.exit(2);
  }
  throw err;
}
