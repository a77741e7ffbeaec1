import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { startApp, type App } from '../../bot/src/app';
import { loadConfig } from '../../bot/src/config';
import type { PersonStatus } from '../../bot/src/domain/status';
import { createLogger } from '../../bot/src/log';
import type { SweepReport } from '../../bot/src/nudges/sweep';
import { DEMO_TENANT_ID, DEMO_USERS } from '../../bot/src/store/demo-borough';
import { isManager } from '../../bot/src/usecases/actor';
import { LocalEntra } from '../support/entra';
import { startCosmosProcess } from './cosmos-process';
import { percentile, round } from './stats';
import { supervisionFormInput } from '../support/forms';

/*
 * `npm run soak` (issue #8): load and soak on loopback, bounded in time. For SOAK_SECONDS (default 120) 50
 * simulated Teams users chat with the bot over HTTP (POST /api/messages, keep-alive, small think times), the
 * nudge sweep runs over its HTTP trigger at the start and again half-way (the second must send nothing: at most
 * once), and three dashboard readers GET the tab API with Entra tokens. Every request's latency and status is
 * recorded; the run fails on any error or on RSS growth of 10% or more.
 *
 * What counts as an error: a network error or timeout; any non-2xx from /api/messages, the tab API or the
 * sweep trigger; a turn that did not get exactly one reply at the connector, or whose reply (or invoke answer)
 * is not the expected card, or is the "please try again" card; a sweep report with failed sends, a held lease
 * or a second run that sends anything; a nudge delivered twice to the same person and kind; any request to the
 * loopback connector it does not expect; any line the service logs at level error.
 *
 * Memory: this process hosts the service (and the load generator, whose own state is a few counters and the
 * latency arrays, well under 1 MB). RSS is sampled every second. Growth is RSS at the end of the load (taken
 * at the deadline, while the load is still running) against RSS at the end of a warm-up period (15 s, or a
 * quarter of a shorter run), when caches, JIT and connection pools have filled. Both are taken right after a
 * full GC when the script runs with --expose-gc, so garbage not yet collected is not counted as growth. The
 * Cosmos server runs in a process of its own (as Azure Cosmos DB is remote); its RSS is reported, not judged:
 * it holds the data, which grows with every record saved during the run.
 */

const SOAK_SECONDS = wholeSeconds(process.env.SOAK_SECONDS, 120);
const WARMUP_SECONDS = Math.min(15, Math.floor(SOAK_SECONDS / 4));
const HARD_STOP_SECONDS = SOAK_SECONDS + 60;
const USERS = 50;
/** Team managers with reports among the users, the demo manager one of them; the demo PSW comes on top. */
const MANAGERS = 12;
const THINK_MS = [100, 500] as const;
const RSS_GROWTH_TARGET = 0.1;
/** The service's clock starts here and runs at real speed: a Tuesday, a working day in England. */
const TODAY = '2026-11-24';
const CLOCK_START = Date.parse(`${TODAY}T09:30:00Z`);
const YESTERDAY = '2026-11-23';
const REQUEST_TIMEOUT_MS = 30_000;
const SWEEP_TIMEOUT_MS = 300_000;
const TRY_AGAIN = /try again/i;

const log = (line: string): void => void process.stdout.write(line + '\n');
const gc = (globalThis as { gc?: () => void }).gc;

function wholeSeconds(raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 4 || n > 3600) throw new Error(`SOAK_SECONDS is "${raw}": set a whole number of seconds from 4 to 3600`);
  return n;
}

const rand = (min: number, max: number): number => min + Math.random() * (max - min);
const mb = (bytes: number): number => round(bytes / 2 ** 20, 1);

// ---------------------------------------------------------------------------------------------------------
// Figures

interface Failure {
  kind: string;
  reason: string;
}

class Recorder {
  readonly latencies = new Map<string, number[]>();
  readonly errorsByKind = new Map<string, number>();
  readonly reasons = new Map<string, number>();
  requests = 0;
  errors = 0;

  latency(kind: string, ms: number): void {
    this.requests++;
    let list = this.latencies.get(kind);
    if (!list) this.latencies.set(kind, (list = []));
    list.push(ms);
  }

  fail({ kind, reason }: Failure): void {
    this.errors++;
    this.errorsByKind.set(kind, (this.errorsByKind.get(kind) ?? 0) + 1);
    const key = `${kind}: ${reason}`;
    const seen = this.reasons.get(key) ?? 0;
    this.reasons.set(key, seen + 1);
    if (seen === 0) process.stderr.write(`  error: ${key}\n`);
  }
}

// ---------------------------------------------------------------------------------------------------------
// The loopback Bot Connector

interface PendingTurn {
  expect: RegExp;
  replies: number;
  matched: boolean;
  tryAgain: boolean;
}

