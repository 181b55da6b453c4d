/**
 * SQL and DBML imports run in worker threads, at most `POOL_SIZE` at once (more wait in line), each
 * with a time limit: a worker that runs over is terminated, so no input can hang the server or the
 * CLI. Workers stay alive between imports (starting one loads tsx and the parser, a second or more)
 * and never keep the process alive.
 */
import type { Worker } from 'node:worker_threads';
import { ImportSyntaxError } from '../../shared/io/import-document.ts';
import type { ImportFormat, ImportResponse } from '../../shared/api/import.ts';
import type { ImportJob, ImportOutcome } from './import-worker.ts';
import { startTypeScriptWorker } from '../workers/typescript-worker.ts';

export const IMPORT_TIMEOUT_VARIABLE = 'SCHEMATA_IMPORT_TIMEOUT_MS';
export const DEFAULT_IMPORT_TIMEOUT_MS = 30_000;
const POOL_SIZE = 2;
/** Imports waiting for a worker beyond this are refused at once (a flood must not queue unbounded work). */
export const MAX_WAITING = 16;

const formatSeconds = (ms: number) => `${Number((ms / 1000).toFixed(3))} s`;

/** The import ran over its time limit and its worker was stopped. */
export class ImportTimedOut extends Error {
  override readonly name = 'ImportTimedOut';
  constructor(readonly timeoutMs: number) {
    super(`the import took longer than ${formatSeconds(timeoutMs)} and was stopped (the limit is ${IMPORT_TIMEOUT_VARIABLE})`);
  }
}

/** Too many imports are waiting for a worker: try again later. */
export class ImportsBusy extends Error {
  override readonly name = 'ImportsBusy';
  constructor() {
    super(`${MAX_WAITING} imports are already waiting to run: try again when they are done`);
  }
}

/** `SCHEMATA_IMPORT_TIMEOUT_MS` (a positive whole number of milliseconds), else 30 s. Throws on a bad value. */
export function importTimeoutMs(env: Record<string, string | undefined> = process.env): number {
  const raw = env[IMPORT_TIMEOUT_VARIABLE];
  if (raw === undefined || raw.trim() === '') return DEFAULT_IMPORT_TIMEOUT_MS;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${IMPORT_TIMEOUT_VARIABLE} must be a positive whole number of milliseconds, not "${raw}"`);
  return value;
}

interface Waiting {
  job: ImportJob;
  timeoutMs: number;
  resolve: (response: ImportResponse) => void;
  reject: (error: unknown) => void;
}

interface PoolWorker {
  worker: Worker;
  /** Resolves when the worker has loaded the parser; rejects if it cannot start. */
  ready: Promise<void>;
}

const WORKER_URL = new URL('./import-worker.ts', import.meta.url);
const idle: PoolWorker[] = [];
const queue: Waiting[] = [];
let running = 0;

function startWorker(): PoolWorker {
  const worker = startTypeScriptWorker(WORKER_URL);
  worker.unref();
  // A worker that dies while idle must not be handed the next import.
  worker.once('exit', () => {
    const at = idle.findIndex((pooled) => pooled.worker === worker);
    if (at >= 0) idle.splice(at, 1);
  });
  const ready = new Promise<void>((resolve, reject) => {
    const onMessage = (message: unknown) => {
      if (message !== 'ready') return;
      cleanup();
      resolve();
    };
    const onFailure = (error: unknown) => {
      cleanup();
      reject(error instanceof Error ? error : new Error(`the import worker stopped while starting (exit code ${String(error)})`));
    };
    const cleanup = () => {
      worker.off('message', onMessage);
      worker.off('error', onFailure);
      worker.off('exit', onFailure);
    };
    worker.on('message', onMessage);
    worker.on('error', onFailure);
    worker.on('exit', onFailure);
  });
  return { worker, ready };
}

function outcomeOf(outcome: ImportOutcome): { response: ImportResponse } | { error: Error } {
  if (outcome.ok) return { response: outcome.response };
  if ('syntax' in outcome) {
    const { message, line, column, format } = outcome.syntax;
    return { error: new ImportSyntaxError(message, line, column, format) };
  }
  const error = new Error(`the import failed: ${outcome.failure.message}`);
  if (outcome.failure.stack) error.stack = outcome.failure.stack;
  return { error };
}

/** Runs one job on `pooled`; settles `waiting`; true when the worker can be used again. */
function runJob({ worker }: PoolWorker, waiting: Waiting): Promise<boolean> {
  return new Promise((done) => {
    const finish = (reusable: boolean, settle: () => void) => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      settle();
      done(reusable);
    };
    const onMessage = (outcome: ImportOutcome) => {
      const result = outcomeOf(outcome);
      finish(true, () => ('response' in result ? waiting.resolve(result.response) : waiting.reject(result.error)));
    };
    const onError = (error: Error) => finish(false, () => waiting.reject(error));
    const onExit = (code: number) => finish(false, () => waiting.reject(new Error(`the import worker stopped (exit code ${code})`)));
    const timer = setTimeout(() => finish(false, () => waiting.reject(new ImportTimedOut(waiting.timeoutMs))), waiting.timeoutMs);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(waiting.job);
  });
}

function runNext(): void {
  if (running >= POOL_SIZE || !queue.length) return;
  const waiting = queue.shift()!;
  running += 1;
  const pooled = idle.pop() ?? startWorker();
  void pooled.ready
    .then(() => runJob(pooled, waiting), (error: unknown) => {
      waiting.reject(error);
      return false;
    })
    .then((reusable) => {
      if (reusable) idle.push(pooled);
      else void pooled.worker.terminate();
      running -= 1;
      runNext();
    });
}

/**
 * Imports `text` in a worker. Rejects with `ImportSyntaxError` (line and column), `ImportTimedOut`
 * after `timeoutMs` (default: `importTimeoutMs()`), `ImportsBusy` when too many wait, or another error. The clock starts when a worker
 * takes the import, not while it waits in line or while the worker starts.
 */
export function importInWorker(text: string, format: ImportFormat = 'sql', name?: string, timeoutMs = importTimeoutMs()): Promise<ImportResponse> {
  if (queue.length >= MAX_WAITING) return Promise.reject(new ImportsBusy());
  return new Promise((resolve, reject) => {
    queue.push({ job: { text, format, ...(name !== undefined ? { name } : {}) }, timeoutMs, resolve, reject });
    runNext();
  });
}
