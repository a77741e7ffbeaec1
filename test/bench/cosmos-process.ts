import { spawn, type ChildProcess } from 'node:child_process';

/**
 * The embedded Cosmos DB server in a process of its own, as Azure Cosmos DB is a service of its own: a benchmark
 * of the bot's turns then measures the bot, not the database server sharing its event loop.
 */
export async function startCosmosProcess(): Promise<{ endpoint: string; stop: () => void }> {
  const script = `
    const { createHttpsServer } = require('@vercel/cosmosdb-server');
    const server = createHttpsServer({ keepAlive: true });
    server.listen(0, '127.0.0.1', () => console.log('PORT ' + server.address().port));
  `;
  const child: ChildProcess = spawn(process.execPath, ['-e', script], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      const m = /PORT (\d+)/.exec(d.toString());
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', (code) => reject(new Error(`the Cosmos server process exited (${code})`)));
  });
  return { endpoint: `https://127.0.0.1:${port}`, stop: () => child.kill() };
}
