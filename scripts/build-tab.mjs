// Builds the Teams tab (tabs/) into static files the service serves under /tab/: an ES module entry, lazily
// loaded chunks (adaptivecards is only fetched when a record is opened), index.html and styles.css.
// Reports the initial download: main.js, the chunks it imports statically, and the stylesheet.
import { build } from 'esbuild';
import { copyFile, mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Files main.js loads before it runs: itself and, transitively, its static imports. */
function initialFiles(metafile, entryOut) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imp of metafile.outputs[file]?.imports ?? []) if (imp.kind === 'import-statement') visit(imp.path);
  };
  visit(entryOut);
  return [...seen];
}

export async function buildTab({ outdir = 'dist/tab', minify = true } = {}) {
  const out = path.resolve(root, outdir);
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: { main: 'tabs/src/main.ts' },
    outdir: out,
    bundle: true,
    format: 'esm',
    splitting: true,
    platform: 'browser',
    target: 'es2020',
    minify,
    metafile: true,
    sourcemap: minify ? 'linked' : 'inline',
    chunkNames: 'chunks/[name]-[hash]',
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  await Promise.all(['index.html', 'styles.css'].map((file) => copyFile(path.join(root, 'tabs', file), path.join(out, file))));

  const entryOut = Object.keys(result.metafile.outputs).find((file) => result.metafile.outputs[file].entryPoint === 'tabs/src/main.ts');
  if (!entryOut) throw new Error('esbuild produced no main.js');
  const files = [...initialFiles(result.metafile, entryOut).map((file) => path.resolve(root, file)), path.join(out, 'styles.css')];
  const initial = files.map((file) => path.relative(out, file).split(path.sep).join('/'));
  let initialBytes = 0;
  let initialGzipBytes = 0;
  for (const file of files) {
    const content = await readFile(file);
    initialBytes += content.length;
    initialGzipBytes += gzipSync(content, { level: 9 }).length;
  }
  // initialFiles and metafile let a test assert what is (and is not) in the first download.
  return { outdir: out, initialBytes, initialGzipBytes, initialFiles: initial, metafile: result.metafile };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { outdir, initialBytes, initialGzipBytes } = await buildTab();
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`tab built in ${path.relative(process.cwd(), outdir) || '.'}: initial ${kb(initialBytes)} (${kb(initialGzipBytes)} gzipped)`);
}
