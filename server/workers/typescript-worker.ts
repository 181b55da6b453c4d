/**
 * Worker threads whose module is TypeScript: the import pool and the embedded shadow engine.
 * - From source (tsx, vitest), a worker does not inherit tsx's loader: `--import tsx` in `execArgv`
 *   is applied too late for the worker's own entry file on Node 20. So each worker starts from a
 *   small bootstrap that registers tsx's ESM API first, then imports the module.
 * - From the compiled server (dist/server/, scripts/build-server.mjs), this module is JavaScript and
 *   every worker entry was compiled to `<name>.js` in the same flat folder as the chunk holding this
 *   code: the worker starts from that file directly, without tsx.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/** tsx's ESM API (`register`), by the path its package exports it under (its CJS build fails in a worker). */
function tsxEsmApi(): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('tsx/package.json');
  const exported = (require(manifest) as { exports: Record<string, { import: { default: string } }> }).exports['./esm/api'].import.default;
  return pathToFileURL(join(dirname(manifest), exported)).href;
}

/** True when this code runs from the compiled bundle rather than from its TypeScript source. */
const isCompiled = import.meta.url.endsWith('.js');

/** Starts `entry` (a `.ts` module's URL, e.g. `new URL('./import-worker.ts', import.meta.url)`) in a worker thread. */
export function startTypeScriptWorker(entry: URL): Worker {
  if (isCompiled) {
    const name = entry.pathname.slice(entry.pathname.lastIndexOf('/') + 1).replace(/\.ts$/, '.js');
    return new Worker(new URL(`./${name}`, import.meta.url));
  }
  const bootstrap = `import(${JSON.stringify(tsxEsmApi())}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(bootstrap, { eval: true, execArgv: [] });
}
