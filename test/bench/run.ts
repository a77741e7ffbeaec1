import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Each section's module is loaded only in the process that runs it, so no section's memory figures carry the
// others' libraries (the browser driver, the bot framework) loaded for nothing.
type Row = readonly [measure: string, result: string, target: string, met: boolean];

interface Section {
  title: string;
  about: string;
  rows: Row[];
}

const log = (line: string): void => void process.stdout.write(line + '\n');

async function foundation(): Promise<Section> {
  const f = await (await import('./foundation')).benchFoundation(log);
  return {
    title: 'Foundation',
    about: `Demo borough: ${f.seeded.staff} staff, ${f.seeded.teams} teams, ${f.seeded.sessions} supervision sessions, ${f.seeded.training} training records, ${f.seeded.cpd} CPD entries, ${f.seeded.caseloads} caseload snapshots. Seed runs: ${f.seedMs.join(', ')} ms. ${f.statusReads} point reads.`,
    rows: [
      ['Demo seed time (median of 3)', `${f.seedMedianMs} ms`, '< 10,000 ms', f.seedMedianMs < 10_000],
      ['Status document point read, median', `${f.statusReadMedianMs} ms`, '< 5 ms', f.statusReadMedianMs < 5],
      ['Status document point read, p99', `${f.statusReadP99Ms} ms`, '', true],
    ],
  };
}

async function chat(): Promise<Section> {
  const t = await (await import('./chat-turns')).benchChatTurns(log);
  return {
    title: 'Chat turns',
    about: `${t.turns} "my development" turns at concurrency ${t.concurrency} over HTTP (\`POST /api/messages\`, the embedded Cosmos server in a process of its own, as Azure Cosmos DB is a remote service; loopback fake connector), then the same against a bare echo bot (restify + CloudAdapter, no store) in the same run.`,
    rows: [
      ['"My development" p50 / p99', `${t.reflect.p50} / ${t.reflect.p99} ms`, '', true],
      ['Echo bot p50 / p99', `${t.echo.p50} / ${t.echo.p99} ms`, '', true],
      ['Turns per second (Reflect / echo)', `${t.reflect.perSecond} / ${t.echo.perSecond}`, '', true],
      ['p50 ratio, Reflect to echo', `${t.p50Ratio}×`, '≤ 2×', t.p50Ratio <= 2],
      ['Cosmos round trips per turn', `${t.cosmosRoundTripsPerTurn}`, '≤ 3', t.cosmosRoundTripsPerTurn <= 3],
    ],
  };
}

async function nudges(): Promise<Section> {
  const n = await (await import('./nudges')).benchNudges(log);
  return {
    title: 'Nudge sweep',
    about: `A synthetic tenant of ${n.staff.toLocaleString('en-GB')} staff and ${n.managers.toLocaleString('en-GB')} managers (status documents and conversation references only). Planning reads the status documents and reachability in pages of up to 50,000 (${n.statusPages} page each). Sending: ${n.sent} nudges through the real proactive path to a loopback fake connector.`,
    rows: [
      ['Sweep computation (plan)', `${n.planMs} ms for ${n.planned.toLocaleString('en-GB')} nudges`, '< 5,000 ms', n.planMs < 5000],
      ['Cosmos round trips to plan', `${n.planRoundTrips}`, 'grow with pages, not staff', n.planRoundTrips <= n.statusPages * 2 + 10],
      ['Achieved send rate', `${n.sendAchieved}/s of ${n.sendTarget}/s (${n.sendShare}%)`, '≥ 90%', n.sendShare >= 90],
    ],
  };
}

async function imports(): Promise<Section> {
  const i = await (await import('./imports')).benchImports(log);
  return {
    title: 'Imports',
    about: `A generated ${i.rows.toLocaleString('en-GB')}-row training register (${i.people.toLocaleString('en-GB')} people, ${Math.round(i.fileBytes / 1024)} KB): the whole import (stream parse, validation, bulk writes, status refresh, audit) against the raw bulk-upsert rate of the embedded Cosmos server for the same documents, alternating, medians of runs (import ${i.importRunsMs.join(', ')} ms; raw ${i.rawRunsMs.join(', ')} ms). Import phases: read and check ${i.phaseMs.read} ms, write ${i.phaseMs.write} ms, statuses ${i.phaseMs.statuses} ms.`,
    rows: [
      ['Import rate', `${i.importRowsPerSecond.toLocaleString('en-GB')} rows/s`, '', true],
      ['Raw bulk-upsert rate', `${i.rawRowsPerSecond.toLocaleString('en-GB')} rows/s`, '', true],
      ['Import / raw', `${Math.round(i.ratio * 100)}%`, '≥ 70%', i.ratio >= 0.7],
      ['Peak RSS during the import', `${i.peakRssMb} MB (from ${i.startRssMb} MB)`, '< 300 MB', i.peakRssMb < 300],
    ],
  };
}

