/** The CLI as users and scripts run it: real processes, real pipes, real PostgreSQL. */
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelDocument } from '../../shared/model/document.ts';
import { parseDocument } from '../../shared/model/upgrade.ts';
import { CLI, sh, type ProcessRun as Run } from '../testing/cli-process.ts';
import { createThrowawayDb, type ThrowawayDb } from '../testing/throwaway-db.ts';

const cli = (args: string) => sh(`${CLI} ${args}`);

/** An error is exit 1, one line on stderr, nothing on stdout. */
function expectOneLineError(run: Run, pattern: RegExp) {
  expect(run.code).toBe(1);
  expect(run.stdout).toBe('');
  expect(run.stderr.endsWith('\n')).toBe(true);
  const text = run.stderr.trimEnd();
  expect(text.split('\n')).toHaveLength(1);
  expect(text).toMatch(pattern);
}

let dir: string;
let ecommerce: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'schemata-cli-'));
  const run = await cli('new --template ecommerce');
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  ecommerce = join(dir, 'm.json');
  await writeFile(ecommerce, run.stdout);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('templates and new', () => {
  it('templates lists name and title, one per line', async () => {
    const run = await cli('templates');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^ecommerce\s+\S/m);
  });

  it('new --template ecommerce prints a valid document', async () => {
    const { readFile } = await import('node:fs/promises');
    const result = parseDocument(JSON.parse(await readFile(ecommerce, 'utf8')));
    expect(result.ok).toBe(true);
    expect(result.ok && result.document.model.tables.length).toBeGreaterThan(3);
  });

  it.each([
    ['new --template nope', /^schemata new: unknown template "nope" \(available: .*ecommerce/],
    ['new', /^schemata new: which template\?/],
    ['new --template', /^schemata new: --template needs a value/],
    ['new --colour red', /^schemata new: unknown option --colour/],
    ['frobnicate', /^schemata: unknown command "frobnicate"/],
  ])('%s → one-line error', async (args, pattern) => {
    expectOneLineError(await cli(args), pattern);
  });
});

describe('ddl and validate', () => {
  it('ddl prints the SQL script; --dialect postgres is the same; - reads stdin', async () => {
    const run = await cli(`ddl ${ecommerce}`);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/CREATE TABLE/);
    expect((await cli(`ddl ${ecommerce} --dialect postgres`)).stdout).toBe(run.stdout);
    expect((await sh(`${CLI} ddl - < ${ecommerce}`)).stdout).toBe(run.stdout);
  });

  it('validate: exit 0 and "valid" on stderr for a good document', async () => {
    const run = await cli(`validate ${ecommerce}`);
    expect(run).toEqual({ code: 0, stdout: '', stderr: 'valid\n' });
  });

  it('validate: exit 1 with each problem and its JSON path', async () => {
    const bad = join(dir, 'bad.json');
    const doc = JSON.parse(await (await import('node:fs/promises')).readFile(ecommerce, 'utf8'));
    doc.model.tables[0].name = '';
    delete doc.model.tables[1].columns[0].type;
    await writeFile(bad, JSON.stringify(doc));
    const run = await cli(`validate ${bad}`);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^invalid document: 2 problems\n/);
    expect(run.stderr).toContain('  model.tables[0].name: ');
    expect(run.stderr).toContain('  model.tables[1].columns[0].type: ');
    expectOneLineError(await cli(`ddl ${bad}`), /^schemata ddl: invalid document: model\.tables\[0\]\.name: .*\(and 1 more; run "validate" to list them\)$/);
  });

  it('reports a missing file, a directory, invalid JSON (where), an empty file, an unknown dialect', async () => {
    const broken = join(dir, 'broken.json');
    await writeFile(broken, '{\n  "format": "schemata",\n  "version": 1,\n}\n');
    const empty = join(dir, 'empty.json');
    await writeFile(empty, '');
    expectOneLineError(await cli(`ddl ${join(dir, 'missing.json')}`), /^schemata ddl: cannot read .*missing\.json: no such file$/);
    expectOneLineError(await cli(`validate ${dir}`), /^schemata validate: cannot read .*: it is a directory$/);
    expectOneLineError(await cli(`ddl ${broken}`), /^schemata ddl: .*broken\.json is not valid JSON: .* at line 4 column 1$/);
    expectOneLineError(await cli(`validate ${broken}`), /is not valid JSON: .* at line 4 column 1$/);
    expectOneLineError(await cli(`ddl ${empty}`), /empty\.json is empty/);
    expectOneLineError(await cli(`ddl ${ecommerce} --dialect cobol`), /^schemata ddl: unknown dialect "cobol" \(known: postgres/);
  });
});

describe('new | ddl | psql', () => {
  it('builds the template in an empty PostgreSQL database', async () => {
    const db = await createThrowawayDb('cli_pipe');
    try {
      const run = await sh(`${CLI} new --template ecommerce | ${CLI} ddl - | psql -X -q -v ON_ERROR_STOP=1 '${db.url}'`);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const { readFile } = await import('node:fs/promises');
      const doc = JSON.parse(await readFile(ecommerce, 'utf8'));
      const expected = doc.model.tables.map((t: { schema: string; name: string }) => `${t.schema}.${t.name}`).sort();
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      try {
        const { rows } = await client.query<{ name: string }>(
          `select n.nspname || '.' || c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema') order by 1`,
        );
        expect(rows.map((r) => r.name).sort()).toEqual(expected);
      } finally {
        await client.end();
      }
    } finally {
      await db.drop();
    }
  });
});

