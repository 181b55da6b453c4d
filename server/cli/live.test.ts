import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelDocument } from '../../shared/model/document.ts';
import { openSqlClient, type SqlClient } from '../db/sql-client.ts';
import { cliInProcess } from '../testing/cli-in-process.ts';
import { createThrowawayDb, type ThrowawayDb } from '../testing/throwaway-db.ts';

const cli = cliInProcess;

function describeOn(name: string, open: () => Promise<{ url: string; cleanup: () => Promise<void> }>) {
  describe(`CLI introspect and apply on ${name}`, () => {
    let url: string;
    let cleanup: () => Promise<void>;
    let client: SqlClient;
    let document: ModelDocument;
    beforeAll(async () => {
      ({ url, cleanup } = await open());
      client = await openSqlClient(url);
      await client.exec(`CREATE SCHEMA shop; CREATE TABLE shop.product (id int PRIMARY KEY, name text);
        CREATE TABLE shop.old (id int); INSERT INTO shop.old VALUES (1); CREATE TABLE public.other (id int);`);
    });
    afterAll(async () => {
      await client.close();
      await cleanup();
    });

    it('introspect prints the document, optionally for some schemas only', async () => {
      const all = await cli(['introspect', '--db', url]);
      expect([all.code, all.stderr]).toEqual([0, '']);
      expect((JSON.parse(all.stdout) as ModelDocument).model.tables.map((t) => `${t.schema}.${t.name}`)).toEqual(['public.other', 'shop.old', 'shop.product']);
      const shop = await cli(['introspect', '--db', url, '--schema', 'shop']);
      expect((JSON.parse(shop.stdout) as ModelDocument).model.tables.map((t) => t.name)).toEqual(['old', 'product']);
      document = JSON.parse(all.stdout) as ModelDocument;
    });

    it('apply refuses hazards not allowed with exit 3 and changes nothing', async () => {
      const next = structuredClone(document);
      next.model.tables = next.model.tables.filter((t) => t.name !== 'old');
      next.model.tables.find((t) => t.name === 'product')!.columns.push({ id: 'c_price', name: 'price', type: { name: 'numeric' }, notNull: false });
      const files = { 'next.json': JSON.stringify(next) };
      const refused = await cli(['apply', '--db', url, 'next.json'], files);
      expect(refused.code).toBe(3);
      expect(refused.stderr).toMatch(/^schemata apply: the plan has hazards that were not accepted: deletes-data.*nothing was run.*--allow/);
      expect(await client.query('SELECT count(*)::int AS n FROM shop.old')).toEqual([{ n: 1 }]);

      const dry = await cli(['apply', '--db', url, 'next.json', '--allow-all', '--dry-run'], files);
      expect(dry.code).toBe(0);
      expect(dry.stdout).toContain('DROP TABLE shop.old;');
      expect(await client.query('SELECT count(*)::int AS n FROM shop.old')).toEqual([{ n: 1 }]);

      const applied = await cli(['apply', '--db', url, 'next.json', '--allow', 'deletes-data'], files);
      expect([applied.code, applied.stderr]).toEqual([0, expect.stringMatching(/^applied 2 step\(s\) in \d+ ms; the database now equals the model\n$/)]);
      expect(applied.stdout).toBe('DROP TABLE shop.old;\nALTER TABLE shop.product ADD COLUMN price numeric;\n');
      expect((await cli(['apply', '--db', url, 'next.json'], files)).stdout).toBe('');
    }, 180_000); // the first canonicalization starts the embedded engine (a worker running initdb): slow on a busy machine

    it('exits 1 with one line on a bad file, a bad hazard name or an unreachable database', async () => {
      const missing = await cli(['apply', '--db', url, 'missing.json']);
      expect([missing.code, missing.stderr]).toEqual([1, "schemata apply: cannot read missing.json: ENOENT: no such file or directory, open 'missing.json'\n"]);
      expect((await cli(['apply', '--db', url, 'x.json', '--allow', 'everything'], { 'x.json': '{}' })).stderr).toMatch(/unknown hazard "everything"/);
      const down = await cli(['introspect', '--db', 'postgres://u:pw@127.0.0.1:1/db']);
      expect([down.code, down.stderr.split('\n').length]).toEqual([1, 2]);
      expect(down.stderr).not.toContain('pw@');
    });
  });
}

