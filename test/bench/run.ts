import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchChatTurns } from './chat-turns';
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

  log('Chat: "my development" turns over HTTP at concurrency 20, against an echo bot on the same stack');
  const t = await benchChatTurns(log);
  const chatRows = [
    ['"My development" p50 / p99', `${t.reflect.p50} / ${t.reflect.p99} ms`, '', true],
    ['Echo bot p50 / p99', `${t.echo.p50} / ${t.echo.p99} ms`, '', true],
    ['Turns per second (Reflect / echo)', `${t.reflect.perSecond} / ${t.echo.perSecond}`, '', true],
    ['p50 ratio, Reflect to echo', `${t.p50Ratio}×`, '≤ 2×', t.p50Ratio <= 2],
    ['Cosmos round trips per turn', `${t.cosmosRoundTripsPerTurn}`, '≤ 3', t.cosmosRoundTripsPerTurn <= 3],
  ] as const;
  for (const [what, value, target, ok] of chatRows) log(`  ${what}: ${value}${target ? ` (target ${target}: ${ok ? 'met' : 'MISSED'})` : ''}`);

  const table = (r: readonly (readonly [string, string, string, boolean])[]): string[] => [
    '| measure | result | target | |',
    '|---|---|---|---|',
    ...r.map(([what, value, target, ok]) => `| ${what} | ${value} | ${target} | ${target ? (ok ? 'met' : '**missed**') : ''} |`),
  ];
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
    ...table(rows),
    '',
    '## Chat turns',
    '',
    `${t.turns} "my development" turns at concurrency ${t.concurrency} over HTTP (\`POST /api/messages\`, embedded Cosmos server, loopback fake connector), then the same against a bare echo bot (restify + CloudAdapter, no store) in the same process.`,
    '',
    ...table(chatRows),
    '',
  ].join('\n');
  writeFileSync(path.join(process.cwd(), 'test', 'bench', 'REPORT.md'), report);
  log('Wrote test/bench/REPORT.md');
}

main().catch((err: unknown) => {
  process.stderr.write(`Benchmark failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
