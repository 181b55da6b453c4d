/**
 * A schema of the studio's own, versioned: numbered steps, each run once and in order, the version
 * reached recorded in `<schema>.migrations`. Used for the store (`migrations.ts`, schema `schemata`)
 * and for the journal each target database carries (`server/db/target-journal.ts`, schema
 * `_schemata`). The caller runs it inside a transaction holding its lock, so a step is applied by one
 * studio only and a failed step leaves nothing half done.
 */
import type { SqlSession } from '../db/sql-client.ts';

export interface SchemaStep {
  version: number;
  name: string;
  sql: string;
}

/** Applies the steps `schema` has not seen yet, in version order; returns the versions applied. */
export async function applySchemaSteps(tx: SqlSession, schema: string, steps: readonly SchemaStep[]): Promise<number[]> {
  await tx.exec(`
    CREATE SCHEMA IF NOT EXISTS ${schema};
    CREATE TABLE IF NOT EXISTS ${schema}.migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    );`);
  const rows = await tx.query<{ version: number }>(`SELECT version FROM ${schema}.migrations`);
  const done = new Set(rows.map((r) => Number(r.version)));
  const applied: number[] = [];
  for (const step of [...steps].sort((a, b) => a.version - b.version)) {
    if (done.has(step.version)) continue;
    await tx.exec(step.sql);
    await tx.query(`INSERT INTO ${schema}.migrations (version, name) VALUES ($1, $2)`, [step.version, step.name]);
    applied.push(step.version);
  }
  return applied;
}
