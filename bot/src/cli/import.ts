import { createReadStream, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from '../config';
import { dateIn } from '../domain/dates';
import { IMPORT_KINDS, isImportKind, LAYOUTS, type ImportKind } from '../imports/layouts';
import { MAX_LISTED_ERRORS } from '../imports/errors';
import { applyImport, previewImport, type ImportProgress, type ImportReport } from '../imports/run-import';
import { templateCsv } from '../imports/templates';
import { DEMO_TENANT_ID } from '../store/demo-borough';
import { seedDemoBorough } from '../store/seed';
import { openStore } from '../store/store';

/**
 * `npm run import -- <kind> <file> [--dry-run] [--only-valid] [--tenant <id>] [--actor <who>] [--json]` and
 * `npm run import -- template <kind>`. Exit codes: 0 done (or a clean dry run), 1 the file has problems and nothing
 * was applied, 2 usage or configuration error, 3 writing stopped part-way.
 */

const USAGE = `Usage:
  npm run import -- <kind> <file> [--dry-run] [--only-valid] [--tenant <id>] [--actor <who>] [--json]
  npm run import -- template <kind>          prints the CSV template for a kind

Kinds: ${IMPORT_KINDS.join(', ')}
  --dry-run     check the file and show what would change; write nothing
  --only-valid  apply the rows without problems even when other rows have some
  --tenant      the Entra tenant id to import into (required with COSMOS_ENDPOINT; default: the demo tenant)
  --actor       who is importing, for the audit log (default: cli:<your user name>)
  --json        print the full report as JSON instead of the summary
`;

class UsageError extends Error {}

interface Args {
  kind: ImportKind;
  file: string;
  dryRun: boolean;
  onlyValid: boolean;
  tenant?: string;
  actor?: string;
  json: boolean;
}

function parseArgs(argv: readonly string[]): Args | { template: ImportKind } | { help: true } {
  const positional: string[] = [];
  const flags = { dryRun: false, onlyValid: false, json: false } as { dryRun: boolean; onlyValid: boolean; json: boolean; tenant?: string; actor?: string };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') return { help: true };
    else if (a === '--dry-run') flags.dryRun = true;
    else if (a === '--only-valid') flags.onlyValid = true;
    else if (a === '--json') flags.json = true;
    else if (a === '--tenant' || a === '--actor') {
      const v = argv[++i];
      if (!v || v.startsWith('--')) throw new UsageError(`${a} needs a value.`);
      flags[a === '--tenant' ? 'tenant' : 'actor'] = v;
    } else if (a.startsWith('--')) throw new UsageError(`Unknown option ${a}.`);
    else positional.push(a);
  }
  if (positional[0] === 'template') {
    const kind = positional[1];
    if (!isImportKind(kind) || positional.length !== 2) throw new UsageError(`template needs one kind: ${IMPORT_KINDS.join(', ')}.`);
    return { template: kind };
  }
  const [kind, file, ...rest] = positional;
  if (!kind) throw new UsageError('Name the kind of file and the file.');
  if (!isImportKind(kind)) throw new UsageError(`Unknown kind "${kind}": use one of ${IMPORT_KINDS.join(', ')}.`);
  if (!file) throw new UsageError('Name the file to import.');
  if (rest.length > 0) throw new UsageError(`Unexpected argument "${rest[0]}".`);
  if (flags.dryRun && flags.onlyValid) throw new UsageError('--dry-run and --only-valid do not go together: a dry run writes nothing.');
  return { kind, file, ...flags };
}

const fmt = (n: number): string => n.toLocaleString('en-GB');

/** One line of progress on stderr: redrawn in place on a terminal, a line a second otherwise. */
class ProgressLine {
  private last = 0;
  private phase?: ImportProgress['phase'];
  private phaseStart = Date.now();
  private shown = false;

  constructor(
    private readonly out: NodeJS.WriteStream,
    private readonly totalBytes: number,
  ) {}

