/**
 * Worker threads whose module is TypeScript. The server runs under tsx (and its tests under vitest),
 * but a worker does not inherit tsx's loader: `--import tsx` in `execArgv` is applied too late for
 * the worker's own entry file on Node 20. So each worker starts from a small bootstrap that
 * registers tsx's ESM API first, then imports the module. Used by the import pool and the embedded
 * shadow engine.
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

/** Starts `entry` (a `.ts` module's URL) in a worker thread. */
export function startTypeScriptWorker(entry: URL): Worker {
  const bootstrap = `import(${JSON.stringify(tsxEsmApi())}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(bootstrap, { eval: true, execArgv: [] });
}
