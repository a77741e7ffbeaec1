import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(__dirname, '../..');
const bundle = path.join(root, 'dist', 'test-main.js');

beforeAll(async () => {
  await build({ entryPoints: [path.join(root, 'bot/src/main.ts')], outfile: bundle, bundle: true, platform: 'node', target: 'node20', packages: 'external', logLevel: 'silent' });
});

interface Run {
  child: ChildProcess;
  out: () => string;
  err: () => string;
  exited: Promise<number | null>;
}

function run(env: Record<string, string>): Run {
  const child = spawn(process.execPath, ['--disable-warning=DEP0111', bundle], { cwd: root, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, out: () => out, err: () => err, exited };
}

async function waitFor<T>(probe: () => Promise<T | undefined>, ms: number): Promise<T> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`not within ${ms} ms`);
}

describe('the service process (main.ts)', () => {
  it('starts on the embedded database, is ready within 15 s, logs JSON with the demo counts, and stops on SIGTERM', async () => {
    const port = String(20000 + Math.floor(Math.random() * 20000));
    const p = run({ PORT: port, HOST: '127.0.0.1' });
    try {
      const status = await waitFor(async () => {
        const res = await fetch(`http://127.0.0.1:${port}/readyz`);
        return res.status === 200 ? res.status : undefined;
      }, 15_000);
      expect(status).toBe(200);
      const lines = p.out().trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(lines.find((l) => String(l.msg).includes('in memory'))).toBeDefined();
      const seeded = lines.find((l) => l.msg === 'demo borough seeded');
      expect(seeded).toMatchObject({ staff: expect.any(Number), teams: expect.any(Number), sessions: expect.any(Number) });
      p.child.kill('SIGTERM');
      expect(await p.exited).toBe(0);
      expect(p.out()).toContain('"signal":"SIGTERM"');
    } finally {
      p.child.kill('SIGKILL');
    }
  }, 30_000);

  it('refuses a malformed setting with one line naming the variable', async () => {
    const p = run({ COSMOS_ENDPOINT: 'cosmos.example' });
    expect(await p.exited).toBe(2);
    expect(p.err().trim().split('\n')).toEqual(['Reflect cannot start: COSMOS_ENDPOINT "cosmos.example" is not a URL: set it to the account endpoint, e.g. https://<account>.documents.azure.com:443/, or unset it for the embedded database']);
    expect(p.out()).toBe('');
  });
});
