// Compiles the server and the CLI to JavaScript in dist/server/ (ESM, Node 20, source maps), so they
// start without tsx compiling every module on every run. One esbuild bundle per entry, split into
// shared chunks; a dynamic `import()` becomes its own chunk, loaded only when that code runs (the
// CLI loads a command's module on use). Every file lands flat in dist/server/: a worker entry is
// found beside the chunk that starts it (server/workers/typescript-worker.ts).
// Run by `npm install` (prepare), `npm run build`, and with `--if-stale` (build only when a source is
// newer than the last build) by `npm start`, `npm run cli` and vitest's global setup.
import { copyFileSync, existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT, isFresh, writeStamp } from './build-stamp.mjs';

const OUT = join(ROOT, 'dist', 'server');
const STAMP = join(OUT, '.build-stamp');
/** Entry modules: the studio, the CLI, and the two worker threads they start. */
const ENTRIES = ['server/index.ts', 'server/cli.ts', 'server/io/import-worker.ts', 'server/diff/shadow-worker.ts'];
/** What the bundle is made of: a change to any of these makes the build stale. */
const SOURCES = ['server', 'shared', 'package.json', 'scripts/build-server.mjs'];
/**
 * Packages stay in node_modules, imported at run time (native add-ons, WASM beside their code, their
 * own workers), except these. zod is ~200 small ESM files, and bundled it loads as one chunk. The SQL
 * parser (libpg-query and the packages built on it, which must share its one WebAssembly instance)
 * loads from node_modules as CommonJS through Node's ESM loader: bundled, its JavaScript costs
 * 20-40 ms less CPU to load (measured on `cli introspect --db` of musicbrainz, which loads it for one
 * view). Its WebAssembly is copied beside the chunks, where its Emscripten glue looks for it.
 */
const BUNDLED_PACKAGES = ['zod', 'libpg-query', 'pgsql-parser', 'pgsql-deparser', '@pgsql/types', '@pgsql/quotes'];
const PARSER_WASM = join(ROOT, 'node_modules', 'libpg-query', 'wasm', 'libpg-query.wasm');
/**
 * What the parser's Emscripten glue, CommonJS inside an ESM chunk, expects of its module scope:
 * `require` (for node:fs) and `__dirname` (where it finds its .wasm).
 */
const COMMONJS_SCOPE = [
  "import { createRequire as __schemataCreateRequire } from 'node:module';",
  'const require = __schemataCreateRequire(import.meta.url);',
  'const __dirname = import.meta.dirname;',
  'const __filename = import.meta.filename;',
].join(' ');

function externalPackages() {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const names = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).filter((name) => !BUNDLED_PACKAGES.includes(name));
  return names.flatMap((name) => [name, `${name}/*`]);
}

/**
 * Builds into a fresh folder, then swaps it in: a CLI started meanwhile (a test, another terminal)
 * reads the old build or the new one, never a half-written one.
 */
async function build() {
  const { build: esbuild } = await import('esbuild');
  const next = `${OUT}.next-${process.pid}`;
  const old = `${OUT}.old-${process.pid}`;
  rmSync(next, { recursive: true, force: true });
  await esbuild({
    absWorkingDir: ROOT,
    entryPoints: ENTRIES,
    outdir: next,
    entryNames: '[name]',
    chunkNames: 'chunk-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: externalPackages(),
    // The ESM build of a package where it has one (the parser's `module`), not its CommonJS `main`.
    mainFields: ['module', 'main'],
    banner: { js: COMMONJS_SCOPE },
    sourcemap: true,
    logLevel: 'warning',
  });
  copyFileSync(PARSER_WASM, join(next, 'libpg-query.wasm'));
  writeStamp(join(next, '.build-stamp'));
  if (existsSync(OUT)) renameSync(OUT, old);
  renameSync(next, OUT);
  rmSync(old, { recursive: true, force: true });
}

const ifStale = process.argv.includes('--if-stale');
if (!(ifStale && isFresh(STAMP, SOURCES))) {
  const started = performance.now();
  await build();
  console.error(`build-server: ${relative(ROOT, OUT)}/ in ${Math.round(performance.now() - started)} ms`);
}
