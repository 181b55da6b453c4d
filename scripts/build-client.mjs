// Builds the client into dist/client/ (copy-wasm.mjs, then Vite) and stamps it. With `--if-stale`
// (`npm start`) it builds only when dist/client is missing or older than one of its sources, so
// starting an unchanged checkout does not rebuild the page.
import { spawnSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { ROOT, isFresh, writeStamp } from './build-stamp.mjs';

const OUT = join(ROOT, 'dist', 'client');
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
  run([join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build']);
  writeStamp(STAMP);
}
