import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { build } from 'esbuild';
import { templateCsv } from '../../bot/src/imports/templates';
import { startEmbeddedCosmos, type EmbeddedCosmos } from '../../bot/src/store/embedded-cosmos';

const root = path.resolve(__dirname, '../..');
const bundle = path.join(root, 'dist', 'test-import.js');
const fixture = (name: string): string => path.join(root, 'test/fixtures/imports', name);

// One database server for the whole file, outside the command, so what one run writes the next one reads: the
// command connects to it as it would to Azure (COSMOS_ENDPOINT and a key), trusting its self-signed certificate.
let cosmos: EmbeddedCosmos;
let tmp: string;
beforeAll(async () => {
  await build({ entryPoints: [path.join(root, 'bot/src/cli/import.ts')], outfile: bundle, bundle: true, platform: 'node', target: 'node20', packages: 'external', logLevel: 'silent' });
  cosmos = await startEmbeddedCosmos();
  tmp = mkdtempSync(path.join(os.tmpdir(), 'reflect-import-'));
}, 30_000);
afterAll(async () => {
  await cosmos.close();
  rmSync(tmp, { recursive: true, force: true });
});

interface Result {
  code: number | null;
  out: string;
  err: string;
}

async function cli(args: string[], { database = true }: { database?: boolean } = {}): Promise<Result> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '' };
  if (database) Object.assign(env, { COSMOS_ENDPOINT: `${cosmos.endpoint}/`, COSMOS_KEY: 'test', COSMOS_DATABASE: 'cli', NODE_TLS_REJECT_UNAUTHORIZED: '0' });
  const child = spawn(process.execPath, [bundle, ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, out, err };
}

let tenants = 0;
const tenant = (): string => `cli-tenant-${++tenants}`;

