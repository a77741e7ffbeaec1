import { startApp, type App } from '../../bot/src/app';
import { loadConfig } from '../../bot/src/config';
import { silentLogger } from '../../bot/src/log';
import { DEMO_TENANT_ID, DEMO_USERS } from '../../bot/src/store/demo-borough';
import { startEmbeddedCosmos, type EmbeddedCosmos } from '../../bot/src/store/embedded-cosmos';
import { cardText } from '../support/cards';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector';
import { startHttpFaultProxy, type HttpFaultProxy } from '../support/fault-proxy';
import { TeamsUser } from '../support/teams';
import { supervisionFormInput } from '../support/forms';

/**
 * Chat turns with Cosmos DB misbehaving between the service and the database: throttling with retry-after,
 * 503s, added latency and replies lost after the write went through. Each turn either works or answers with
 * the "please try again" card; never a 500, never a half-saved or duplicated record.
 */
let cosmos: EmbeddedCosmos;
let proxy: HttpFaultProxy;
let app: App;
let connector: FakeConnector;
let manager: TeamsUser;
let practitioner: TeamsUser;

// A fixed sequence of rolls, so every run injects the same faults.
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

beforeAll(async () => {
  cosmos = await startEmbeddedCosmos();
  proxy = await startHttpFaultProxy(cosmos.endpoint, seeded(42));
  connector = await startFakeConnector();
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', COSMOS_ENDPOINT: proxy.endpoint, COSMOS_KEY: 'local', COSMOS_DATABASE: 'chat-faults', SEED_DEMO: 'true', NUDGE_SCHEDULER: 'false' });
  app = await startApp({ ...config, cosmos: { ...config.cosmos, selfSignedLoopback: true } as typeof config.cosmos }, { log: silentLogger, now: () => new Date('2026-11-23T10:00:00Z') });
  manager = new TeamsUser(app.url, connector.url, DEMO_USERS.manager.aadObjectId);
  practitioner = new TeamsUser(app.url, connector.url, DEMO_USERS.practitioner.aadObjectId);
}, 120_000);
afterAll(async () => {
  await app.stop();
  await connector.close();
  await proxy.close();
  await cosmos.close();
});

const form = (n: number): Record<string, unknown> => supervisionFormInput(DEMO_USERS.practitioner.staffId, { experience: `Visit ${n}`, caseIds: `LCS-${1000000 + n}` });

const sessionsWithCase = async (caseId: string) => (await app.store.supervision.forSupervisee(DEMO_TENANT_ID, DEMO_USERS.practitioner.staffId)).filter((s) => s.caseIds.includes(caseId));

it('keeps answering through throttling, 503s, latency and lost replies: saved once or "try again", never half', async () => {
  proxy.faults = { throttle: 0.15, retryAfterMs: 40, unavailable: 0.1, dropAfter: 0.1, latencyMs: 5 };
  const outcomes: string[] = [];
  for (let n = 0; n < 12; n++) {
    const dev = await practitioner.say('my development');
    expect(dev.status).toBe(200);
    const { status, body } = await manager.invoke('supervision.save', form(n));
    expect(status).toBe(200);
    const text = cardText(body.value);
    const saved = await (async () => {
      proxy.faults = { ...proxy.faults, throttle: 0, unavailable: 0, dropAfter: 0 };
      try {
        return await sessionsWithCase(`LCS-${1000000 + n}`);
      } finally {
        proxy.faults = { throttle: 0.15, retryAfterMs: 40, unavailable: 0.1, dropAfter: 0.1, latencyMs: 5 };
      }
    })();
    if (/Supervision saved/.test(text)) {
      outcomes.push('saved');
      expect(saved).toHaveLength(1);
    } else {
      outcomes.push('try again');
      expect(text).toMatch(/please try again/i);
      expect(saved).toHaveLength(0);
    }
  }
  // The faults really happened, and the retries absorbed most of them.
  expect(proxy.injected.throttle + proxy.injected.unavailable + proxy.injected.dropAfter).toBeGreaterThan(20);
  expect(outcomes.filter((o) => o === 'saved').length).toBeGreaterThan(6);
}, 120_000);

it('answers "please try again" when the database stays down, and saves nothing', async () => {
  proxy.faults = { throttle: 0, retryAfterMs: 40, unavailable: 1, dropAfter: 0, latencyMs: 0 };
  const { status, body } = await manager.invoke('supervision.save', form(99));
  expect(status).toBe(200);
  expect(cardText(body.value)).toMatch(/please try again/i);
  const dev = await practitioner.say('my development');
  expect(dev.status).toBe(200);
  proxy.faults = { throttle: 0, retryAfterMs: 40, unavailable: 0, dropAfter: 0, latencyMs: 0 };
  expect(await sessionsWithCase('LCS-1000099')).toHaveLength(0);
}, 120_000);