/**
 * Accepts every reply and proactive send, as Teams' connector does. A reply to one of the soak's turns
 * (replyToId) is checked against what the turn expects; a nudge card is counted per conversation and kind, so
 * a nudge delivered twice shows. Nothing is kept per activity beyond those counters.
 */
async function startConnector(rec: Recorder): Promise<{ url: string; pending: Map<string, PendingTurn>; counts: ConnectorCounts; close: () => Promise<void> }> {
  const pending = new Map<string, PendingTurn>();
  const counts: ConnectorCounts = { activities: 0, replies: 0, nudges: 0, otherProactive: 0, nudgeKeys: new Map() };
  let n = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const url = req.url ?? '';
      const answer = (status: number, body: unknown): void => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (req.method === 'POST' && /\/v3\/conversations\/?$/.test(url)) return answer(200, { id: `soak-conversation-${++n}` });
      const conversation = /\/v3\/conversations\/([^/]+)\/activities(?:\/[^/]+)?\/?$/.exec(url);
      if ((req.method !== 'POST' && req.method !== 'PUT') || !conversation) {
        rec.fail({ kind: 'connector', reason: `unexpected ${req.method} ${url.replace(/[0-9a-f-]{36}/g, '<id>')}` });
        return answer(404, { error: { code: 'NotFound', message: 'not a connector route' } });
      }
      counts.activities++;
      let replyToId: string | undefined;
      try {
        replyToId = (JSON.parse(raw) as { replyToId?: string }).replyToId;
      } catch {
        rec.fail({ kind: 'connector', reason: 'an activity that is not JSON' });
      }
      const turn = replyToId ? pending.get(replyToId) : undefined;
      if (turn) {
        counts.replies++;
        turn.replies++;
        turn.matched = turn.expect.test(raw);
        turn.tryAgain ||= TRY_AGAIN.test(raw);
      } else if (raw.includes('nudge.snooze')) {
        counts.nudges++;
        const kind = /"kind":"(practitioner|manager_digest|psw_weekly)"/.exec(raw)?.[1] ?? 'unknown';
        const key = `${decodeURIComponent(conversation[1]!)}|${kind}`;
        const times = (counts.nudgeKeys.get(key) ?? 0) + 1;
        counts.nudgeKeys.set(key, times);
        if (times > 1) rec.fail({ kind: 'sweep', reason: `a ${kind} nudge delivered ${times} times to one person (at most once broken)` });
      } else {
        counts.otherProactive++;
        if (TRY_AGAIN.test(raw)) rec.fail({ kind: 'connector', reason: 'a proactive "please try again" message' });
      }
      answer(200, { id: `soak-activity-${++n}` });
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    pending,
    counts,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

interface ConnectorCounts {
  activities: number;
  /** Replies to the soak's own turns. */
  replies: number;
  nudges: number;
  /** Acknowledgement requests after a supervision save, and anything else sent proactively. */
  otherProactive: number;
  /** conversation|kind → nudges delivered. */
  nudgeKeys: Map<string, number>;
}

// ---------------------------------------------------------------------------------------------------------
// HTTP

const agent = new http.Agent({ keepAlive: true, maxSockets: 128 });

interface Answer {
  status: number;
  ms: number;
  body: string;
  error?: string;
}

function request(url: string, init: { method: 'GET' | 'POST'; headers?: Record<string, string>; body?: string; keepBody?: boolean; timeoutMs?: number }): Promise<Answer> {
  return new Promise((resolve) => {
    const t = performance.now();
    const headers: Record<string, string | number> = { ...init.headers };
    if (init.body !== undefined) Object.assign(headers, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(init.body) });
    const req = http.request(url, { method: init.method, agent, headers, timeout: init.timeoutMs ?? REQUEST_TIMEOUT_MS }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => void (init.keepBody && chunks.push(d)));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - t, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', (err) => resolve({ status: 0, ms: performance.now() - t, body: '', error: err.message }));
    });
    req.on('timeout', () => req.destroy(new Error(`no answer in ${init.timeoutMs ?? REQUEST_TIMEOUT_MS} ms`)));
    req.on('error', (err) => resolve({ status: 0, ms: performance.now() - t, body: '', error: (err as NodeJS.ErrnoException).code ?? err.message }));
    req.end(init.body);
  });
}

// ---------------------------------------------------------------------------------------------------------
// Simulated people

interface SoakUser {
  staffId: string;
  aadObjectId: string;
  name: string;
  manager: boolean;
  /** Direct reports, for a manager's supervision record. */
  reports: string[];
  token: string;
}

function activityBase(serviceUrl: string, u: SoakUser, id: string): Record<string, unknown> {
  return {
    id,
    timestamp: new Date().toISOString(),
    serviceUrl,
    channelId: 'msteams',
    from: { id: `29:${u.aadObjectId}`, aadObjectId: u.aadObjectId, name: u.name },
    conversation: { id: `a:soak-${u.aadObjectId}`, conversationType: 'personal', tenantId: DEMO_TENANT_ID },
    recipient: { id: '28:reflect-bot', name: 'Reflect' },
    channelData: { tenant: { id: DEMO_TENANT_ID } },
  };
}

