import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import WebSocket from 'ws';
import type { App } from '../../bot/src/app';
import { DEMO_TENANT_ID, DEMO_USERS } from '../../bot/src/store/demo-borough';
import { startTestApp } from '../support/app';

/**
 * `npm run playground` for real: Microsoft's Agents Playground, started by scripts/playground.mjs, chats with the
 * running bot offline. Driven headless through the playground's own HTTP API and message stream.
 */
const root = path.resolve(__dirname, '../..');
let app: App;
let playground: ChildProcess;
let base: string;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  app = await startTestApp();
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  playground = spawn(process.execPath, [path.join(root, 'scripts/playground.mjs')], {
    cwd: root,
    env: { ...process.env, PLAYGROUND_PORT: String(port), BOT_URL: `${app.url}/api/messages`, PLAYGROUND_AS: 'manager' },
    stdio: 'ignore',
  });
  const deadline = Date.now() + 30_000;
  for (;;) {
    const pong = await fetch(`${base}/_debug/ping`).then((r) => r.text()).catch(() => '');
    if (pong.includes('pong')) break;
    if (Date.now() > deadline) throw new Error('the playground did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
}, 40_000);

afterAll(async () => {
  playground?.kill('SIGTERM');
  await app?.stop();
});

it('chats with the bot as the demo manager: install, then "team"', async () => {
  const { config } = (await (await fetch(`${base}/_internal/v1/testConfig`)).json()) as { config: { personalChat: { id: string }; currentUser: { id: string; aadObjectId: string }; bot: { id: string } } };
  expect(config.currentUser.aadObjectId).toBe(DEMO_USERS.manager.aadObjectId);
  const chat = config.personalChat.id;
  const ws = new WebSocket(`${base.replace('http', 'ws')}/_ws_conversation/v1/conversations/stream`);
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  const fromBot: { text?: string; attachments?: { content?: unknown }[]; timestamp?: string }[] = [];
  ws.on('message', (raw) => {
    const m = JSON.parse(raw.toString()) as { action?: string; message?: { from?: { id?: string } } & (typeof fromBot)[number] };
    if (m.action === 'createMessage' && m.message?.from?.id === config.bot.id) fromBot.push(m.message);
  });
  const waitFor = async (match: RegExp): Promise<void> => {
    const deadline = Date.now() + 15_000;
    while (!fromBot.some((m) => match.test(JSON.stringify(m)))) {
      if (Date.now() > deadline) throw new Error(`no reply matching ${match}; got ${fromBot.length} bot messages`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  try {
    await fetch(`${base}/_debug/conversation/${chat}/installation`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    await waitFor(/Welcome to Reflect/);
    await fetch(`${base}/_conversation/v1/conversations/${chat}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: { id: config.currentUser.id }, text: 'team', textFormat: 'plain' }),
    });
    await waitFor(/Log supervision/);
    const reference = await app.store.conversations.get(DEMO_TENANT_ID, DEMO_USERS.manager.aadObjectId);
    expect(reference?.reference).toMatchObject({ serviceUrl: expect.stringContaining(base.split(':').pop()!) });
  } finally {
    ws.close();
  }
}, 40_000);
