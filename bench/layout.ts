// `npm run bench -- layout`: auto-layout at scale. For MusicBrainz (the corpus schema, imported with
// importSql) and the generated 2,000-table model, runs the studio's auto-layout (shared/model/arrange.ts,
// the code the client's worker runs) in each mode on the estimated node sizes, and the first placements
// after an import (from a file: client/io/import-layout.ts; from a database: withMissingPositions). Prints
// the median time of 5 runs, the extent (w × h px, aspect) and the number of overlapping table pairs,
// beside the reference measured before (issue 11: ELK's layered layout of MusicBrainz, 7 s for
// 26,183 × 60,750 px). Asserts nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Layout, Model } from '../shared/model/document.ts';
import { emptyLayout } from '../shared/model/empty.ts';
import { importSql } from '../shared/io/sql-import/import-sql.ts';
import { arrange, layoutGroups, LAYOUT_MODES } from '../shared/model/arrange.ts';
import { overlappingPairs } from '../shared/model/packing.ts';
import { drawnSizes } from '../client/canvas/node-sizes.ts';
import { clusteredGrid } from '../client/io/import-layout.ts';
import { withMissingPositions } from '../shared/model/initial-layout.ts';
import { generateModel } from './_generate-model.ts';

const MUSICBRAINZ = join(import.meta.dirname, '..', '..', 'shared', 'schemas', 'musicbrainz', 'schema.sql');
const RUNS = 5;

function extent(positions: Layout['nodes'], sizes: Map<string, { width: number; height: number }>) {
  const boxes = Object.entries(positions).map(([id, p]) => ({ id, x: p.x, y: p.y, ...sizes.get(id)! }));
  const width = Math.max(...boxes.map((b) => b.x + b.width)) - Math.min(...boxes.map((b) => b.x));
  const height = Math.max(...boxes.map((b) => b.y + b.height)) - Math.min(...boxes.map((b) => b.y));
  return { width, height, overlaps: overlappingPairs(boxes).length };
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

function measure(label: string, place: () => Layout['nodes'], sizes: Map<string, { width: number; height: number }>) {
  place(); // warm up the JIT
  const times: number[] = [];
  let positions: Layout['nodes'] = {};
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    positions = place();
    times.push(performance.now() - start);
  }
  const e = extent(positions, sizes);
  const median = times.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
  console.log(`  ${label.padEnd(40)} ${median.toFixed(1).padStart(7)} ms   ${fmt(e.width)} × ${fmt(e.height)} px   aspect ${(e.width / e.height).toFixed(2)}   overlapping pairs ${e.overlaps}`);
}

function report(name: string, model: Model) {
  const layout = emptyLayout();
  const sizes = drawnSizes(model, layout);
  const groups = layoutGroups(model);
  console.log(`${name}: ${model.tables.length} tables, ${model.views.length} views, ${model.enums.length} enums; ${groups.length} groups (largest ${groups[0]?.ids.length ?? 0})`);
  for (const { mode, label } of LAYOUT_MODES) measure(`auto-layout ${label}`, () => arrange(model, sizes, { mode }), sizes);
  measure('first placement (file import)', () => clusteredGrid(model, layout).nodes, sizes);
  measure('first placement (database import)', () => withMissingPositions(model, layout).nodes, sizes);
}

const musicbrainz = (await importSql(readFileSync(MUSICBRAINZ, 'utf8'))).model;
console.log('reference (before, issue 11): ELK layered, MusicBrainz: 7 s, 26,183 × 60,750 px (aspect 0.43), beyond the minimum zoom');
report('musicbrainz', musicbrainz);
report('generated', generateModel({ tables: 2000 }));