async function workforce(): Promise<Section> {
  const w = await (await import('./workforce')).benchWorkforce(log);
  const row = (label: string, f: { p50: number; p95: number; p99: number }, target = ''): Row => [`${label} p50 / p95 / p99`, `${f.p50} / ${f.p95} / ${f.p99} ms`, target, f.p95 < 150];
  return {
    title: 'Workforce tab API',
    about: `A ${w.staff.toLocaleString('en-GB')}-staff tenant with 12 months of history (${w.sessions.toLocaleString('en-GB')} supervision sessions; 13 copies of the demo borough), the embedded Cosmos server in a process of its own, the PSW signed in with a locally signed Entra token. ${w.requests} sequential rounds of: the whole dashboard, the dashboard filtered to one team, and a 10-record audit sample with a new seed (10 point reads and 10 audit entries). A person's page is not measured at this size: it queries the supervision container, which the embedded server scans without an index (one query over 63,000 sessions took over 60 s there; Azure Cosmos DB serves it from the index). The first dashboard request after start-up reads every status document of the tenant (${w.coldMs} ms); later ones are computed from that copy, which a status write by this instance replaces at once and another instance's write within 30 s. The dashboard's JSON is ${w.responseKb} KB.`,
    rows: [
      row('GET /api/workforce', w.workforce, '< 150 ms'),
      row('GET /api/workforce?team=…', w.filtered, '< 150 ms'),
      row('GET /api/workforce/audit-sample', w.sample, '< 150 ms'),
      ['First dashboard request after start-up (cold)', `${w.coldMs} ms`, '', true],
    ],
  };
}

async function tab(): Promise<Section> {
  const t = await (await import('./tab-render')).benchTabRender(log);
  return {
    title: 'Workforce tab in the browser',
    about: `The minified tab served by the service; Debian Chromium, headless, inside a fake Teams host page that answers teams-js (context, theme, SSO token) with a locally signed token; the PSW on the demo borough. First render runs from the start of the tab frame's navigation to the dashboard's headline figures being in the DOM (HTML, scripts, the teams-js handshake, the token, /api/me, /api/workforce, drawing). ${t.firstRenderMs.runs.length} runs, each in a fresh browser context, all counted: ${t.firstRenderMs.runs.join(', ')} ms. Adaptive Cards are fetched only when a record is opened (${t.lazyGzipKb} KB gzipped).`,
    rows: [
      ['First render of the dashboard, median', `${t.firstRenderMs.median} ms`, '< 1,500 ms', t.firstRenderMs.median < 1500],
      ['First render, p95', `${t.firstRenderMs.p95} ms`, '', true],
      ['Initial JavaScript and CSS, gzipped', `${t.initialGzipKb} KB (${t.initialKb} KB raw)`, '< 150 KB', t.initialGzipKb < 150],
    ],
  };
}

async function startup(): Promise<Section> {
  const s = await (await import('./startup')).benchStartup(log);
  return {
    title: 'Start-up',
    about: `\`node dist/main.js\` on the embedded default (in-memory Cosmos server, demo borough seeded), from spawning the process: runs ${s.runs.map((r) => `${r.listeningMs}/${r.readyMs}`).join(', ')} ms (listening/ready).`,
    rows: [
      ['Listening (database up, demo seeded), median', `${s.listeningMedianMs} ms`, '', true],
      ['First 200 from /readyz, median', `${s.readyMedianMs} ms`, '', true],
    ],
  };
}

function table(rows: Row[]): string[] {
  return ['| measure | result | target | |', '|---|---|---|---|', ...rows.map(([m, r, t, ok]) => `| ${m} | ${r} | ${t} | ${t ? (ok ? 'met' : '**missed**') : ''} |`)];
}

const SECTIONS = {
  foundation: ['Foundation: demo seed and status point reads', foundation],
  chat: ['Chat: "my development" against an echo bot', chat],
  nudges: ['Nudges: sweep at 10,000 staff and send rate', nudges],
  imports: ['Imports: a 50,000-row training register', imports],
  workforce: ['Workforce tab: API at 5,000 staff', workforce],
  tab: ['Workforce tab: first render and bundle size in Chromium', tab],
  startup: ['Start-up on the embedded default', startup],
} as const;
type SectionName = keyof typeof SECTIONS;

/**
 * Runs one section in a fresh Node process, so that memory one benchmark leaves behind never counts against the
 * next (the import's peak RSS is one of the targets). The child prints its progress and, last, its figures.
 */
function runIsolated(name: SectionName): Promise<Section> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, process.argv[1]!, '--section', name], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      process.stdout.write(d.toString().split('\n').filter((l) => !l.startsWith(RESULT)).join('\n'));
    });
    child.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith(RESULT));
      if (code !== 0 || !line) return reject(new Error(`benchmark ${name} failed (exit ${code})`));
      resolve(JSON.parse(line.slice(RESULT.length)) as Section);
    });
  });
}

const RESULT = 'RESULT ';

/** `npm run bench`: runs every benchmark, each in its own process, and writes test/bench/REPORT.md. */
async function main(): Promise<void> {
  const only = process.argv.indexOf('--section');
  if (only >= 0) {
    const section = await SECTIONS[process.argv[only + 1] as SectionName][1]();
    log(`${RESULT}${JSON.stringify(section)}`);
    return;
  }
  const machine = `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.arch()}`;
  log(`Reflect benchmarks on ${machine}`);
  const sections: Section[] = [];
  for (const [name, [title]] of Object.entries(SECTIONS) as [SectionName, (typeof SECTIONS)[SectionName]][]) {
    log(title);
    const section = await runIsolated(name);
    for (const [m, r, t, ok] of section.rows) log(`  ${m}: ${r}${t ? ` (target ${t}: ${ok ? 'met' : 'MISSED'})` : ''}`);
    sections.push(section);
  }
  const report = [
    '# Reflect benchmark report',
    '',
    `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}. Machine: ${machine}. Each section runs in its own Node process.`,
    ...sections.flatMap((s) => ['', `## ${s.title}`, '', s.about, '', ...table(s.rows)]),
    '',
  ].join('\n');
  writeFileSync(path.join(process.cwd(), 'test', 'bench', 'REPORT.md'), report);
  log('Wrote test/bench/REPORT.md');
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`Benchmark failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
