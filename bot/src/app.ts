import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { Server } from 'restify';
import { DailyJob } from './daily-job';
import { nextSweepAt } from './nudges/schedule';
import { DEFAULT_SWEEP, sweepAllTenants, type SweepDeps } from './nudges/sweep';
import type { Config } from './config';
import { dateIn, type LocalDate } from './domain/dates';
import type { Logger } from './log';
import { createServer } from './server';
import { createAuthenticator } from './api/authenticate';
import { createTokenValidator } from './api/entra-token';
import { TabApi } from './api/tab-api';
import { TenantPeopleCache } from './api/tenant-people';
import { DEMO_TENANT_ID } from './store/demo-borough';
import { seedDemoBorough, type SeedSummary } from './store/seed';
import { openStore, type Store } from './store/store';
import { createAdapter } from './teams/adapter';
import { ProactiveSender } from './teams/proactive';
import { ReferenceKeeper } from './teams/references';
import { ReflectBot } from './teams/reflect-bot';
import { ActorFinder } from './usecases/actor';
import { ReferenceData } from './usecases/reference-data';
import { nextPurgeAt, purgeAllTenants, RETENTION_TIME } from './usecases/retention';

export interface App {
  config: Config;
  store: Store;
  server: Server;
  seeded?: SeedSummary;
  /** The address the server listens on, e.g. http://127.0.0.1:3978. */
  url: string;
  /** Stops taking requests, lets in-flight ones finish (up to the grace period), then closes the store. */
  stop(): Promise<void>;
}

export interface AppOptions {
  log: Logger;
  /** The clock; tests fix it. */
  now?: () => Date;
}

/** Builds and starts the whole service: store (and demo data), bot, HTTP server. */
export async function startApp(config: Config, { log, now = () => new Date() }: AppOptions): Promise<App> {
  const today = (): LocalDate => dateIn(now(), config.timeZone);
  const store = await openStore(config.cosmos, { today });
  log.info(store.embedded ? 'database: embedded Cosmos DB server, in memory (nothing survives a restart)' : 'database: Azure Cosmos DB', {
    endpoint: store.embedded ? store.endpoint : new URL(store.endpoint).host,
    database: config.cosmos.database,
  });
  let seeded: SeedSummary | undefined;
  let server: Server;
  const jobs: DailyJob[] = [];
  try {
    if (config.seedDemo) {
      seeded = await seedDemoBorough(store, DEMO_TENANT_ID, today());
      log.info('demo borough seeded', { ...seeded });
    }
    const adapter = createAdapter(config.bot, log);
    if (!config.bot.appId) log.warn('MicrosoftAppId is not set: local development mode, /api/messages is not authenticated');
    const references = new ReferenceKeeper(store);
    const botAppId = config.bot.appId ?? '';
    const sender = new ProactiveSender(adapter, botAppId, store, references, log);
    const actors = new ActorFinder(store);
    const reference = new ReferenceData(store);
    const bot = new ReflectBot({ store, actors, log, today, now, reference, references, sender, adapter, botAppId });
    const sweepDeps: SweepDeps = {
      store,
      send: (tenantId, aadObjectId, card) => sender.sendCard(tenantId, aadObjectId, card),
      log,
      instanceId: `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
      now,
      settings: { ...DEFAULT_SWEEP, ratePerSecond: config.nudges.ratePerSecond, escalateAfterDays: config.nudges.escalateAfterDays },
    };
    const nudgeTrigger = config.nudges.triggerKey ? { key: config.nudges.triggerKey, run: (date?: string) => sweepAllTenants(sweepDeps, date ?? today()) } : undefined;
    const people = new TenantPeopleCache(store);
    const { tab } = config;
    const validate = tab.clientId ? createTokenValidator({ clientId: tab.clientId, audiences: tab.audiences, requiredScope: tab.scope, jwksUrl: tab.jwksUrl }) : undefined;
    if (config.devMode) log.warn('local dev mode: the tab offers a dev sign-in as the demo users (never in a configured deployment)');
    const tabRoutes = {
      api: new TabApi({ store, people, reference, today, now }),
      authenticate: createAuthenticator({ validate, devMode: config.devMode, actors }),
      devMode: config.devMode,
      people,
      store,
      today,
      log,
    };
    server = createServer({ adapter, bot, log, ready: () => store.ping(), nudgeTrigger, tab: { routes: tabRoutes, dir: config.tabDir } });
    if (config.nudges.scheduler) {
      jobs.push(new DailyJob({ name: 'nudge sweep', next: (after) => nextSweepAt(after, config.nudges.time, config.timeZone), run: (date) => sweepAllTenants(sweepDeps, date), now, log }));
    }
    if (config.retention.purge) {
      const retentionDeps = { store, log, now, instanceId: sweepDeps.instanceId, retentionYears: config.retention.years };
      jobs.push(new DailyJob({ name: 'retention purge', next: (after) => nextPurgeAt(after, RETENTION_TIME, config.timeZone), run: (date) => purgeAllTenants(retentionDeps, date), now, log }));
    }
    for (const job of jobs) job.start();
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(config.port, config.host, () => resolve());
    });
  } catch (err) {
    await store.close();
    throw err;
  }
  const address = server.address();
  const url = `http://${address.address === '0.0.0.0' || address.address === '::' ? '127.0.0.1' : address.address}:${address.port}`;
  log.info('listening', { url, messages: `${url}/api/messages`, tab: `${url}/tab/` });

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      for (const job of jobs) job.stop();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.server.closeIdleConnections();
      const grace = new Promise<void>((resolve) => setTimeout(resolve, config.shutdownGraceMs).unref());
      await Promise.race([closed, grace]);
      server.server.closeAllConnections();
      await store.close();
    })());

  return { config, store, server, seeded, url, stop };
}
