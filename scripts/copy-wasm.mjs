// Emscripten fetches libpg-query.wasm relative to the page and Vite does not emit it, so the
// real PostgreSQL parser needs the file copied into public/ before a build (never committed).
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const pkgDir = dirname(require.resolve('libpg-query/package.json'));
const source = join(pkgDir, 'wasm', 'libpg-query.wasm');
if (!existsSync(source)) {
  console.error(`copy-wasm: ${source} not found; is libpg-query installed?`);
  process.exit(1);
}
mkdirSync('public', { recursive: true });
const target = join('public', 'libpg-query.wasm');
// An unchanged copy is left alone: its modification time is what tells `npm start` the page is up to date.
const copied = statSync(target, { throwIfNoEntry: false });
if (!copied || copied.size !== statSync(source).size || copied.mtimeMs < statSync(source).mtimeMs) copyFileSync(source, target);
