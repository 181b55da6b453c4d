// Builds the client into dist/client/ (copy-wasm.mjs, then Vite) and stamps it. With `--if-stale`
// (`npm start`) it builds only when dist/client is missing or older than one of its sources, so
// starting an unchanged checkout does not rebuild the page.
// `--mode test --out-dir dist/e2e-client` is the browser tests' own build (e2e/global-setup.ts): the
// `window.__schemata` hook, in a folder a `npm run build` never swaps under them.
import { spawnSync } from 'node:child_process';
import { join, relative, resolve } from 'node:path';
import { ROOT, isFresh, writeStamp } from './build-stamp.mjs';

/** The value after `--name` on the command line, if given. */
function option(name) {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
}

const OUT = resolve(ROOT, option('out-dir') ?? join('dist', 'client'));
const MODE = option('mode');
const STAMP = join(OUT, '.build-stamp');
/** What the page is made of (client/ holds index.html); package.json stands for the installed packages. */
const SOURCES = ['client', 'shared', 'public', 'vite.config.ts', 'package.json', 'scripts/build-client.mjs', 'scripts/copy-wasm.mjs'];

function run(args) {
  const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (process.argv.includes('--if-stale') && isFresh(STAMP, SOURCES)) {
  console.error(`build-client: ${relative(ROOT, OUT)}/ is up to date`);
} else {
  run([join(ROOT, 'scripts', 'copy-wasm.mjs')]);
  // The test build stays quiet (it runs before every journey run); `npm run build` reports its chunks.
  const testArgs = MODE ? ['--mode', MODE, '--logLevel', 'warn'] : [];
  run([join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', ...testArgs, '--outDir', OUT, '--emptyOutDir']);
  writeStamp(STAMP);
}