describeOn('PostgreSQL 15', async () => {
  const db: ThrowawayDb = await createThrowawayDb('cli_live');
  return { url: db.url, cleanup: db.drop };
});

describeOn('PGlite (pglite:<directory>)', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'schemata-cli-'));
  return { url: `pglite:${dir}`, cleanup: () => rm(dir, { recursive: true, force: true }) };
});

describe('CLI apply timeouts on PostgreSQL 15', () => {
  let db: ThrowawayDb;
  let holder: pg.Client;
  let files: Record<string, string>;
  beforeAll(async () => {
    db = await createThrowawayDb('cli_timeouts');
    holder = new pg.Client({ connectionString: db.url });
    await holder.connect();
    await holder.query('CREATE TABLE busy (id int PRIMARY KEY)');
    const next = JSON.parse((await cli(['introspect', '--db', db.url])).stdout) as ModelDocument;
    next.model.tables[0].columns.push({ id: 'c_note', name: 'note', type: { name: 'text' }, notNull: false });
    files = { 'next.json': JSON.stringify(next) };
    await holder.query('BEGIN; LOCK TABLE busy IN ACCESS SHARE MODE');
  });
  afterAll(async () => {
    await holder.end();
    await db.drop();
  });

  const lockTimedOut = /^schemata apply: step 1: canceling statement due to lock timeout — SQLSTATE 55P03; everything was rolled back\n$/;

  it('--lock-timeout gives up on a table another session holds, one line, nothing changed, journaled in the target', async () => {
    const run = await cli(['apply', '--db', db.url, 'next.json', '--lock-timeout', '150'], files);
    expect([run.code, run.stdout]).toEqual([1, '']);
    expect(run.stderr).toMatch(lockTimedOut);
    expect(await holder.query("SELECT count(*)::int AS n FROM pg_attribute WHERE attrelid = 'busy'::regclass AND attname = 'note'"))
      .toMatchObject({ rows: [{ n: 0 }] });
    // Read inside the holder's transaction, which now also holds a lock on the journal until the end:
    // the failures journaled below must still be written, not wait for it.
    expect((await holder.query("SELECT status, error->>'sqlstate' AS sqlstate FROM _schemata.journal")).rows).toEqual([{ status: 'failed', sqlstate: '55P03' }]);
  });

  it('SCHEMATA_LOCK_TIMEOUT_MS is the default; a flag wins; a bad value is refused before anything runs', async () => {
    expect((await cli(['apply', '--db', db.url, 'next.json'], files, { SCHEMATA_LOCK_TIMEOUT_MS: '150' })).stderr).toMatch(lockTimedOut);
    expect((await holder.query("SELECT count(*)::int AS n FROM _schemata.journal WHERE status = 'failed'")).rows).toEqual([{ n: 2 }]);
    // Were the variable's minute used, this would wait past the test's timeout.
    expect((await cli(['apply', '--db', db.url, 'next.json', '--lock-timeout=100'], files, { SCHEMATA_LOCK_TIMEOUT_MS: '600000' })).stderr).toMatch(lockTimedOut);
    const badVariable = await cli(['apply', '--db', db.url, 'next.json'], files, { SCHEMATA_LOCK_TIMEOUT_MS: 'nonsense' });
    expect([badVariable.code, badVariable.stderr]).toEqual([1, expect.stringMatching(/^schemata apply: SCHEMATA_LOCK_TIMEOUT_MS must be a whole number.*not "nonsense"\n$/)]);
    const badFlag = await cli(['apply', '--db', db.url, 'next.json', '--statement-timeout', '2s'], files);
    expect([badFlag.code, badFlag.stderr]).toEqual([1, 'schemata apply: --statement-timeout must be a whole number of milliseconds from 0 to 86400000 (0: no timeout), not "2s"\n']);
  });
});