  update(p: ImportProgress): void {
    const now = Date.now();
    if (p.phase !== this.phase) {
      this.phase = p.phase;
      this.phaseStart = now;
    }
    const tty = this.out.isTTY === true;
    if (now - this.last < (tty ? 100 : 1000)) return;
    this.last = now;
    const seconds = Math.max((now - this.phaseStart) / 1000, 0.001);
    const rate = `${fmt(Math.round(p.done / seconds))} ${p.phase === 'reading' ? 'rows' : p.phase === 'writing' ? 'documents' : 'people'}/s`;
    const fraction = p.phase === 'reading' ? (this.totalBytes > 0 && p.bytes !== undefined ? p.bytes / this.totalBytes : undefined) : p.total ? p.done / p.total : undefined;
    const width = 24;
    const bar = fraction === undefined ? '' : `[${'#'.repeat(Math.round(fraction * width)).padEnd(width, '.')}] ${Math.round(fraction * 100)}% `;
    const what = p.phase === 'reading' ? `reading   ${fmt(p.done)} rows` : p.phase === 'writing' ? `writing   ${fmt(p.done)}${p.total ? ` of ${fmt(p.total)}` : ''} documents` : `statuses  ${fmt(p.done)}${p.total ? ` of ${fmt(p.total)}` : ''} people`;
    const line = `${bar}${what} (${rate})`;
    if (tty) this.out.write(`\r${line.padEnd(78)}`);
    else this.out.write(`${line}\n`);
    this.shown = true;
  }

  end(): void {
    if (this.shown && this.out.isTTY) this.out.write(`\r${' '.repeat(78)}\r`);
  }
}

function printReport(r: ImportReport, args: Args, embedded: boolean): void {
  const out: string[] = [];
  const mode = r.mode === 'preview' ? 'dry run: nothing is written' : r.mode === 'apply' ? 'apply: all rows, or nothing if any row has a problem' : 'apply the valid rows only';
  out.push(`${LAYOUTS[r.kind].title}: ${r.fileName} (${fmt(r.bytes)} bytes, sha256 ${r.fileHash.slice(0, 16)}…)`);
  out.push(`Mode: ${mode}`);
  out.push('');
  const table: [string, string][] = [
    ['rows', fmt(r.rows)],
    [r.mode === 'preview' ? 'would create' : 'create', fmt(r.creates)],
    [r.mode === 'preview' ? 'would update' : 'update', fmt(r.updates)],
    ['unchanged', fmt(r.unchanged)],
    ['with problems', `${fmt(r.invalidRows)} rows${r.errorCount > r.invalidRows ? ` (${fmt(r.errorCount)} problems)` : ''}`],
  ];
  if (r.notInFile !== undefined) table.push(['not in file', `${fmt(r.notInFile)} ${r.kind === 'roster' ? 'active staff in Reflect are not in the file (left as they are)' : 'courses in the catalogue are not in the file (kept)'}`]);
  if (r.leaversMarked) table.push(['leavers marked', fmt(r.leaversMarked)]);
  if (r.mode !== 'preview') table.push(['written', `${fmt(r.written)} documents, ${fmt(r.statusesRefreshed)} status documents recomputed`]);
  table.push(['time', `${(r.ms / 1000).toFixed(1)} s${r.rows > 0 && r.ms > 0 ? ` (${fmt(Math.round((r.rows / r.ms) * 1000))} rows/s)` : ''}`]);
  for (const [k, v] of table) out.push(`  ${k.padEnd(16)}${v}`);
  out.push('');
  out.push(r.summary);
  for (const note of r.notes) out.push(note);
  if (r.errors.length > 0) {
    const limit = 50;
    out.push('');
    out.push('Problems:');
    const colWidth = Math.min(24, Math.max(6, ...r.errors.slice(0, limit).map((e) => e.column.length)));
    out.push(`  ${'row'.padStart(7)}  ${'column'.padEnd(colWidth)}  problem`);
    for (const e of r.errors.slice(0, limit)) out.push(`  ${String(e.row).padStart(7)}  ${(e.column || '-').padEnd(colWidth)}  ${e.reason}`);
    const more = r.errorCount - Math.min(limit, r.errors.length);
    if (more > 0) out.push(`  … and ${fmt(more)} more${r.errorCount > MAX_LISTED_ERRORS ? ` (the report lists the first ${fmt(MAX_LISTED_ERRORS)}; --json shows them)` : ' (--json shows them all)'}.`);
    if (r.mode === 'apply' && !r.applied && !r.fileRejected && r.validRows > 0) out.push(`Run again with --only-valid to apply the ${fmt(r.validRows)} ${r.validRows === 1 ? 'row' : 'rows'} without problems.`);
  }
  if (embedded && r.mode !== 'preview') out.push('', 'Embedded database: nothing of this was kept (set COSMOS_ENDPOINT to import for real).');
  if (args.dryRun && !r.fileRejected && r.invalidRows === 0) out.push('', 'Dry run: run again without --dry-run to apply.');
  process.stdout.write(out.join('\n') + '\n');
}

