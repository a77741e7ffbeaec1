// Runs Microsoft 365 Agents Playground (@microsoft/m365agentsplayground) against the
// local bot, offline, as a fixed Teams identity. Usage: npm start (bot), then this.
//
// Env: PLAYGROUND_AS (manager | practitioner | psw: which demo staff member you are; default manager),
//      PLAYGROUND_PORT (56150), BOT_URL (http://127.0.0.1:3978/api/messages),
//      PLAYGROUND_AAD_OBJECT_ID, PLAYGROUND_USER_NAME, PLAYGROUND_TENANT_ID to be anyone else.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const port = Number(process.env.PLAYGROUND_PORT ?? 56150);
const botUrl = process.env.BOT_URL ?? 'http://127.0.0.1:3978/api/messages';
// The demo borough's fixed identities (bot/src/store/demo-borough.ts DEMO_USERS).
const DEMO = {
  manager: { aadObjectId: '00000000-0000-0000-0000-00000000a001', name: 'Demo Manager' },
  practitioner: { aadObjectId: '00000000-0000-0000-0000-00000000a002', name: 'Demo Practitioner' },
  psw: { aadObjectId: '00000000-0000-0000-0000-00000000a0b1', name: 'Demo PSW' },
};
const as = DEMO[process.env.PLAYGROUND_AS ?? 'manager'];
if (!as) {
  console.error(`PLAYGROUND_AS must be one of ${Object.keys(DEMO).join(', ')}`);
  process.exit(2);
}
const aadObjectId = process.env.PLAYGROUND_AAD_OBJECT_ID ?? as.aadObjectId;
const userName = process.env.PLAYGROUND_USER_NAME ?? as.name;
const tenantId = process.env.PLAYGROUND_TENANT_ID ?? '7d3f8a2e-5b1c-4e6a-9f0d-2c8b4a6e1f30';

// The playground takes identity only from its config file: tenantId becomes
// conversation.tenantId and channelData.tenant.id; currentUser becomes `from`.
// Its schema is strict (no extra keys, exactly 5 other users, unique ids).
// YAML is a superset of JSON, so JSON avoids quoting issues in names.
const [givenName, ...rest] = userName.split(' ');
const filler = (n) => ({
  id: `29:playground-user-${n}`,
  name: `Colleague ${n}`,
  userPrincipleName: `colleague${n}@example.com`, // sic: the playground's key name
  aadObjectId: `00000000-0000-0000-0000-0000000b000${n}`,
  givenName: 'Colleague',
  surname: String(n),
  email: `colleague${n}@example.com`,
});
const config = {
  version: '0.1.1',
  tenantId,
  bot: { id: '28:reflect-playground-bot', name: 'Reflect' },
  currentUser: {
    id: `29:${aadObjectId}`, // Teams-style channel id; the bot keys on aadObjectId
    name: userName,
    userPrincipleName: 'demo.manager@example.com',
    aadObjectId,
    givenName: givenName || userName,
    surname: rest.join(' ') || '-',
    email: 'demo.manager@example.com',
  },
  users: [1, 2, 3, 4, 5].map(filler),
  // Fixed ids so the chat survives playground restarts from the bot's point of view.
  personalChat: { id: 'playground-personal-chat' },
  groupChat: { id: 'playground-group-chat', name: 'Reflect Group Chat' },
  team: {
    id: 'playground-team',
    name: 'Reflect Team',
    aadGroupId: '00000000-0000-0000-0000-0000000c0001',
    channels: [{ id: 'playground-channel', name: 'Announcements' }],
  },
};

// Keep config and the log out of the repo (the playground would otherwise
// read ./.m365agentsplayground.yml and write ./devTools/).
const workDir = join(tmpdir(), 'reflect-playground');
mkdirSync(workDir, { recursive: true });
const configPath = join(workDir, '.m365agentsplayground.yml');
writeFileSync(configPath, JSON.stringify(config, null, 2));

// The playground silently falls back to a random port if ours is taken, which
// would make the URL printed below wrong, so fail early instead.
await new Promise((resolve, reject) => {
  const probe = createServer().once('error', reject).listen(port, () => probe.close(resolve));
}).catch((err) => {
  console.error(`Port ${port} is not free (${err.code}); set PLAYGROUND_PORT.`);
  process.exit(1);
});

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const win = process.platform === 'win32';
const bin = join(root, 'node_modules', '.bin', win ? 'agentsplayground.cmd' : 'agentsplayground');
const child = spawn(
  bin,
  ['--app-endpoint', botUrl, '--channel-id', 'msteams', '--port', String(port), '--disable-telemetry'],
  {
    // stdio inherited: the playground only echoes its log to a TTY.
    stdio: 'inherit',
    shell: win, // .cmd shims need a shell on Windows
    env: {
      ...process.env,
      // --disable-telemetry stops events, but App Insights still starts; this stops its statsbeat pings.
      APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
      // Otherwise it tries to launch a desktop browser via xdg-open/open.
      TEAMSAPPTESTER_BROWSER: process.env.TEAMSAPPTESTER_BROWSER ?? 'none',
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath,
      M365_AGENTS_PLAYGROUND_LOGFILE: join(workDir, 'playground.log'),
    },
  },
);

console.log(
  `Agents Playground -> ${botUrl} as ${userName} (aadObjectId ${aadObjectId}, tenant ${tenantId})\n` +
    `Open http://localhost:${port} (config: ${configPath})`,
);

for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('error', (err) => {
  console.error(`Could not start ${bin}: ${err.message} (is @microsoft/m365agentsplayground installed?)`);
  process.exit(1);
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