/** A complete supervision record a manager would submit for one of their reports (no quality prompts). */
const supervisionForm = (superviseeId: string): Record<string, unknown> => supervisionFormInput(superviseeId, { date: YESTERDAY, caseIds: 'LCS-1234567' });

const CPD_FORM = { date: '2026-11-20', type: 'reading', learning: 'Research on neglect and adolescents', impact: 'Sharper analysis in assessments', peerReflected: 'true', peerName: 'Team manager' };

const heading = (text: string): RegExp => new RegExp(`"text":"${text}`);

type Step = { weight: number; run: (u: SoakUser) => Promise<void> };

// ---------------------------------------------------------------------------------------------------------
// The soak

interface SweepRun {
  label: string;
  startedAt: number;
  ms: number;
  status: number;
  report?: SweepReport;
}

interface MemorySample {
  at: number;
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
}

/** The Cosmos server's process (a child of this one), read from /proc: RSS and CPU seconds so far. */
class ChildProcessStats {
  private constructor(private readonly pid: number | undefined) {}

  static async find(marker: string): Promise<ChildProcessStats> {
    const pid = await new Promise<number | undefined>((resolve) =>
      execFile('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], (err, stdout) => {
        const line = err ? undefined : stdout.split('\n').find((l) => l.includes(marker));
        const n = line ? Number(line.trim().split(/\s+/)[0]) : NaN;
        resolve(Number.isInteger(n) ? n : undefined);
      }),
    );
    return new ChildProcessStats(pid);
  }

  rss(): number | undefined {
    try {
      const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${this.pid}/status`, 'utf8'))?.[1];
      return kb ? Number(kb) * 1024 : undefined;
    } catch {
      return undefined;
    }
  }

  cpuSeconds(): number | undefined {
    try {
      // Fields after the command name: utime and stime are the 12th and 13th (clock ticks, 100 a second on Linux).
      const stat = readFileSync(`/proc/${this.pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      return undefined;
    }
  }
}

function memory(): MemorySample {
  const m = process.memoryUsage();
  return { at: performance.now(), rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external };
}

