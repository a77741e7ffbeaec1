import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { startApp, type App } from '../../bot/src/app';
import { loadConfig } from '../../bot/src/config';
import { createLogger } from '../../bot/src/log';
import { generateDemoBorough, DEMO_USERS, type DemoBorough } from '../../bot/src/store/demo-borough';
import { seedBorough } from '../../bot/src/store/seed';
import { LocalEntra } from '../support/entra';
import { startCosmosProcess } from './cosmos-process';
import { percentile, round } from './stats';

export const BIG_TENANT = '5b5b5b5b-0000-4000-8000-000000005000';
const TODAY = '2026-11-23';
const COPIES = 13;

export interface WorkforceFigures {
  staff: number;
  sessions: number;
  seedMs: number;
  requests: number;
  coldMs: number;
  workforce: { p50: number; p95: number; p99: number };
  filtered: { p50: number; p95: number; p99: number };
  sample: { p50: number; p95: number; p99: number };
  responseKb: number;
}

/**
 * A 5,000-staff tenant with 12 months of history: 13 copies of the demo borough (each generated from its own
 * seed), with every id, team and Entra id made distinct. Copy 1 keeps the demo PSW, who signs in.
 */
export function largeBorough(tenantId: string, today: string): DemoBorough {
  const out: DemoBorough = { staff: [], courses: [], sessions: [], training: [], cpd: [], caseloads: [] };
  for (let k = 1; k <= COPIES; k++) {
    const b = generateDemoBorough({ tenantId, today, seed: k });
    const id = (s: string): string => (k === 1 ? s : `b${k}-${s}`);
    const oid = (o?: string): string | undefined => (o && k > 1 ? `${k.toString(16).padStart(8, 'f')}${o.slice(8)}` : o);
    out.staff.push(...b.staff.map((s) => ({ ...s, id: id(s.id), managerId: s.managerId && id(s.managerId), professionalSupervisorId: s.professionalSupervisorId && id(s.professionalSupervisorId), aadObjectId: oid(s.aadObjectId), team: k === 1 ? s.team : `${s.team} ${k}`, email: `${k}.${s.email}` })));
    if (k === 1) out.courses.push(...b.courses);
    out.sessions.push(...b.sessions.map((s) => ({ ...s, id: id(s.id), superviseeId: id(s.superviseeId), supervisorId: id(s.supervisorId), recordedBy: id(s.recordedBy), groupId: s.groupId && id(s.groupId), actions: s.actions.map((a) => ({ ...a, ownerId: a.ownerId && id(a.ownerId) })) })));
    out.training.push(...b.training.map((t) => ({ ...t, id: id(t.id), staffId: id(t.staffId), recordedBy: id(t.recordedBy) })));
    out.cpd.push(...b.cpd.map((e) => ({ ...e, id: id(e.id), staffId: id(e.staffId) })));
    out.caseloads.push(...b.caseloads.map((c) => ({ ...c, id: id(c.id), staffId: id(c.staffId) })));
  }
  return out;
}

function getter(url: string, token: string): (path: string) => Promise<{ ms: number; bytes: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  return (path) =>
    new Promise((resolve, reject) => {
      const t = performance.now();
      http
        .get(`${url}${path}`, { agent, headers: { authorization: `Bearer ${token}` } }, (res) => {
          let bytes = 0;
          res.on('data', (d: Buffer) => (bytes += d.length));
          res.on('end', () => (res.statusCode === 200 ? resolve({ ms: performance.now() - t, bytes }) : reject(new Error(`${path} answered ${res.statusCode}`))));
        })
        .on('error', reject);
    });
}

const summary = (ms: number[]) => ({ p50: round(percentile(ms, 50)), p95: round(percentile(ms, 95)), p99: round(percentile(ms, 99)) });

/** Starts the service against a Cosmos server in its own process, seeded with the large tenant. */
export async function startLargeTenant(log: (line: string) => void): Promise<{ app: App; entra: LocalEntra; token: string; staff: number; sessions: number; seedMs: number; stop: () => Promise<void> }> {
  const cosmos = await startCosmosProcess();
  const entra = await LocalEntra.start();
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', COSMOS_ENDPOINT: cosmos.endpoint, COSMOS_KEY: 'local', SEED_DEMO: 'false', NUDGE_SCHEDULER: 'false', ...entra.env() });
  const app = await startApp({ ...config, cosmos: { ...config.cosmos, selfSignedLoopback: true } as typeof config.cosmos }, { log: createLogger('error', {}, (line) => process.stderr.write(line + '\n')), now: () => new Date(`${TODAY}T10:00:00Z`) });
  const borough = largeBorough(BIG_TENANT, TODAY);
  log(`  seeding ${borough.staff.length.toLocaleString('en-GB')} staff and ${borough.sessions.length.toLocaleString('en-GB')} sessions…`);
  const seeded = await seedBorough(app.store, BIG_TENANT, borough, TODAY);
  const token = await entra.token({ tid: BIG_TENANT, oid: DEMO_USERS.psw.aadObjectId });
  return {
    app,
    entra,
    token,
    staff: seeded.staff,
    sessions: seeded.sessions,
    seedMs: seeded.ms,
    stop: async () => {
      await app.stop();
      await entra.stop();
      cosmos.stop();
    },
  };
}

export async function benchWorkforce(log: (line: string) => void, requests = 300): Promise<WorkforceFigures> {
  const big = await startLargeTenant(log);
  try {
    const get = getter(big.app.url, big.token);
    // The first request reads every status document of the tenant; later ones are served from that copy.
    const cold = await get('/api/workforce');
    const full = await get('/api/workforce');
    const teams = (JSON.parse(await (await fetch(`${big.app.url}/api/workforce`, { headers: { authorization: `Bearer ${big.token}` } })).text()) as { options: { teams: string[] } }).options.teams;
    const times = { workforce: [] as number[], filtered: [] as number[], sample: [] as number[] };
    for (let i = 0; i < requests; i++) {
      times.workforce.push((await get('/api/workforce')).ms);
      times.filtered.push((await get(`/api/workforce?team=${encodeURIComponent(teams[i % teams.length]!)}`)).ms);
      times.sample.push((await get(`/api/workforce/audit-sample?n=10&seed=bench-${i}`)).ms);
      if (i % 100 === 99) log(`  ${i + 1} of ${requests} rounds`);
    }
    return {
      staff: big.staff,
      sessions: big.sessions,
      seedMs: big.seedMs,
      requests,
      coldMs: round(cold.ms),
      workforce: summary(times.workforce),
      filtered: summary(times.filtered),
      sample: summary(times.sample),
      responseKb: round(full.bytes / 1024, 1),
    };
  } finally {
    await big.stop();
  }
}
