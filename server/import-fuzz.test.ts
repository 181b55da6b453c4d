/**
 * SQL import fuzzing: corpus dumps (the small ones whole, slices of statements from the big ones)
 * mutated by a seeded PRNG (server/testing/fuzz.ts). Every input must be imported quickly and end
 * either in a `SqlSyntaxError` whose line and column lie inside the text, or in a model that
 * `parseDocument` accepts. A failing input is saved under the OS temp dir and named with its seed;
 * `FUZZ_SEED=<seed> FUZZ_CASES=1 npx vitest run server/import-fuzz.test.ts` repeats it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSqlParser } from '../shared/io/parser.ts';
import { importSqlSync, SqlSyntaxError } from '../shared/io/sql-import/import-sql.ts';
import { makeDocument } from '../shared/model/empty.ts';
import { parseDocument } from '../shared/model/upgrade.ts';
import { fuzzSeeds, mutateSql, rng, roughStatements, saveFuzzInput, type Rng } from './testing/fuzz.ts';
import { CORPUS_DIR } from './testing/round-trip.ts';

/** Per input; a corpus slice imports in a few milliseconds, so this only catches runaway work. */
const TIME_BOUND_MS = 5000;
const CASES = 1200;
const WHOLE = ['chinook', 'northwind', 'pagila', 'sakila_mysql'];
const SLICED = ['adventureworks', 'danbooru', 'lago', 'musicbrainz'];

const read = (name: string) => readFileSync(join(CORPUS_DIR, name, 'schema.sql'), 'utf8');
const whole = WHOLE.map(read);
const sliced = SLICED.map((name) => roughStatements(read(name)));
const donors = [...whole.map(roughStatements), ...sliced].flat().filter((s) => s.length < 4000);

/** A whole small dump, or 5–60 consecutive statements of a big one. */
function corpusInput(r: Rng): string {
  if (r.chance(0.4)) return r.pick(whole);
  const statements = r.pick(sliced);
  const from = r.int(statements.length);
  return statements.slice(from, from + 5 + r.int(56)).join('');
}

type Outcome = { ok: 'model' | 'syntax error' } | { problem: string };

/** How importing `text` ended: a valid model, a well-placed syntax error, or a problem. */
function importOutcome(text: string): Outcome {
  try {
    const { model } = importSqlSync(text);
    const parsed = parseDocument(makeDocument(model));
    return parsed.ok ? { ok: 'model' } : { problem: `model rejected: ${JSON.stringify(parsed.problems.slice(0, 3))}` };
  } catch (error) {
    if (!(error instanceof SqlSyntaxError)) return { problem: `threw ${(error as Error)?.stack ?? String(error)}` };
    const lines = text.split('\n');
    const line = lines[error.line - 1];
    if (line === undefined || error.column < 1 || error.column > line.length + 1) {
      return { problem: `syntax error at ${error.line}:${error.column} is outside the text (${lines.length} lines)` };
    }
    return { ok: 'syntax error' };
  }
}

describe('SQL import of mutated corpus dumps', () => {
  beforeAll(() => loadSqlParser());

  it(`${CASES} mutated dumps end in a positioned syntax error or a valid model, each under ${TIME_BOUND_MS} ms`, () => {
    const failures: string[] = [];
    const counts = { model: 0, 'syntax error': 0 };
    const seeds = fuzzSeeds(20_000, CASES);
    for (const seed of seeds) {
      const r = rng(seed);
      const text = mutateSql(r, corpusInput(r), donors);
      const started = performance.now();
      const outcome = importOutcome(text);
      const ms = performance.now() - started;
      const problem = 'problem' in outcome ? outcome.problem : ms > TIME_BOUND_MS ? `took ${Math.round(ms)} ms` : undefined;
      if (problem) failures.push(`seed ${seed}: ${problem.slice(0, 600)} (input: ${saveFuzzInput('import', seed, 'sql', text)})`);
      else if ('ok' in outcome) counts[outcome.ok] += 1;
    }
    expect(failures).toEqual([]);
    // Both outcomes are exercised: the mutations neither break every input nor leave them all valid.
    expect(Math.min(counts.model, counts['syntax error'])).toBeGreaterThanOrEqual(Math.floor(seeds.length / 20));
  }, Math.max(60_000, 20 * Number(process.env.FUZZ_CASES ?? 0)));
});
