/**
 * The embedded engine's worker thread (started by `embedded-shadow.ts`): one in-memory PGlite,
 * created on the first job and emptied before each, so a model's SQL runs off the request thread
 * and a model that never finishes loading is ended by terminating this thread.
 *
 * Protocol: `{ id, model, schemas? }` in; `{ id, started: true }` once the engine is up and the job
 * begins (the caller's time limit starts there, not during initdb), then `{ id, model }` or
 * `{ id, error }`.
 */
import { parentPort } from 'node:worker_threads';
import type { Model } from '../../shared/model/document.ts';
import { openSqlClient, type SqlClient } from '../db/sql-client.ts';
import { emptyShadow, loadAndRead } from './shadow-load.ts';

export interface ShadowJob { id: number; model: Model; schemas?: string[] }
export type ShadowReply = { id: number; started: true } | { id: number; model: Model } | { id: number; error: string };

let engine: Promise<SqlClient> | undefined;

async function run(job: ShadowJob): Promise<Model> {
  if (!engine) {
    engine = openSqlClient('pglite:memory:');
    engine.catch(() => { engine = undefined; });
  }
  const shadow = await engine;
  parentPort!.postMessage({ id: job.id, started: true } satisfies ShadowReply);
  await emptyShadow(shadow);
  return loadAndRead(shadow, job.model, job.schemas);
}

parentPort!.on('message', (job: ShadowJob) => {
  run(job).then(
    (model) => parentPort!.postMessage({ id: job.id, model } satisfies ShadowReply),
    (error: unknown) => parentPort!.postMessage({ id: job.id, error: (error as Error)?.message ?? String(error) } satisfies ShadowReply),
  );
});
