import net from 'node:net';

export interface FaultProxy {
  /** e.g. https://127.0.0.1:PORT, to use as the Cosmos endpoint. */
  endpoint: string;
  /** Drops every open connection and refuses new ones: the database "goes away". */
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

/**
 * A loopback TCP proxy in front of the embedded Cosmos server (TLS passes straight through). Cutting it is what
 * a network failure looks like to the service: resets mid-request and refused connections.
 */
export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<net.Socket>();
  let down = false;
  const server = net.createServer((client) => {
    if (down) return client.destroy();
    const upstream = net.connect(Number(port), hostname);
    sockets.add(client).add(upstream);
    const drop = (): void => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    endpoint: `https://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    cut: () => {
      down = true;
      for (const s of sockets) s.destroy();
      sockets.clear();
    },
    restore: () => {
      down = false;
    },
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

export interface HttpFaults {
  /** Share of requests answered 429 with x-ms-retry-after-ms, without reaching the database. */
  throttle: number;
  retryAfterMs: number;
  /** Share answered 503. */
  unavailable: number;
  /** Share whose connection is destroyed after the database has handled the request (the reply is lost). */
  dropAfter: number;
  /** Added to every request. */
  latencyMs: number;
}

export interface HttpFaultProxy {
  endpoint: string;
  faults: HttpFaults;
  /** How many of each fault were injected. */
  injected: { throttle: number; unavailable: number; dropAfter: number; passed: number };
  close(): Promise<void>;
}

const NO_FAULTS: HttpFaults = { throttle: 0, retryAfterMs: 50, unavailable: 0, dropAfter: 0, latencyMs: 0 };

/**
 * An HTTPS proxy in front of the embedded Cosmos server that speaks HTTP, so it can answer as Cosmos DB does
 * under strain: 429 with a retry-after, 503, added latency, and replies lost after the write went through.
 * It uses the Cosmos server's own self-signed certificate (clients accept it on loopback only). `random` is
 * injectable so a test can make the faults reproducible.
 */
export async function startHttpFaultProxy(target: string, random: () => number = Math.random): Promise<HttpFaultProxy> {
  const https = await import('node:https');
  const { readFileSync } = await import('node:fs');
  const path = await import('node:path');
  const certDir = path.dirname(require.resolve('@vercel/cosmosdb-server/package.json'));
  const upstream = new URL(target);
  const agent = new https.Agent({ keepAlive: true, rejectUnauthorized: false });
  const proxy: HttpFaultProxy = { endpoint: '', faults: { ...NO_FAULTS }, injected: { throttle: 0, unavailable: 0, dropAfter: 0, passed: 0 }, close: async () => undefined };
  const server = https.createServer({ cert: readFileSync(path.join(certDir, 'cert.pem')), key: readFileSync(path.join(certDir, 'key.pem')) }, (req, res) => {
    const f = proxy.faults;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      setTimeout(() => {
        const roll = random();
        if (roll < f.throttle) {
          proxy.injected.throttle++;
          res.writeHead(429, { 'content-type': 'application/json', 'x-ms-retry-after-ms': String(f.retryAfterMs), 'x-ms-substatus': '3200' });
          res.end(JSON.stringify({ code: 'TooManyRequests', message: 'Request rate is large (fault proxy)' }));
          return;
        }
        if (roll < f.throttle + f.unavailable) {
          proxy.injected.unavailable++;
          res.writeHead(503, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ code: 'ServiceUnavailable', message: 'Service is unavailable (fault proxy)' }));
          return;
        }
        const drop = roll < f.throttle + f.unavailable + f.dropAfter;
        const up = https.request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers, agent }, (upRes) => {
          const body: Buffer[] = [];
          upRes.on('data', (c: Buffer) => body.push(c));
          upRes.on('end', () => {
            if (drop) {
              proxy.injected.dropAfter++;
              req.socket.destroy();
              return;
            }
            proxy.injected.passed++;
            res.writeHead(upRes.statusCode ?? 502, upRes.headers);
            res.end(Buffer.concat(body));
          });
        });
        up.on('error', () => req.socket.destroy());
        up.end(Buffer.concat(chunks));
      }, f.latencyMs);
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  proxy.endpoint = `https://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  proxy.close = () =>
    new Promise<void>((r) => {
      server.closeAllConnections();
      agent.destroy();
      server.close(() => r());
    });
  return proxy;
}
