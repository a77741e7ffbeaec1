import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { ActivityHandler } from 'botbuilder';
import { startApp } from '../../bot/src/app';
import { loadConfig } from '../../bot/src/config';
import { silentLogger } from '../../bot/src/log';
import { createServer } from '../../bot/src/server';
import { DEMO_TENANT_ID } from '../../bot/src/store/demo-borough';
import { createAdapter } from '../../bot/src/teams/adapter';
import { startCosmosProcess } from './cosmos-process';
import { percentile, round } from './stats';

export interface TurnFigures {
  turns: number;
  concurrency: number;
  reflect: { p50: number; p99: number; perSecond: number };
  echo: { p50: number; p99: number; perSecond: number };
  p50Ratio: number;
  cosmosRoundTripsPerTurn: number;
}

/** A loopback Bot Connector that accepts every reply at once. */
async function startConnector(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id":"1"}');
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }) };
}

function message(serviceUrl: string, aadObjectId: string, text: string): string {
  return JSON.stringify({
    type: 'message',
    id: `m-${Math.random()}`,
    serviceUrl,
    channelId: 'msteams',
    from: { id: `29:${aadObjectId}`, aadObjectId },
    conversation: { id: `a:${aadObjectId}`, conversationType: 'personal', tenantId: DEMO_TENANT_ID },
    recipient: { id: '28:bot' },
    channelData: { tenant: { id: DEMO_TENANT_ID } },
    text,
  });
}

/** Runs `total` turns with `concurrency` in flight; returns each turn's latency in ms and the elapsed time. */
async function drive(url: string, bodies: string[], total: number, concurrency: number): Promise<{ latencies: number[]; seconds: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  let next = 0;
  const post = (body: string): Promise<number> =>
    new Promise((resolve, reject) => {
      const req = http.request(`${url}/api/messages`, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.end(body);
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const body = bodies[next++ % bodies.length]!;
        const t = performance.now();
        const status = await post(body);
        if (status !== 200) throw new Error(`turn answered ${status}`);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { latencies, seconds };
}

const summarise = (r: { latencies: number[]; seconds: number }): TurnFigures['echo'] => ({
  p50: round(percentile(r.latencies, 50)),
  p99: round(percentile(r.latencies, 99)),
  perSecond: round(r.latencies.length / r.seconds, 0),
});

/** "My development" turns against the real service versus a bare echo bot on the same stack, in one run. */
export async function benchChatTurns(log: (line: string) => void, total = 3000, concurrency = 20): Promise<TurnFigures> {
  const connector = await startConnector();
  const cosmos = await startCosmosProcess();
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'error', COSMOS_ENDPOINT: cosmos.endpoint, COSMOS_KEY: 'local', SEED_DEMO: 'true', NUDGE_SCHEDULER: 'false' });
  const app = await startApp({ ...config, cosmos: { ...config.cosmos, selfSignedLoopback: true } as typeof config.cosmos }, { log: silentLogger });
  const echoBot = new ActivityHandler();
  echoBot.onMessage(async (context, next) => {
    await context.sendActivity(`echo: ${context.activity.text}`);
    await next();
  });
  const echo = createServer({ adapter: createAdapter(app.config.bot, silentLogger), bot: echoBot, log: silentLogger, ready: async () => undefined });
  await new Promise<void>((r) => echo.listen(0, '127.0.0.1', () => r()));
  const echoUrl = `http://127.0.0.1:${echo.address().port}`;
  try {
    const people = (await app.store.status.all(DEMO_TENANT_ID)).filter((s) => s.active && s.aadObjectId).slice(0, 200);
    const development = people.map((p) => message(connector.url, p.aadObjectId!, 'my development'));
    const echoes = people.map((p) => message(connector.url, p.aadObjectId!, 'hello'));
    await drive(app.url, development, 400, concurrency); // warm up: caches, references, JIT
    await drive(echoUrl, echoes, 400, concurrency);
    const tripsBefore = app.store.roundTrips.count;
    const reflect = await drive(app.url, development, total, concurrency);
    const trips = app.store.roundTrips.count - tripsBefore;
    const bare = await drive(echoUrl, echoes, total, concurrency);
    const figures: TurnFigures = {
      turns: total,
      concurrency,
      reflect: summarise(reflect),
      echo: summarise(bare),
      p50Ratio: 0,
      cosmosRoundTripsPerTurn: round(trips / total, 2),
    };
    figures.p50Ratio = round(figures.reflect.p50 / figures.echo.p50, 2);
    log(`  my development: p50 ${figures.reflect.p50} ms, p99 ${figures.reflect.p99} ms, ${figures.reflect.perSecond} turns/s`);
    log(`  echo bot:       p50 ${figures.echo.p50} ms, p99 ${figures.echo.p99} ms, ${figures.echo.perSecond} turns/s`);
    return figures;
  } finally {
    echo.close();
    await app.stop();
    cosmos.stop();
    await connector.close();
  }
}
