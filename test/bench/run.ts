import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchFoundation } from './foundation';

/** `npm run bench`: runs every benchmark and writes test/bench/REPORT.md. */
async function main(): Promise<void> {
  const log = (line: string): void => void process.stdout.write(line + '\n');
  const machine = `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.arch()}`;
  log(`Reflect benchmarks on ${machine}`);

  log('Foundation: demo seed and status point reads (embedded Cosmos server)');
  const f = await benchFoundation(log);
  const rows = [
    ['Demo seed time (median of 3)', `${f.seedMedianMs} ms`, '< 10,000 ms', f.seedMedianMs < 10_000],
    ['Status document point read, median', `${f.statusReadMedianMs} ms`, '< 5 ms', f.statusReadMedianMs < 5],
    ['Status document point read, p99', `${f.statusReadP99Ms} ms`, '', true],
  ] as const;
  for (const [what, value, target, ok] of rows) log(`  ${what}: ${value}${target ? ` (target ${target}: ${ok ? 'met' : 'MISSED'})` : ''}`);

  const report = [
    '# Reflect benchmark report',
    '',
    `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}. Machine: ${machine}.`,
    '',
    '## Foundation',
    '',
    `Demo borough: ${f.seeded.staff} staff, ${f.seeded.teams} teams, ${f.seeded.sessions} supervision sessions, ${f.seeded.training} training records, ${f.seeded.cpd} CPD entries, ${f.seeded.caseloads} caseload snapshots.`,
    `Seed runs: ${f.seedMs.join(', ')} ms. Point reads: ${f.statusReads}.`,
    '',
    '| measure | result | target | |',
    '|---|---|---|---|',
    ...rows.map(([what, value, target, ok]) => `| ${what} | ${value} | ${target} | ${target ? (ok ? 'met' : '**missed**') : ''} |`),
    '',
  ].join('\n');
  writeFileSync(path.join(process.cwd(), 'test', 'bench', 'REPORT.md'), report);
  log('Wrote test/bench/REPORT.md');
}

main().catch((err: unknown) => {
  process.stderr.write(`Benchmark failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
