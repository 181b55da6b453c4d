/**
 * The embedded engine (in-memory PGlite, PostgreSQL 18) as a shadow database, in a worker thread.
 * A model is untrusted input and its SQL runs here: off the request thread, with a time limit
 * (`SCHEMATA_CANONICAL_TIMEOUT_MS`, default 30 s). A model that takes longer (a function that loops)
 * gets its worker terminated; the next use starts a fresh one. One worker is kept warm between uses
 * (starting the engine costs 1–2 s of CPU) and ended after a minute idle.
 */
import type { Worker } from 'node:worker_threads';
import type { Model } from '../../shared/model/document.ts';
import { startTypeScriptWorker } from '../workers/typescript-worker.ts';
import { ModelDoesNotLoad } from './shadow-load.ts';
import type { ShadowJob, ShadowReply } from './shadow-worker.ts';

export const CANONICAL_TIMEOUT_ENV = 'SCHEMATA_CANONICAL_TIMEOUT_MS';
const DEFAULT_TIMEOUT_MS = 30_000;
/** Starting the engine (initdb) is not the model's doing: it has its own, generous bound. */
const START_TIMEOUT_MS = 180_000;
const IDLE_MS = 60_000;

/** The time limit of one load, read at each use (tests shorten it); a bad value falls back to the default. */
export function canonicalTimeoutMs(env: Record<string, string | undefined> = process.env): number {
  const value = Number(env[CANONICAL_TIMEOUT_ENV]);
  return Number.isInteger(value) && value > 0 ? value : DEFAULT_TIMEOUT_MS;
}

function startWorker(): Worker {
  return startTypeScriptWorker(new URL('./shadow-worker.ts', import.meta.url));
}

let worker: Worker | undefined;
let idleTimer: ReturnType<typeof setTimeout> | undefined;
let queue: Promise<unknown> = Promise.resolve();
let nextId = 1;

function retire(w: Worker): void {
  if (worker === w) worker = undefined;
  void w.terminate();
}

function runJob(model: Model, schemas: string[] | undefined, timeoutMs: number): Promise<Model> {
  const w = (worker ??= startWorker());
  if (idleTimer) clearTimeout(idleTimer);
  w.ref();
  const id = nextId++;
  return new Promise<Model>((resolve, reject) => {
    let timer = setTimeout(() => fail(new ModelDoesNotLoad('the embedded engine did not start in time')), START_TIMEOUT_MS);
    const cleanup = () => {
      clearTimeout(timer);
      w.off('message', onMessage);
      w.off('error', onError);
      w.off('exit', onExit);
    };
    const fail = (error: Error) => {
      cleanup();
      retire(w);
      reject(error);
    };
    const onMessage = (reply: ShadowReply) => {
      if (reply.id !== id) return;
      if ('started' in reply) {
        clearTimeout(timer);
        timer = setTimeout(() => fail(new ModelDoesNotLoad(
          `the model took longer than ${Math.round(timeoutMs / 100) / 10} s to load into the embedded engine (it may run code that does not end; the limit is ${CANONICAL_TIMEOUT_ENV})`)), timeoutMs);
        return;
      }
      cleanup();
      if ('model' in reply) resolve(reply.model);
      else reject(new ModelDoesNotLoad(reply.error));
    };
    const onError = (error: Error) => fail(new Error(`the embedded engine failed: ${error.message.split('\n')[0]}`));
    const onExit = () => fail(new Error('the embedded engine stopped'));
    w.on('message', onMessage);
    w.on('error', onError);
    w.on('exit', onExit);
    w.postMessage({ id, model, schemas } satisfies ShadowJob);
  });
}

/** After each job: an idle worker does not keep the process alive, and is ended after a minute. */
function idle(): void {
  const w = worker;
  if (!w) return;
  w.unref();
  idleTimer = setTimeout(() => retire(w), IDLE_MS);
  idleTimer.unref();
}

/**
 * `model` loaded into the embedded engine and read back with its ids (`loadAndRead`), one job at a
 * time. Rejects with `ModelDoesNotLoad` when it does not load or takes longer than the limit.
 */
export function loadInEmbeddedEngine(model: Model, schemas?: string[]): Promise<Model> {
  const timeoutMs = canonicalTimeoutMs();
  const run = queue.catch(() => undefined).then(() => runJob(model, schemas, timeoutMs));
  queue = run;
  void run.catch(() => undefined).then(() => {
    if (queue === run) idle();
  });
  return run;
}

/** Ends the worker now (tests, shutdown). */
export async function stopEmbeddedEngine(): Promise<void> {
  if (idleTimer) clearTimeout(idleTimer);
  const w = worker;
  worker = undefined;
  await w?.terminate();
}
