/**
 * Document fuzzing: the templates and corpus-imported models, mutated structurally by a seeded PRNG
 * (server/testing/fuzz.ts: hostile numbers and strings, array items deleted or duplicated, ids
 * swapped, keys deleted). `parseDocument` must either reject with problems that each carry a JSON
 * path, or accept, and then the PostgreSQL, MySQL and SQLite writers must return text without
 * throwing, quickly and no more than 50 times the document's size.
 * `FUZZ_SEED=<seed> FUZZ_CASES=1 npx vitest run server/document-fuzz.test.ts` repeats one case.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generatePostgres } from '../shared/ddl/generate.ts';
import { generateMysql } from '../shared/ddl/mysql.ts';
import { generateSqlite } from '../shared/ddl/sqlite.ts';
import { importSql } from '../shared/io/sql-import/import-sql.ts';
import type { ModelDocument } from '../shared/model/document.ts';
import { makeDocument } from '../shared/model/empty.ts';
import { templates } from '../shared/model/templates/index.ts';
import { parseDocument } from '../shared/model/upgrade.ts';
import { fuzzSeeds, mutateJson, rng, roughStatements, saveFuzzInput } from './testing/fuzz.ts';
import { CORPUS_DIR } from './testing/round-trip.ts';

const CASES = 1000;
/** Per document, validation and the three writers together: milliseconds, so this catches only runaway work. */
const TIME_BOUND_MS = 5000;
/** Output may grow with the input (every name is quoted, every constraint named), not beyond. */
const SIZE_FACTOR = 50;

/** The corpus part: small dumps whole, the first statements of bigger ones (under 100 KB of JSON each). */
const CORPUS: [name: string, statements: number][] = [['chinook', 1e9], ['northwind', 1e9], ['pagila', 1e9], ['adventureworks', 60], ['musicbrainz', 80]];

type Outcome = { ok: 'rejected' | 'written' } | { problem: string };

/** How validating and writing `input` ended. */
function documentOutcome(input: unknown, inputSize: number): Outcome {
  try {
    const parsed = parseDocument(input);
    if (!parsed.ok) {
      const unplaced = parsed.problems.filter((p) => typeof p.path !== 'string' || !p.path || !p.message);
      return unplaced.length ? { problem: `problems without a path: ${JSON.stringify(unplaced)}` } : { ok: 'rejected' };
    }
    const { model } = parsed.document;
    const outputs = { postgres: generatePostgres(model), mysql: generateMysql(model).sql, sqlite: generateSqlite(model).sql };
    for (const [dialect, text] of Object.entries(outputs)) {
      if (typeof text !== 'string') return { problem: `${dialect} writer returned ${typeof text}` };
      if (text.length > SIZE_FACTOR * inputSize + 10_000) return { problem: `${dialect} DDL is ${text.length} characters for ${inputSize} of JSON` };
    }
    return { ok: 'written' };
  } catch (error) {
    return { problem: `threw ${(error as Error)?.stack ?? String(error)}` };
  }
}

describe('validation and DDL of mutated documents', () => {
  const sources: ModelDocument[] = [];
  beforeAll(async () => {
    sources.push(...templates.map((t) => t.build()));
    for (const [name, count] of CORPUS) {
      const text = roughStatements(readFileSync(join(CORPUS_DIR, name, 'schema.sql'), 'utf8')).slice(0, count).join('');
      sources.push(makeDocument((await importSql(text)).model));
    }
  });

  it('every source document is valid before mutation', () => {
    expect(sources.map((d) => (parseDocument(d).ok ? 'ok' : parseDocument(d)))).toEqual(sources.map(() => 'ok'));
  });

  it(`${CASES} mutated documents are rejected with JSON paths or written as DDL in bounds`, () => {
    const failures: string[] = [];
    const counts = { rejected: 0, written: 0 };
    const seeds = fuzzSeeds(30_000, CASES);
    for (const seed of seeds) {
      const r = rng(seed);
      const document = mutateJson(r, structuredClone(r.pick(sources)), r.chance(0.5));
      const json = JSON.stringify(document);
      const started = performance.now();
      const outcome = documentOutcome(document, json.length);
      const ms = performance.now() - started;
      const problem = 'problem' in outcome ? outcome.problem : ms > TIME_BOUND_MS ? `took ${Math.round(ms)} ms` : undefined;
      if (problem) failures.push(`seed ${seed}: ${problem.slice(0, 600)} (input: ${saveFuzzInput('document', seed, 'json', json)})`);
      else if ('ok' in outcome) counts[outcome.ok] += 1;
    }
    expect(failures).toEqual([]);
    // Both outcomes are exercised: the mutations neither break every document nor leave them all valid.
    expect(Math.min(counts.rejected, counts.written)).toBeGreaterThanOrEqual(Math.floor(seeds.length / 20));
  }, Math.max(60_000, 40 * Number(process.env.FUZZ_CASES ?? 0)));
});
