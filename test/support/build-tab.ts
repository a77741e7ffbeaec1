import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The repository root, from test/ (under jest) or dist/ (bundled benchmarks). */
function repoRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'scripts/build-tab.mjs'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`cannot find scripts/build-tab.mjs above ${__dirname}`);
  }
}

/**
 * Builds the tab into `outdir`, minified, as `npm run build` does, and reports the initial download's size.
 * scripts/build-tab.mjs is an ES module with top-level await, which neither jest's CommonJS runtime nor a
 * CommonJS bundle can load, so it runs in a child Node process that answers with JSON.
 */
export function buildTabInto(outdir: string): Promise<{ initialBytes: number; initialGzipBytes: number }> {
  const root = repoRoot();
  const script =
    `const { buildTab } = await import(${JSON.stringify(pathToFileURL(path.join(root, 'scripts/build-tab.mjs')).href)});` +
    `const r = await buildTab({ outdir: process.argv[1], minify: true });` +
    `process.stdout.write(JSON.stringify({ initialBytes: r.initialBytes, initialGzipBytes: r.initialGzipBytes }));`;
  return new Promise((resolve, reject) =>
    execFile(process.execPath, ['--input-type=module', '-e', script, outdir], { cwd: root }, (error, stdout, stderr) =>
      error ? reject(new Error(`building the tab failed: ${stderr || error.message}`)) : resolve(JSON.parse(stdout) as { initialBytes: number; initialGzipBytes: number }),
    ),
  );
}
