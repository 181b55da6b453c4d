// Starts the TypeScript import worker in a worker thread. `--import tsx` in a worker's execArgv
// registers tsx too late for the worker's own entry file on Node 20, so the worker entry is this
// plain module, which registers tsx and then loads the TypeScript one (under `node --import tsx`
// and under vitest alike).
import { register } from 'tsx/esm/api';

register();
await import('./import-worker.ts');
