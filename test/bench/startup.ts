import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { median, round } from './stats';

export interface StartupFigures {
  runs: { listeningMs: number; readyMs: number }[];
  listeningMedianMs: number;
  readyMedianMs: number;
}

/**
 * `npm start` without the build: `node dist/main.js` on the embedded default, from spawning the process to the
 * "listening" log line (database up, demo borough seeded, server bound) and to the first 200 from /readyz.
 */
async function startOnce(): Promise<{ listeningMs: number; readyMs: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--disable-warning=DEP0111', path.join(process.cwd(), 'dist', 'main.js')], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', NUDGE_SCHEDULER: 'false', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const { url, listeningMs } = await new Promise<{ url: string; listeningMs: number }>((resolve, reject) => {
      let buffered = '';
      child.stdout.on('data', (d: Buffer) => {
        buffered += d.toString();
        for (const line of buffered.split('\n')) {
          if (!line.includes('"listening"')) continue;
          resolve({ url: (JSON.parse(line) as { url: string }).url, listeningMs: performance.now() - started });
        }
      });
      child.on('exit', (code) => reject(new Error(`the service exited (${code}) before listening`)));
    });
    while ((await fetch(`${url}/readyz`).catch(() => undefined))?.status !== 200) await new Promise((r) => setTimeout(r, 10));
    return { listeningMs: round(listeningMs), readyMs: round(performance.now() - started) };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

export async function benchStartup(log: (line: string) => void, runs = 3): Promise<StartupFigures> {
  const results: { listeningMs: number; readyMs: number }[] = [];
  for (let i = 0; i < runs; i++) {
    results.push(await startOnce());
    log(`  run ${i + 1}: listening after ${results[i]!.listeningMs} ms, ready after ${results[i]!.readyMs} ms`);
  }
  return { runs: results, listeningMedianMs: median(results.map((r) => r.listeningMs)), readyMedianMs: median(results.map((r) => r.readyMs)) };
}
