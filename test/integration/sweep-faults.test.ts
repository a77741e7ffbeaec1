import { silentLogger } from '../../bot/src/log';
import { runSweep, DEFAULT_SWEEP } from '../../bot/src/nudges/sweep';
import { DEMO_TENANT_ID } from '../../bot/src/store/demo-borough';
import { startEmbeddedCosmos, type EmbeddedCosmos } from '../../bot/src/store/embedded-cosmos';
import { StoreUnavailableError } from '../../bot/src/store/errors';
import { seedDemoBorough } from '../../bot/src/store/seed';
import { openStore, type Store } from '../../bot/src/store/store';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy';

const DATE = '2026-11-24';
let cosmos: EmbeddedCosmos;
let proxy: FaultProxy;
let store: Store;

beforeAll(async () => {
  cosmos = await startEmbeddedCosmos();
  proxy = await startFaultProxy(cosmos.endpoint);
  store = await openStore({ endpoint: proxy.endpoint, key: 'local', database: 'faults', selfSignedLoopback: true }, { today: () => '2026-11-23' });
  await seedDemoBorough(store, DEMO_TENANT_ID, '2026-11-23');
  for (const s of await store.status.all(DEMO_TENANT_ID)) {
    if (s.aadObjectId) await store.conversations.save({ tenantId: DEMO_TENANT_ID, aadObjectId: s.aadObjectId, staffId: s.staffId, reference: {}, updatedAt: '2026-11-01T00:00:00Z' });
  }
}, 60_000);
afterAll(async () => {
  await store.close();
  await proxy.close();
  await cosmos.close();
});

it('stops with a clear error when the database goes away mid-sweep, and a re-run completes it without duplicates', async () => {
  const delivered: string[] = [];
  let cutAfter = 20;
  const deps = {
    store,
    log: silentLogger,
    instanceId: 'instance-1',
    now: () => new Date('2026-11-24T09:00:00Z'),
    // One send in flight: the database fails while no nudge is between claim and outcome (see runSweep).
    settings: { ...DEFAULT_SWEEP, ratePerSecond: 50, sendsInFlight: 1 },
    // A stand-in for Teams that records deliveries; the fault is in the database, not here.
    send: async (_t: string, aad: string, card: Record<string, unknown>) => {
      delivered.push(`${aad}|${JSON.stringify(card).slice(0, 200)}`);
      if (--cutAfter === 0) proxy.cut();
      return 'sent' as const;
    },
  };
  const failed = await runSweep(deps, DEMO_TENANT_ID, DATE).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(failed).toBeInstanceOf(StoreUnavailableError);
  expect((failed as Error).message).toMatch(/database is unavailable/);
  const firstRun = delivered.length;
  expect(firstRun).toBeGreaterThanOrEqual(20);

  proxy.restore();
  const report = await runSweep(deps, DEMO_TENANT_ID, DATE);
  expect(report.failed).toBe(0);
  expect(delivered.length).toBeGreaterThan(firstRun);
  expect(new Set(delivered).size).toBe(delivered.length); // nothing twice
  expect(delivered.length).toBe(report.planned); // everything once, across the two runs

  const third = await runSweep(deps, DEMO_TENANT_ID, DATE);
  expect(third.sent).toBe(0);
}, 120_000);
