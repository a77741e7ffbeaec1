import type { App } from '../../bot/src/app';
import { DEMO_TENANT_ID, DEMO_USERS } from '../../bot/src/store/demo-borough';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector';
import { startTestApp, teamsMessage } from '../support/app';

let app: App;
let connector: FakeConnector;

beforeAll(async () => {
  connector = await startFakeConnector();
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
  await connector.close();
});
beforeEach(() => {
  connector.sent = [];
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> =>
  fetch(`${app.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('the service over HTTP', () => {
  it('answers /healthz and /readyz', async () => {
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${app.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('seeded the demo borough', () => {
    expect(app.seeded?.staff).toBeGreaterThanOrEqual(380);
    expect(app.seeded?.teams).toBeGreaterThanOrEqual(25);
    expect(app.seeded?.sessions).toBeGreaterThan(3000);
  });

  it.each([
    ['an empty object', '{}', 400],
    ['a list', '[]', 400],
    ['text that is not JSON', 'not json', 400],
  ])('refuses %s on /api/messages with a 400, never a 500', async (_what, body, status) => {
    const res = await fetch(`${app.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(res.status).toBe(status);
    expect(connector.sent).toHaveLength(0);
  });

  it('refuses request bodies over the size limit with 413', async () => {
    const res = await post('/api/messages', teamsMessage(connector.url, DEMO_TENANT_ID, DEMO_USERS.practitioner.aadObjectId, 'x'.repeat(300 * 1024)));
    expect(res.status).toBe(413);
    expect(connector.sent).toHaveLength(0);
  });
});

describe('graceful shutdown', () => {
  it('lets a turn in flight finish before stopping', async () => {
    const other = await startTestApp({ SEED_DEMO: 'true' });
    const slow = await startFakeConnector();
    slow.delayMs = 400;
    try {
      const turn = fetch(`${other.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(teamsMessage(slow.url, DEMO_TENANT_ID, DEMO_USERS.manager.aadObjectId, 'hello')),
      });
      await new Promise((r) => setTimeout(r, 100));
      const stopped = other.stop();
      const res = await turn;
      expect(res.status).toBe(200);
      expect(slow.sent).toHaveLength(1);
      await stopped;
      await expect(fetch(`${other.url}/healthz`)).rejects.toThrow();
    } finally {
      await slow.close();
    }
  });
});
