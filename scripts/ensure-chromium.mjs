// Makes sure Debian's Chromium is installed before the browser tests run (npm test calls this first).
// The tests drive /usr/bin/chromium through playwright-core. We only ever install it with apt: never a
// browser downloaded some other way, because the packaged build is the one that gets security updates.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const CHROMIUM = '/usr/bin/chromium';

if (existsSync(CHROMIUM)) process.exit(0);

function fail(message) {
  console.error(`ensure-chromium: ${message}`);
  process.exit(1);
}

if (process.platform !== 'linux') fail(`${CHROMIUM} is missing and it can only be installed automatically on Debian/Ubuntu Linux.`);

// apt needs root; sudo -n fails at once rather than hanging on a password prompt in CI.
const asRoot = process.getuid?.() === 0 ? [] : ['sudo', '-n'];

function run(args) {
  const [command, ...rest] = [...asRoot, ...args];
  // Inherited stdio streams apt's progress straight to the terminal.
  const result = spawnSync(command, rest, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (result.error) fail(`could not run ${[command, ...rest].join(' ')} (${result.error.message}); install it yourself: sudo apt-get install chromium`);
  if (result.status !== 0) fail(`${args.join(' ')} failed (exit ${result.status}); install it yourself: sudo apt-get install chromium`);
}

console.log('Installing Chromium from Debian packages (needed by the browser tests)…');
run(['apt-get', 'update']);
run(['apt-get', 'install', '-y', 'chromium']);
if (!existsSync(CHROMIUM)) fail(`apt-get installed chromium but ${CHROMIUM} still does not exist.`);
console.log(`Chromium installed at ${CHROMIUM}.`);