describe('the CLI contract', () => {
  it('no command: the usage on stderr, nothing on stdout, exit 1; help: the usage on stdout, exit 0', async () => {
    const bare = await sh(CLI);
    expect([bare.code, bare.stdout]).toEqual([1, '']);
    expect(bare.stderr).toMatch(/^Usage: .*\n(.*\n)*  apply --db <url>/);
    const help = await cli('help');
    expect([help.code, help.stderr, help.stdout]).toEqual([0, '', bare.stderr]);
  });

  it.each(['introspect --db', 'diff --db', 'apply --db'])('%s pglite:<missing dir> fails and creates nothing', async (command) => {
    const missing = join(dir, 'no', 'such-db');
    const document = command.startsWith('introspect') ? '' : ` ${ecommerce}`;
    expectOneLineError(await cli(`${command} pglite:${missing}${document}`),
      new RegExp(`^schemata \\w+: ${missing} does not exist; to make a new embedded database there, create an empty directory first \\(mkdir -p ${missing}\\)$`));
    await expect(stat(join(dir, 'no'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('apply, through the same reader as diff', () => {
  let db: ThrowawayDb;
  let live: ModelDocument;
  beforeAll(async () => {
    db = await createThrowawayDb('cli_apply');
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await client.query("CREATE TABLE person (id int PRIMARY KEY, email text); INSERT INTO person VALUES (1, 'a@x'), (2, 'a@x')");
    await client.end();
    live = JSON.parse((await cli(`introspect --db '${db.url}'`)).stdout) as ModelDocument;
  });
  afterAll(() => db.drop());

  it('reads standard input with -, and a missing file in the words diff uses', async () => {
    const next = structuredClone(live);
    next.model.tables[0].columns.push({ id: 'c_age', name: 'age', type: { name: 'integer' }, notNull: false });
    const file = join(dir, 'person-age.json');
    await writeFile(file, JSON.stringify(next));
    const run = await sh(`${CLI} apply --db '${db.url}' - < ${file}`);
    expect([run.code, run.stdout]).toEqual([0, 'ALTER TABLE public.person ADD COLUMN age integer;\n']);
    const missing = join(dir, 'missing.json');
    const [fromApply, fromDiff] = [await cli(`apply --db '${db.url}' ${missing}`), await cli(`diff --db '${db.url}' ${missing}`)];
    expectOneLineError(fromApply, /^schemata apply: cannot read .*missing\.json: no such file$/);
    expect(fromApply.stderr.replace('apply', 'diff')).toBe(fromDiff.stderr);
  });

  it('a failed step is one line with PostgreSQL\'s message and SQLSTATE, not the detail (it quotes rows); nothing changed', async () => {
    const next = JSON.parse((await cli(`introspect --db '${db.url}'`)).stdout) as ModelDocument;
    const table = next.model.tables[0];
    table.uniques.push({ id: 'uq_email', name: 'person_email_key', columns: [table.columns.find((c) => c.name === 'email')!.id] });
    const file = join(dir, 'person-unique.json');
    await writeFile(file, JSON.stringify(next));
    const run = await cli(`apply --db '${db.url}' ${file} --allow-all`);
    expectOneLineError(run, /^schemata apply: step 1: could not create unique index "person_email_key" — SQLSTATE 23505; everything was rolled back$/);
    expect(JSON.parse((await cli(`introspect --db '${db.url}'`)).stdout).model.tables[0].uniques).toEqual([]);
  });
});

describe('introspect as a process', () => {
  let db: ThrowawayDb;
  beforeAll(async () => {
    db = await createThrowawayDb('cli_introspect');
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await client.query(`CREATE SCHEMA "it's"; CREATE TABLE "it's".u (a int, b int); CREATE TABLE public.other (id int);
      CREATE VIEW "it's".both AS SELECT q.a, q.b FROM (SELECT a, b FROM "it's".u UNION ALL SELECT a, NULL FROM "it's".u) q`);
    await client.end();
  });
  afterAll(() => db.drop());

  it('a --schema the database does not have is a one-line error naming the ones it has', async () => {
    const run = await cli(`introspect --db '${db.url}' --schema "it's" --schema publc`);
    expectOneLineError(run, /^schemata introspect: the database has no schema "publc" \(it has "it's", "public"\)$/);
  });

  it('names a UNION branch\'s unnamed target with the SQL parser, within the --schema filter', async () => {
    // The process runs the parser's WebAssembly on its baseline compiler only (server/cli/one-shot.ts).
    const run = await cli(`introspect --db '${db.url}' --schema "it's"`);
    expect([run.code, run.stderr]).toEqual([0, '']);
    const { model } = JSON.parse(run.stdout) as ModelDocument;
    expect(model.tables.map((t) => `${t.schema}.${t.name}`)).toEqual(["it's.u"]);
    // PostgreSQL prints the second branch's NULL without a name; read back unnamed, it would be named int4.
    expect(model.views.map((v) => v.definition.replace(/\s+/g, ' ').trim())).toEqual([
      `SELECT q.a, q.b FROM ( SELECT u.a, u.b FROM "it's".u UNION ALL SELECT u.a, NULL::integer AS "?column?" FROM "it's".u) q`,
    ]);
  });
});
