// Emscripten fetches libpg-query.wasm relative to the page and Vite does not emit it, so the
// real PostgreSQL parser needs the file copied into public/ before a build (never committed).
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
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
copyFileSync(source, join('public', 'libpg-query.wasm'));
