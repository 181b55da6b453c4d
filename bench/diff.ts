// `npm run bench -- diff`: diff + plan time for the largest corpus model (musicbrainz, read by
// introspection) against a copy with 10% of its tables changed (a column added, one retyped, one
// renamed, an index added). Needs PostgreSQL 15 at SCHEMATA_TEST_PG (default
// postgres://postgres@127.0.0.1:5432/postgres) and psql.
import { join } from 'node:path';
import { diff } from '../shared/diff/diff.ts';
import { plan } from '../shared/diff/plan.ts';
import type { Model } from '../shared/model/document.ts';
import { openSqlClient } from '../server/db/sql-client.ts';
import { introspect } from '../server/introspect/introspect.ts';
import { CORPUS_DIR, psqlFile } from '../server/testing/round-trip.ts';
import { createThrowawayDb } from '../server/testing/throwaway-db.ts';

const SCHEMA = 'musicbrainz';
const RUNS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Every tenth table: a new column, the first text-like column widened to text, the last column renamed, an index. */
function changeTenPercent(model: Model): Model {
  const copy = structuredClone(model);
  copy.tables.forEach((table, i) => {
    if (i % 10 !== 0 || table.partitionOf) return;
    table.columns.push({ id: `bench_${table.id}`, name: 'bench_note', type: { name: 'text' }, notNull: false });
    const varchar = table.columns.find((c) => c.type.name === 'character varying');
    if (varchar) varchar.type = { name: 'text' };
    const last = table.columns[table.columns.length - 2];
    if (last) last.name = `${last.name}_renamed`.slice(0, 63);
    table.indexes.push({ id: `bench_idx_${table.id}`, unique: false, items: [{ column: `bench_${table.id}` }] });
  });
  return copy;
}

async function main(): Promise<void> {
  const db = await createThrowawayDb('bench_diff');
  const client = await openSqlClient(db.url);
  try {
    await psqlFile(db.url, join(CORPUS_DIR, SCHEMA, 'schema.sql'));
    const from = await introspect(client);
    const to = changeTenPercent(from);
    const diffMs: number[] = [];
    const planMs: number[] = [];
    let steps = 0;
    let changes = 0;
    for (let i = 0; i <= RUNS; i++) {
      const t0 = performance.now();
      const c = diff(from, to);
      const t1 = performance.now();
      const p = plan(c, { from, to });
      const t2 = performance.now();
      if (i === 0) continue; // warm-up
      diffMs.push(t1 - t0);
      planMs.push(t2 - t1);
      changes = c.length;
      steps = p.steps.length;
    }
    const equal = performance.now();
    const none = plan(diff(from, from), { from, to: from }).steps.length;
    const equalMs = performance.now() - equal;
    console.log(`model: ${SCHEMA} (${from.tables.length} tables, ${from.views.length} views, ${from.rawObjects.length} raw objects), ${Math.ceil(from.tables.length / 10)} tables changed`);
    console.log(`diff: ${median(diffMs).toFixed(0)} ms (median of ${RUNS}), ${changes} changes`);
    console.log(`plan: ${median(planMs).toFixed(0)} ms (median of ${RUNS}), ${steps} steps`);
    console.log(`diff + plan of the model against itself: ${equalMs.toFixed(0)} ms, ${none} steps`);
  } finally {
    await client.close();
    await db.drop();
  }
}

main().catch((error: unknown) => {
  console.error(`bench diff: ${(error as Error).message}`);
  process.exitCode = 1;
});