async function main(): Promise<number> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`${err.message}\n\n${USAGE}`);
    return 2;
  }
  if ('help' in parsed) {
    process.stdout.write(USAGE);
    return 0;
  }
  if ('template' in parsed) {
    process.stdout.write(templateCsv(parsed.template));
    return 0;
  }
  const args = parsed;
  let bytes: number;
  try {
    const stat = statSync(args.file);
    if (!stat.isFile()) throw new Error('not a file');
    bytes = stat.size;
  } catch {
    process.stderr.write(`Cannot read ${args.file}: no such file.\n`);
    return 2;
  }
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`Reflect cannot start: ${err.message}\n`);
    return 2;
  }
  if (config.cosmos.endpoint && !args.tenant) {
    process.stderr.write('Name the tenant to import into with --tenant <Entra tenant id> (COSMOS_ENDPOINT is set: this is a real database).\n');
    return 2;
  }
  const tenantId = args.tenant ?? DEMO_TENANT_ID;
  const actorId = args.actor ?? `cli:${userName()}`;
  const today = dateIn(new Date(), config.timeZone);
  const store = await openStore(config.cosmos, { today: () => today });
  try {
    if (store.embedded) {
      process.stderr.write('COSMOS_ENDPOINT is not set: importing into an embedded in-memory database that is discarded when this command ends. Nothing is kept: use it to check a file, or set COSMOS_ENDPOINT to import for real.\n');
      if (config.seedDemo && tenantId === DEMO_TENANT_ID) {
        const seeded = await seedDemoBorough(store, tenantId, today);
        process.stderr.write(`Checking against the demo borough (${seeded.staff} staff) seeded into it.\n`);
      }
    } else {
      process.stderr.write(`Importing into ${new URL(store.endpoint).host}, database ${config.cosmos.database}, tenant ${tenantId}.\n`);
    }
    const progress = new ProgressLine(process.stderr, bytes);
    const showProgress = process.stderr.isTTY === true || bytes >= 1_000_000;
    const request = {
      tenantId,
      actorId,
      kind: args.kind,
      input: createReadStream(args.file),
      fileName: path.basename(args.file),
      today,
      onProgress: showProgress ? (p: ImportProgress) => progress.update(p) : undefined,
    };
    const report = args.dryRun ? await previewImport(store, request) : await applyImport(store, { ...request, onlyValidRows: args.onlyValid });
    progress.end();
    if (args.json) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
    else printReport(report, args, store.embedded);
    if (report.failure && report.written > 0) return 3;
    if (report.fileRejected || (!report.applied && report.invalidRows > 0) || report.failure) return 1;
    return 0;
  } finally {
    await store.close();
  }
}

function userName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown';
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`Import failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
