// The command palette's search (shared/model/search.ts) on musicbrainz and on the generated
// 2,000-table model: building the index (once per model, when the palette opens) and every
// keystroke of a few typed queries, beside the 16.7 ms a 60 fps frame allows. Asserts nothing.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Model } from '../shared/model/document.ts';
import { importSql } from '../shared/io/sql-import/import-sql.ts';
import { objectSearchIndex, searchObjects } from '../shared/model/object-search.ts';
import { generateModel } from './_generate-model.ts';

const MUSICBRAINZ = join(import.meta.dirname, '..', '..', 'shared', 'schemas', 'musicbrainz', 'schema.sql');
const FRAME_MS = 1000 / 60;
const BUILDS = 15;
const ROUNDS = 20;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.95)];

/** Every prefix of each query, as typed one key at a time. */
function keystrokes(queries: string[]): string[] {
  return queries.flatMap((q) => Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1)));
}

function measure(label: string, model: Model, queries: string[]): void {
  const builds: number[] = [];
  const buildsCpu: number[] = []; // this process's CPU time: on a busy machine, wall time includes waiting for a core
  for (let i = 0; i < BUILDS; i += 1) {
    const fresh = { ...model }; // the index is cached per model object: a new object builds it again
    const [start, cpu] = [performance.now(), process.cpuUsage()];
    objectSearchIndex(fresh);
    builds.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    buildsCpu.push((used.user + used.system) / 1000);
  }
  const typed = keystrokes(queries);
  objectSearchIndex(model); // built once when the palette opens: not a keystroke's cost
  const perKey: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const query of typed) {
      const start = performance.now();
      searchObjects(model, query, 50);
      perKey.push(performance.now() - start);
    }
  }
  const entries = objectSearchIndex(model).search.size;
  const columns = model.tables.reduce((n, t) => n + t.columns.length, 0);
  console.log(`${label.padEnd(15)} ${String(model.tables.length).padStart(5)} tables ${String(columns).padStart(6)} columns ${String(entries).padStart(6)} entries`
    + `  index ${median(builds).toFixed(1).padStart(5)} ms (CPU ${median(buildsCpu).toFixed(1)} ms)`
    + `  keystroke median ${median(perKey).toFixed(2).padStart(5)} ms, 95th percentile ${p95(perKey).toFixed(2).padStart(5)} ms`
    + `  (frame budget ${FRAME_MS.toFixed(1)} ms; ${typed.length} keystrokes × ${ROUNDS})`);
  const first = (q: string) => searchObjects(model, q, 1)[0]?.label ?? '—';
  console.log(`${''.padEnd(15)} first hit: ${queries.map((q) => `${q} → ${first(q)}`).join('; ')}`);
}

async function main(): Promise<void> {
  console.log(`search: index build median of ${BUILDS}; every keystroke of the queries, ${ROUNDS} rounds, node ${process.version}`);
  if (existsSync(MUSICBRAINZ)) {
    const musicbrainz = (await importSql(readFileSync(MUSICBRAINZ, 'utf8'))).model;
    measure('musicbrainz', musicbrainz, ['recording', 'musicbrainz.recording', 'recording.name', 'artist_credit', 'gid', 'e']);
  } else console.log(`musicbrainz: skipped (${MUSICBRAINZ} is missing)`);
  measure('generated-2000', generateModel({ tables: 2000 }), ['invoice', 'sales.order_item', 'customer_12.email', 'updated_at', 'e']);
}

await main();