describe('npm run import', () => {
  it('prints a template that the import accepts', async () => {
    const r = await cli(['template', 'caseloads'], { database: false });
    expect(r.code).toBe(0);
    expect(r.out).toBe(templateCsv('caseloads'));
  });

  it.each([
    [[], /Name the kind of file/],
    [['payroll', 'x.csv'], /Unknown kind "payroll"/],
    [['roster'], /Name the file/],
    [['roster', 'no-such-file.csv', '--tenant', 't'], /Cannot read no-such-file.csv/],
    [['roster', fixture('roster-good.csv'), '--dry-run', '--only-valid', '--tenant', 't'], /do not go together/],
    [['roster', fixture('roster-good.csv'), '--colour'], /Unknown option --colour/],
    [['roster', fixture('roster-good.csv')], /Name the tenant/],
  ])('exits 2 on a usage error: %j', async (args, message) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.out).toBe('');
  });

  it('applies a roster with a summary table, then reports everything unchanged on a second run', async () => {
    const t = tenant();
    const first = await cli(['roster', fixture('roster-good.csv'), '--tenant', t, '--actor', 'hr-team']);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/Roster \(HR extract\): roster-good\.csv/);
    expect(first.out).toMatch(/^ {2}create {10}11$/m);
    expect(first.out).toMatch(/^ {2}leavers marked {2}1$/m);
    expect(first.out).toContain('Applied: 11 created, 0 updated, 0 unchanged.');
    const second = await cli(['roster', fixture('roster-good.csv'), '--tenant', t]);
    expect(second.code).toBe(0);
    expect(second.out).toMatch(/^ {2}unchanged {7}11$/m);
    expect(second.out).toContain('Nothing changed: all 11 rows already match what Reflect holds.');
    const moved = await cli(['roster', fixture('roster-move.csv'), '--tenant', t, '--json']);
    expect(moved.code).toBe(0);
    expect(JSON.parse(moved.out)).toMatchObject({ kind: 'roster', updates: 1, unchanged: 9, applied: true, written: 1 });
  }, 30_000);

  it('exits 1 naming each bad row, applies nothing, and applies the valid rows with --only-valid', async () => {
    const t = tenant();
    expect((await cli(['roster', fixture('roster-good.csv'), '--tenant', t])).code).toBe(0);
    const bad = await cli(['training', fixture('training-bad.csv'), '--tenant', t]);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('Nothing was applied: 7 rows with problems.');
    for (const [row, column] of [[3, 'course'], [4, 'attendee'], [5, 'date'], [6, 'status'], [7, 'attendee'], [8, 'date'], [9, 'attendee']] as const) {
      expect(bad.out).toMatch(new RegExp(`^ +${row} {2}${column} +\\S`, 'm'));
    }
    expect(bad.out).toContain('Run again with --only-valid to apply the 1 row without problems.');
    const check = await cli(['training', fixture('training-good.csv'), '--tenant', t, '--dry-run']);
    expect(check.code).toBe(0);
    expect(check.out).toMatch(/^ {2}would create {4}6$/m);
    expect(check.out).toContain('Dry run: run again without --dry-run to apply.');
    const valid = await cli(['training', fixture('training-bad.csv'), '--tenant', t, '--only-valid']);
    expect(valid.code).toBe(0);
    expect(valid.out).toContain('Applied: 1 created, 0 updated, 0 unchanged; 7 rows with problems skipped.');
  }, 30_000);

  it('exits 1 on a wrong header or a file that is not CSV', async () => {
    const t = tenant();
    const header = await cli(['caseloads', fixture('caseloads-child-data.csv'), '--tenant', t, '--only-valid']);
    expect(header.code).toBe(1);
    expect(header.out).toMatch(/^ +1 {2}child_name +Column "child_name" may hold a child's details/m);
    const malformed = await cli(['training', fixture('training-malformed.csv'), '--tenant', t]);
    expect(malformed.code).toBe(1);
    expect(malformed.out).toMatch(/not valid CSV from row 2/);
  });

  it('says clearly that the embedded database keeps nothing, and still checks the file', async () => {
    const r = await cli(['roster', fixture('roster-good.csv'), '--dry-run'], { database: false });
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/embedded in-memory database that is discarded when this command ends/);
    expect(r.out).toMatch(/^ {2}would create {4}11$/m);
  }, 30_000);

  it('imports a large generated register with a progress line on stderr', async () => {
    const t = tenant();
    const people = 300;
    const rows = 40_000;
    const rosterFile = path.join(tmp, 'roster.csv');
    const registerFile = path.join(tmp, 'register.csv');
    const write = async (file: string, lines: Iterable<string>): Promise<void> => {
      const out = createWriteStream(file);
      for (const line of lines) if (!out.write(line)) await once(out, 'drain');
      out.end();
      await once(out, 'finish');
    };
    await write(rosterFile, (function* () {
      yield 'email,name,role,team,start_date\n';
      for (let i = 0; i < people; i++) yield `person${i}@borough.gov.uk,Person ${i},social_worker,Team ${i % 12},2021-03-01\n`;
    })());
    const codes = ['SOS-INTRO', 'CS-ASSESS', 'CS-CHRON', 'CS-DIRECT', 'CS-DA', 'CS-EXPLOIT', 'CS-COURT', 'SOS-MGR'];
    await write(registerFile, (function* () {
      yield 'course,date,attendee,status,hours,note\n';
      for (let i = 0; i < rows; i++) {
        const n = Math.floor(i / people);
        const date = `20${15 + (n % 10)}-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (Math.floor(n / 8) % 28)).padStart(2, '0')}`;
        yield `${codes[n % codes.length]},${date},person${i % people}@borough.gov.uk,completed,,Register ${n}\n`;
      }
    })());
    expect((await cli(['roster', rosterFile, '--tenant', t])).code).toBe(0);
    const r = await cli(['training', registerFile, '--tenant', t]);
    expect(r.err).toMatch(/reading +[\d,]+ rows \([\d,]+ rows\/s\)/);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^ {2}rows {12}40,000$/m);
    expect(r.out).toContain('Applied: 40,000 created, 0 updated, 0 unchanged.');
    expect(r.out).toMatch(/written {9}40,000 documents, 300 status documents recomputed/);
  }, 120_000);
});