async function main(): Promise<number> {
  const started = performance.now();
  const hardStop = setTimeout(() => {
    process.stderr.write(`Soak hard stop: still running ${HARD_STOP_SECONDS} s after the start; giving up.\n`);
    process.exit(3);
  }, HARD_STOP_SECONDS * 1000);
  hardStop.unref();

  const machine = `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.arch()}`;
  log(`Reflect soak: ${USERS} users, a sweep and dashboard reads for ${SOAK_SECONDS} s on ${machine}${gc ? '' : ' (no --expose-gc: RSS is read without a forced GC)'}`);

  const rec = new Recorder();
  const appErrors: string[] = [];
  let appWarnings = 0;
  const appLog = createLogger('warn', {}, (line) => {
    const level = /"level":"(\w+)"/.exec(line)?.[1];
    if (level === 'error') {
      if (appErrors.length < 20) appErrors.push(line);
      rec.fail({ kind: 'service log', reason: /"msg":"([^"]*)"/.exec(line)?.[1] ?? line.slice(0, 120) });
    } else if (/"msg":"MicrosoftAppId is not set/.test(line) === false) {
      if (appWarnings++ < 5) process.stderr.write(`  service warning: ${line.slice(0, 300)}\n`);
    }
  });

  const connector = await startConnector(rec);
  const cosmos = await startCosmosProcess();
  const cosmosProcess = await ChildProcessStats.find('cosmosdb-server');
  const entra = await LocalEntra.start();
  const triggerKey = randomBytes(32).toString('hex');
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    COSMOS_ENDPOINT: cosmos.endpoint,
    COSMOS_KEY: 'local',
    SEED_DEMO: 'true',
    NUDGE_SCHEDULER: 'false',
    NUDGE_TRIGGER_KEY: triggerKey,
    RETENTION_PURGE: 'false',
    ...entra.env(),
  });
  const realStart = Date.now();
  let app: App | undefined;
  try {
    log('Starting the service (Cosmos server in its own process, demo borough seeded)…');
    app = await startApp({ ...config, cosmos: { ...config.cosmos, selfSignedLoopback: true } as typeof config.cosmos }, { log: appLog, now: () => new Date(CLOCK_START + (Date.now() - realStart)) });
    const appUrl = app.url;
    log(`  seeded: ${app.seeded?.staff ?? '?'} staff, ${app.seeded?.sessions ?? '?'} sessions`);

    // The 50 people: the three demo identities, managers with reports, then practitioners, spread over the borough.
    const statuses = (await app.store.status.all(DEMO_TENANT_ID)).filter((s) => s.active && s.aadObjectId).sort((a, b) => a.staffId.localeCompare(b.staffId));
    const reportsOf = new Map<string, string[]>();
    for (const s of statuses) if (s.managerId) reportsOf.set(s.managerId, [...(reportsOf.get(s.managerId) ?? []), s.staffId]);
    const fixedIds = new Set<string>([DEMO_USERS.manager.staffId, DEMO_USERS.practitioner.staffId, DEMO_USERS.psw.staffId]);
    const spread = <T>(list: T[], n: number): T[] => Array.from({ length: Math.min(n, list.length) }, (_, i) => list[Math.floor((i * list.length) / Math.min(n, list.length))]!);
    const fixed = statuses.filter((s) => fixedIds.has(s.staffId));
    const managers = spread(statuses.filter((s) => !fixedIds.has(s.staffId) && isManager(s.role) && (reportsOf.get(s.staffId)?.length ?? 0) > 0), MANAGERS - 1);
    const others = spread(statuses.filter((s) => !fixedIds.has(s.staffId) && !isManager(s.role)), USERS - fixed.length - managers.length);
    const chosen: PersonStatus[] = [...fixed, ...managers, ...others];
    if (chosen.length !== USERS) throw new Error(`found only ${chosen.length} active staff with Entra ids for ${USERS} users`);
    const users: SoakUser[] = await Promise.all(
      chosen.map(async (s) => ({
        staffId: s.staffId,
        aadObjectId: s.aadObjectId!,
        name: s.name,
        manager: isManager(s.role),
        reports: reportsOf.get(s.staffId) ?? [],
        token: await entra.token({ tid: DEMO_TENANT_ID, oid: s.aadObjectId! }),
      })),
    );
    const managerUser = users.find((u) => u.staffId === DEMO_USERS.manager.staffId)!;
    const pswUser = users.find((u) => u.staffId === DEMO_USERS.psw.staffId)!;
    log(`  users: ${users.filter((u) => u.manager).length} managers (the PSW among them), ${users.filter((u) => !u.manager).length} practitioners`);

    // One chat turn: the reply must reach the connector, once, and be the card the words ask for. The stored
    // conversation reference carries the install's activity id, so proactive sends never look like turn replies.
    let seq = 0;
    const turn = async (kind: string, u: SoakUser, activity: Record<string, unknown>, expect: RegExp, record = true): Promise<void> => {
      const id = `${activity.type === 'conversationUpdate' ? 'install' : 'soak'}-${++seq}`;
      const body = JSON.stringify({ ...activityBase(connector.url, u, id), ...activity });
      const pending: PendingTurn = { expect, replies: 0, matched: false, tryAgain: false };
      connector.pending.set(id, pending);
      const r = await request(`${appUrl}/api/messages`, { method: 'POST', body });
      connector.pending.delete(id);
      if (record) rec.latency(kind, r.ms);
      const failure = r.error ? `network: ${r.error}` : r.status < 200 || r.status > 299 ? `HTTP ${r.status}` : pending.replies !== 1 ? `${pending.replies} replies at the connector` : pending.tryAgain ? 'the "please try again" card' : !pending.matched ? `not the expected card (${expect.source})` : undefined;
      if (failure) rec.fail({ kind, reason: failure });
    };
    const say = (kind: string, text: string, expect: RegExp) => (u: SoakUser) => turn(kind, u, { type: 'message', text }, expect);
    // An Action.Execute press: the answer is the invoke response itself.
    const press = async (kind: string, u: SoakUser, verb: string, data: Record<string, unknown>, expect: RegExp): Promise<void> => {
      const body = JSON.stringify({ ...activityBase(connector.url, u, `soak-${++seq}`), type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' } });
      const r = await request(`${appUrl}/api/messages`, { method: 'POST', body, keepBody: true });
      rec.latency(kind, r.ms);
      const failure = r.error ? `network: ${r.error}` : r.status !== 200 ? `HTTP ${r.status}` : TRY_AGAIN.test(r.body) ? 'the "please try again" card' : !expect.test(r.body) ? `not the expected card (${expect.source}): ${r.body.slice(0, 200)}` : undefined;
      if (failure) rec.fail({ kind, reason: failure });
    };

    const common: Step[] = [
      { weight: 30, run: say('chat: my development', 'my development', heading('My development')) },
      { weight: 20, run: say('chat: my caseload', 'my caseload', heading('My caseload')) },
      { weight: 20, run: say('chat: actions', 'my actions', heading('My actions')) },
      { weight: 15, run: say('chat: help', 'help', heading('What Reflect can do')) },
      { weight: 4, run: (u) => press('invoke: cpd.save', u, 'cpd.save', CPD_FORM, heading('CPD saved')) },
    ];
    const managerSteps: Step[] = [
      ...common,
      { weight: 25, run: say('chat: team', 'team', heading('Team')) },
      {
        weight: 5,
        run: (u) => (u.reports.length ? press('invoke: supervision.save', u, 'supervision.save', supervisionForm(u.reports[Math.floor(Math.random() * u.reports.length)]!), heading('Supervision saved')) : say('chat: team', 'team', heading('Team'))(u)),
      },
    ];
    const pick = (steps: Step[]): Step => {
      const total = steps.reduce((s, x) => s + x.weight, 0);
      let r = Math.random() * total;
      for (const s of steps) if ((r -= s.weight) < 0) return s;
      return steps[steps.length - 1]!;
    };

    // Install: the welcome card, and the conversation reference that nudges and acknowledgement requests use.
    log('Installing Reflect for the 50 users (conversation references for proactive sends)…');
    await Promise.all(users.map((u) => turn('install', u, { type: 'conversationUpdate', membersAdded: [{ id: '28:reflect-bot' }, { id: `29:${u.aadObjectId}` }] }, /Welcome to Reflect/, false)));
    const reachable = (await app.store.conversations.reachability(DEMO_TENANT_ID)).length;
    const setupErrors = rec.errors;
    if (setupErrors > 0) throw new Error(`${setupErrors} errors while installing: not starting the soak`);
    log(`  installed: ${reachable} people reachable for proactive messages`);

    // ---- load ----
    const t0 = performance.now();
    const endAt = t0 + SOAK_SECONDS * 1000;
    const running = (): boolean => performance.now() < endAt;
    const samples: MemorySample[] = [];
    let warm: MemorySample | undefined;
    let end: MemorySample | undefined;
    const cosmosAt: { warm?: number; end?: number } = {};
    const sampler = setInterval(() => samples.push(memory()), 1000);
    const warmTimer = setTimeout(() => {
      gc?.();
      warm = memory();
      cosmosAt.warm = cosmosProcess.rss();
      log(`  warm-up over at ${WARMUP_SECONDS} s: RSS ${mb(warm.rss)} MB, heap ${mb(warm.heapUsed)} MB${cosmosAt.warm ? `, Cosmos server ${mb(cosmosAt.warm)} MB` : ''}`);
    }, WARMUP_SECONDS * 1000);
    const endTimer = setTimeout(() => {
      gc?.();
      end = memory();
      cosmosAt.end = cosmosProcess.rss();
    }, SOAK_SECONDS * 1000);
    // CPU: this process (service and load generator) and the Cosmos server, as a share of one core.
    const cpuStart = { self: process.cpuUsage(), cosmos: cosmosProcess.cpuSeconds() };
    let last = { requests: 0, at: performance.now(), self: process.cpuUsage(), cosmos: cosmosProcess.cpuSeconds() };
    const progress = setInterval(() => {
      const now = { requests: rec.requests, at: performance.now(), self: process.cpuUsage(), cosmos: cosmosProcess.cpuSeconds() };
      const wall = (now.at - last.at) / 1000;
      const selfCpu = (now.self.user + now.self.system - last.self.user - last.self.system) / 1e6 / wall;
      const cosmosCpu = now.cosmos !== undefined && last.cosmos !== undefined ? (now.cosmos - last.cosmos) / wall : undefined;
      const m = memory();
      const rssCosmos = cosmosProcess.rss();
      log(`  [${String(Math.round((now.at - t0) / 1000)).padStart(4)} s] ${rec.requests.toLocaleString('en-GB')} requests (${Math.round((now.requests - last.requests) / wall)}/s), ${rec.errors} errors, RSS ${mb(m.rss)} MB, heap ${mb(m.heapUsed)}/${mb(m.heapTotal)} MB, CPU ${Math.round(selfCpu * 100)}%${rssCosmos ? `; Cosmos server RSS ${mb(rssCosmos)} MB` : ''}${cosmosCpu !== undefined ? `, CPU ${Math.round(cosmosCpu * 100)}%` : ''}`);
      last = now;
    }, 10_000);

    const userLoop = async (u: SoakUser): Promise<void> => {
      await sleep(rand(0, THINK_MS[1]));
      while (running()) {
        await pick(u.manager ? managerSteps : common).run(u);
        await sleep(rand(THINK_MS[0], THINK_MS[1]));
      }
    };
    const reader = async (kind: string, next: () => { path: string; token: string }): Promise<void> => {
      await sleep(rand(0, THINK_MS[1]));
      while (running()) {
        const { path: p, token } = next();
        const r = await request(`${appUrl}${p}`, { method: 'GET', headers: { authorization: `Bearer ${token}` } });
        rec.latency(kind, r.ms);
        if (r.error) rec.fail({ kind, reason: `network: ${r.error}` });
        else if (r.status < 200 || r.status > 299) rec.fail({ kind, reason: `HTTP ${r.status}` });
        await sleep(rand(THINK_MS[0], THINK_MS[1]));
      }
    };
    let self = 0;
    const sweeps: SweepRun[] = [];
    const sweep = async (label: string): Promise<void> => {
      const startedAt = (performance.now() - t0) / 1000;
      log(`  sweep (${label}) started at ${Math.round(startedAt)} s`);
      const r = await request(`${appUrl}/api/nudges/run?date=${TODAY}`, { method: 'POST', headers: { authorization: `Bearer ${triggerKey}` }, keepBody: true, timeoutMs: SWEEP_TIMEOUT_MS });
      rec.latency('sweep: POST /api/nudges/run', r.ms);
      let report: SweepReport | undefined;
      if (r.error) rec.fail({ kind: 'sweep', reason: `network: ${r.error}` });
      else if (r.status !== 200) rec.fail({ kind: 'sweep', reason: `HTTP ${r.status}` });
      else {
        const reports = (JSON.parse(r.body) as { reports: SweepReport[] }).reports;
        report = reports.find((x) => x.tenantId === DEMO_TENANT_ID);
        if (!report) rec.fail({ kind: 'sweep', reason: 'no report for the demo tenant' });
        else if (report.leaseHeld) rec.fail({ kind: 'sweep', reason: 'the lease was held: nothing was swept' });
        else if (report.failed > 0) rec.fail({ kind: 'sweep', reason: `${report.failed} sends failed` });
      }
      sweeps.push({ label, startedAt, ms: r.ms, status: r.status, report });
      if (report) log(`  sweep (${label}) done in ${round(r.ms / 1000, 1)} s: planned ${report.planned}, sent ${report.sent}, skipped ${report.skipped}, unreachable ${report.unreachable}, failed ${report.failed}`);
    };
    const sweepLoop = async (): Promise<void> => {
      await sweep('first');
      const half = t0 + (SOAK_SECONDS * 1000) / 2;
      if (performance.now() < half) await sleep(half - performance.now());
      await sweep('second, half-way');
      const [first, second] = sweeps.map((s) => s.report);
      if (first && first.sent === 0) rec.fail({ kind: 'sweep', reason: 'the first sweep sent nothing: at most once is not shown' });
      if (second && second.sent > 0) rec.fail({ kind: 'sweep', reason: `the second sweep sent ${second.sent} more (at most once broken)` });
    };

    log(`Soaking for ${SOAK_SECONDS} s…`);
    await Promise.all([
      ...users.map(userLoop),
      reader('api: GET /api/workforce (PSW)', () => ({ path: '/api/workforce', token: pswUser.token })),
      reader('api: GET /api/team (manager)', () => ({ path: '/api/team', token: managerUser.token })),
      reader('api: GET /api/people/:self', () => {
        const u = users[self++ % users.length]!;
        return { path: `/api/people/${encodeURIComponent(u.staffId)}`, token: u.token };
      }),
      sweepLoop(),
    ]);
    const drainedAt = performance.now();
    clearInterval(sampler);
    clearInterval(progress);
    clearTimeout(warmTimer);
    clearTimeout(endTimer);
    end ??= (gc?.(), memory());
    warm ??= samples[0] ?? end;
    cosmosAt.end ??= cosmosProcess.rss();
    const cpuEnd = { self: process.cpuUsage(cpuStart.self), cosmos: cosmosProcess.cpuSeconds() };
    const cpu = {
      self: round((cpuEnd.self.user + cpuEnd.self.system) / 1e6 / ((drainedAt - t0) / 1000) * 100, 0),
      cosmos: cpuEnd.cosmos !== undefined && cpuStart.cosmos !== undefined ? round(((cpuEnd.cosmos - cpuStart.cosmos) / ((drainedAt - t0) / 1000)) * 100, 0) : undefined,
    };

    const sentBySweeps = sweeps.reduce((s, x) => s + (x.report?.sent ?? 0), 0);
    if (connector.counts.nudges !== sentBySweeps) rec.fail({ kind: 'sweep', reason: `the connector received ${connector.counts.nudges} nudges, the sweeps report ${sentBySweeps} sent` });
    const nudgeLog = await app.store.nudges.onDate(DEMO_TENANT_ID, TODAY);
    const logged = { sent: nudgeLog.filter((x) => x.state === 'sent').length, unreachable: nudgeLog.filter((x) => x.state === 'unreachable').length, failed: nudgeLog.filter((x) => x.state === 'failed').length, total: nudgeLog.length };

    const growth = (end.rss - warm.rss) / warm.rss;
    const peak = samples.reduce((m, s) => Math.max(m, s.rss), end.rss);
    const seconds = (drainedAt - t0) / 1000;
    const kinds = [...rec.latencies.entries()].map(([kind, ms]) => ({
      kind,
      count: ms.length,
      p50: round(percentile(ms, 50), 1),
      p95: round(percentile(ms, 95), 1),
      p99: round(percentile(ms, 99), 1),
      max: round(Math.max(...ms), 1),
      errors: rec.errorsByKind.get(kind) ?? 0,
    }));
    kinds.sort((a, b) => a.kind.localeCompare(b.kind));
    const chatMs = [...rec.latencies.entries()].filter(([k]) => k.startsWith('chat') || k.startsWith('invoke')).flatMap(([, v]) => v);
    const apiMs = [...rec.latencies.entries()].filter(([k]) => k.startsWith('api')).flatMap(([, v]) => v);
    const all = { count: chatMs.length, p50: round(percentile(chatMs, 50), 1), p95: round(percentile(chatMs, 95), 1), p99: round(percentile(chatMs, 99), 1) };
    const api = { count: apiMs.length, p50: round(percentile(apiMs, 50), 1), p95: round(percentile(apiMs, 95), 1), p99: round(percentile(apiMs, 99), 1) };
    const ok = rec.errors === 0 && growth < RSS_GROWTH_TARGET;
    const pct = round(growth * 100, 1);

    // ---- summary ----
    log('');
    log(`Soak ${ok ? 'PASSED' : 'FAILED'}: ${rec.requests.toLocaleString('en-GB')} requests in ${round(seconds, 1)} s (${Math.round(rec.requests / seconds)}/s), ${rec.errors} errors`);
    for (const k of kinds) log(`  ${k.kind.padEnd(40)} ${String(k.count).padStart(6)}  p50 ${k.p50} ms, p95 ${k.p95} ms, p99 ${k.p99} ms, max ${k.max} ms${k.errors ? `, ${k.errors} errors` : ''}`);
    log(`  all chat turns and card actions: p50 ${all.p50} ms, p95 ${all.p95} ms, p99 ${all.p99} ms`);
    log(`  all tab API reads: p50 ${api.p50} ms, p95 ${api.p95} ms, p99 ${api.p99} ms`);
    log(`  connector: ${connector.counts.activities} activities (${connector.counts.replies} replies, ${connector.counts.nudges} nudges, ${connector.counts.otherProactive} other proactive)`);
    log(`  nudge log for ${TODAY}: ${logged.total} records (${logged.sent} sent, ${logged.unreachable} unreachable, ${logged.failed} failed)`);
    log(`  RSS: ${mb(warm.rss)} MB after warm-up, ${mb(end.rss)} MB at the end (${pct >= 0 ? '+' : ''}${pct}%, target < 10%), peak ${mb(peak)} MB; heap used ${mb(warm.heapUsed)} → ${mb(end.heapUsed)} MB, heap reserved ${mb(warm.heapTotal)} → ${mb(end.heapTotal)} MB`);
    if (cosmosAt.warm && cosmosAt.end) log(`  Cosmos server process RSS: ${mb(cosmosAt.warm)} → ${mb(cosmosAt.end)} MB (reported, not judged)`);
    log(`  CPU over the load, share of one core: this process ${cpu.self}%${cpu.cosmos !== undefined ? `, the Cosmos server ${cpu.cosmos}%` : ''}; machine load average ${os.loadavg().map((x) => round(x, 2)).join(' / ')}`);
    for (const [reason, n] of rec.reasons) log(`  ERROR ×${n}: ${reason}`);
    for (const line of appErrors.slice(0, 5)) log(`  service error log: ${line.slice(0, 400)}`);

    const report = [
      '# Reflect soak report',
      '',
      `Written by \`npm run soak\` on ${new Date().toISOString().slice(0, 10)} (issue #8: load and soak on loopback, bounded in time). Result: **${ok ? 'passed' : 'FAILED'}**.`,
      '',
      `- Machine: ${machine}${gc ? '; run with --expose-gc' : '; without --expose-gc'}`,
      `- Duration: ${SOAK_SECONDS} s of load (${round(seconds, 1)} s until the last request in flight finished), warm-up ${WARMUP_SECONDS} s`,
      `- Users: ${USERS} simulated Teams users of the demo borough (${users.filter((u) => u.manager).length} managers including the PSW, ${users.filter((u) => !u.manager).length} practitioners), each in a loop with ${THINK_MS[0]}–${THINK_MS[1]} ms think time; 3 dashboard readers; the service's clock on ${TODAY}`,
      '- Set-up: the service in this process (restify, CloudAdapter, the tab API with locally signed Entra tokens); the embedded Cosmos DB server in a process of its own, seeded with the demo borough; a loopback Bot Connector; the nudge scheduler off and the sweep run through `POST /api/nudges/run`',
      `- CPU over the load, as a share of one core: this process (service and load generator) ${cpu.self}%${cpu.cosmos !== undefined ? `, the Cosmos server process ${cpu.cosmos}%` : ''}; machine load average at the end ${os.loadavg().map((x) => round(x, 2)).join(' / ')} (other work on the machine shares its cores)${cpu.cosmos !== undefined && cpu.cosmos >= 90 ? '. The Cosmos server process was saturated: the embedded emulator is single-threaded and answers queries by scanning the partition (no index), so the latencies below are mostly queueing for it, not the service\'s own time' : ''}`,
      `- Mix per user step: "my development" 30, "my caseload" 20, "my actions" 20, "help" 15, \`cpd.save\` 4; managers also "team" 25 and a valid \`supervision.save\` 5 (weights)`,
      '',
      '## Requests',
      '',
      '| kind | requests | p50 ms | p95 ms | p99 ms | max ms | errors |',
      '|---|---:|---:|---:|---:|---:|---:|',
      ...kinds.map((k) => `| ${k.kind} | ${k.count} | ${k.p50} | ${k.p95} | ${k.p99} | ${k.max} | ${k.errors} |`),
      `| **all chat turns and card actions** | ${all.count} | ${all.p50} | ${all.p95} | **${all.p99}** | | |`,
      `| **all tab API reads** | ${api.count} | ${api.p50} | ${api.p95} | **${api.p99}** | | |`,
      '',
      `${rec.requests.toLocaleString('en-GB')} requests, ${Math.round(rec.requests / seconds)} per second. The connector received ${connector.counts.activities} activities: ${connector.counts.replies} replies to the soak's turns, ${connector.counts.nudges} nudges and ${connector.counts.otherProactive} other proactive messages (acknowledgement requests after supervision saves).`,
      '',
      '## Errors',
      '',
      `**${rec.errors}** (target: 0). An error is a network error or timeout, any non-2xx from \`/api/messages\`, the tab API or the sweep trigger, a turn without exactly one reply or whose reply is not the expected card or is the "please try again" card, a sweep with failed sends or a second sweep that sends anything, a nudge delivered twice, an unexpected connector request, or a line the service logs at level error.`,
      ...(rec.reasons.size ? ['', ...[...rec.reasons].map(([r, n]) => `- ${n} × ${r}`)] : []),
      '',
      '## Nudge sweep',
      '',
      '| run | started at | took | planned | sent | skipped | unreachable | failed |',
      '|---|---:|---:|---:|---:|---:|---:|---:|',
      ...sweeps.map((s) => `| ${s.label} | ${round(s.startedAt, 1)} s | ${round(s.ms / 1000, 1)} s | ${s.report?.planned ?? '–'} | ${s.report?.sent ?? '–'} | ${s.report?.skipped ?? '–'} | ${s.report?.unreachable ?? '–'} | ${s.report?.failed ?? '–'} |`),
      '',
      `At most once: the connector received ${connector.counts.nudges} nudge cards, ${connector.counts.nudgeKeys.size} distinct people and kinds, none twice; the nudge log for ${TODAY} holds ${logged.total} records (${logged.sent} sent, ${logged.unreachable} unreachable, ${logged.failed} failed). Only the ${USERS} soak users have conversation references, so nudges for the rest of the borough are logged unreachable.`,
      '',
      '## Memory',
      '',
      '| | RSS | V8 heap used | V8 heap reserved | external |',
      '|---|---:|---:|---:|---:|',
      `| after the ${WARMUP_SECONDS} s warm-up | ${mb(warm.rss)} MB | ${mb(warm.heapUsed)} MB | ${mb(warm.heapTotal)} MB | ${mb(warm.external)} MB |`,
      `| at the end of the load | ${mb(end.rss)} MB | ${mb(end.heapUsed)} MB | ${mb(end.heapTotal)} MB | ${mb(end.external)} MB |`,
      `| peak (1 s samples) | ${mb(peak)} MB | ${mb(Math.max(...samples.map((x) => x.heapUsed)))} MB | ${mb(Math.max(...samples.map((x) => x.heapTotal)))} MB | |`,
      '',
      `RSS growth: **${pct >= 0 ? '+' : ''}${pct}%** (target < 10%: ${growth < RSS_GROWTH_TARGET ? 'met' : '**missed**'}). RSS of this process, which hosts the service and the load generator; growth is the end of the load against the end of the warm-up, both read ${gc ? 'just after a forced full GC' : 'without a forced GC'} while the load runs.${cosmosAt.warm && cosmosAt.end ? ` The Cosmos server process (the database, reported, not judged): ${mb(cosmosAt.warm)} MB → ${mb(cosmosAt.end)} MB.` : ''}`,
      '',
    ].join('\n');
    writeFileSync(path.join(process.cwd(), 'test', 'bench', 'SOAK.md'), report);
    log('Wrote test/bench/SOAK.md');
    log(`(set-up and run took ${round((performance.now() - started) / 1000, 1)} s)`);
    return ok ? 0 : 1;
  } finally {
    await app?.stop();
    agent.destroy();
    await entra.stop();
    cosmos.stop();
    await connector.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`Soak failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
