// Compiles the service and its command-line tools with esbuild (about a second; tsc only type-checks).
// Dependencies stay in node_modules; only our own TypeScript is bundled into dist/.
import { build } from 'esbuild';

const entries = {
  main: 'bot/src/main.ts',
  seed: 'bot/src/cli/seed.ts',
  import: 'bot/src/cli/import.ts',
  nudges: 'bot/src/cli/nudges.ts',
  purge: 'bot/src/cli/purge.ts',
  bench: 'test/bench/run.ts',
  soak: 'test/bench/soak.ts',
  package: 'manifest/package.ts',
  icons: 'manifest/make-icons.ts',
};

const only = process.argv.slice(2);
const selected = Object.fromEntries(Object.entries(entries).filter(([name]) => only.length === 0 || only.includes(name)));

await build({
  entryPoints: selected,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
