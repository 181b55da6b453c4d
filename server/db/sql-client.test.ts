import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useThrowawayDatabase, type ThrowawayEngine } from '../testing/throwaway-fixture.ts';
import { checkDatabaseUrl, openSqlClient, redactUrl } from './sql-client.ts';

describe('redactUrl', () => {
  it.each([
    ['postgres://alice:s3cret@db.example:5432/app', 'postgres://alice:***@db.example:5432/app'],
    ['postgresql://alice:p%40ss@h/app', 'postgresql://alice:***@h/app'],
    ['postgres://alice@h/app', 'postgres://alice@h/app'],
    ['pglite:./data/sandbox', 'pglite:./data/sandbox'],
  ])('%s → %s', (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });
});

describe('checkDatabaseUrl', () => {
  it.each(['mysql://root@h/db', 'pglite:', 'http://x'])('refuses %s', (url) => {
    expect(() => checkDatabaseUrl(url)).toThrow(/unsupported database URL/);
  });
});

describe('unreachable server', () => {
  it('fails with one line naming host, port and cause, without the password', async () => {
    const error = await openSqlClient('postgres://bob:hunter2@127.0.0.1:1/nowhere').catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toBe('cannot connect to PostgreSQL at 127.0.0.1:1/nowhere: connection refused (is the server running and listening on that port?)');
    expect(message).not.toContain('hunter2');
  });

  it('reports a missing database in PostgreSQL words', async () => {
    const error = await openSqlClient('postgres://postgres@127.0.0.1:5432/schemata_no_such_db').catch((e: Error) => e);
    expect((error as Error).message).toMatch(/^cannot connect to PostgreSQL at 127\.0\.0\.1:5432\/schemata_no_such_db: database "schemata_no_such_db" does not exist$/);
  });
});

/** The same behaviour is required of both drivers. */
function behaves(name: string, on: ThrowawayEngine) {
  describe(name, () => {
    const { client } = useThrowawayDatabase('sqlclient', {
      on, setup: (c) => c.exec('CREATE TABLE t (id bigint PRIMARY KEY, amount numeric(10,2), tags text[]); CREATE TABLE u (x int);'),
    });

    it('queries with parameters; bigint and numeric come back as strings, arrays as arrays', async () => {
      await client.query('INSERT INTO t VALUES ($1, $2, $3)', ['9007199254740993', '12.50', ['a', 'b']]);
      const rows = await client.query('SELECT id, amount, tags FROM t');
      expect(rows).toEqual([{ id: '9007199254740993', amount: '12.50', tags: ['a', 'b'] }]);
    });

    it('commits a transaction', async () => {
      await client.transaction(async (tx) => {
        await tx.query('INSERT INTO u VALUES (1)');
        await tx.exec('INSERT INTO u VALUES (2); INSERT INTO u VALUES (3);');
      });
      expect(await client.query('SELECT count(*)::int AS n FROM u')).toEqual([{ n: 3 }]);
    });

    it('rolls back on error and on request', async () => {
      await expect(client.transaction(async (tx) => {
        await tx.query('INSERT INTO u VALUES (10)');
        await tx.query('SELECT 1/0');
      })).rejects.toThrow(/division by zero/);
      const dry = await client.transaction(async (tx) => {
        await tx.query('INSERT INTO u VALUES (11)');
        return (await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM u'))[0].n;
      }, { rollback: true });
      expect(dry).toBe(4);
      expect(await client.query('SELECT count(*)::int AS n FROM u')).toEqual([{ n: 3 }]);
    });

    it('streams the rows of a script in order, json parsed, from the client and inside a transaction', async () => {
      const script = `SELECT 'a' AS query, '[1, {"b": null}]'::json AS rows; SELECT 'none' AS query WHERE false;
        SELECT 'c' AS query, NULL::json AS rows UNION ALL SELECT 'd', '[]'::json`;
      const expected = [{ query: 'a', rows: [1, { b: null }] }, { query: 'c', rows: null }, { query: 'd', rows: [] }];
      const fromClient: unknown[] = [];
      await client.streamRows(script, (row) => fromClient.push(row));
      expect(fromClient).toEqual(expected);
      const inTransaction = await client.transaction(async (tx) => {
        const rows: unknown[] = [];
        await tx.streamRows(script, (row) => rows.push(row));
        return rows;
      }, { rollback: true });
      expect(inTransaction).toEqual(expected);
    });

    it('a script\'s SQL error, or an error thrown while reading a row, rejects; the session goes on', async () => {
      await expect(client.streamRows('SELECT 1 AS x; SELECT 1/0 AS y', () => undefined)).rejects.toThrow(/division by zero/);
      const seen: unknown[] = [];
      const reading = client.transaction((tx) => tx.streamRows('SELECT 1 AS x; SELECT 2 AS x; SELECT 3 AS x', (row) => {
        seen.push(row);
        if (row.x === 2) throw new Error('row 2 is bad');
      }), { rollback: true });
      await expect(reading).rejects.toThrow('row 2 is bad');
      // The rows after the failure are not handed over, and the connection answers the next query.
      expect(seen).toEqual([{ x: 1 }, { x: 2 }]);
      expect(await client.query('SELECT count(*)::int AS n FROM u')).toEqual([{ n: 3 }]);
    });
  });
}

behaves('pg driver', 'postgres');

behaves('PGlite driver (persisted directory)', 'pglite');

describe('a script that changes the client encoding', () => {
  it('leaves the session readable in UTF-8 (adventureworks sets latin1)', async () => {
    const client = await openSqlClient('pglite:memory:');
    try {
      await client.exec("SET client_encoding = latin1; CREATE TABLE r (v text); COMMENT ON TABLE r IS 'Résumé';");
      expect(await client.query("SELECT obj_description('r'::regclass, 'pg_class') AS c, current_setting('client_encoding') AS e"))
        .toEqual([{ c: 'Résumé', e: 'UTF8' }]);
    } finally {
      await client.close();
    }
  });
});

describe('the embedded engine', () => {
  it('starts with 32 MB of shared buffers, in memory and from a directory (128 MB cost ~0.45 s of every open)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'schemata-buffers-'));
    try {
      for (const url of ['pglite:memory:', `pglite:${dir}`]) {
        const client = await openSqlClient(url);
        try {
          expect(await client.query("SELECT current_setting('shared_buffers') AS s")).toEqual([{ s: '32MB' }]);
        } finally {
          await client.close();
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
