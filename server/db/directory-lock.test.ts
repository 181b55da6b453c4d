/**
 * The lock on a PGlite data directory, with real processes: a second process is refused while the
 * first holds the directory, a killed holder's lock is taken over, and two CLI applies at once can
 * no longer both report success while one of them is lost.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDocument } from '../../shared/model/empty.ts';
import { buildModel } from '../../shared/model/model-builder.ts';
import { introspect } from '../introspect/introspect.ts';
import { cliProcess, ROOT } from '../testing/cli-process.ts';
import { LOCK_FILE } from './directory-lock.ts';
import { openSqlClient } from './sql-client.ts';

const SQL_CLIENT = resolve(import.meta.dirname, 'sql-client.ts');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'schemata-lock-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** A process that opens `pglite:<database>`, says "ready", and holds it until killed. */
async function startHolder(database: string): Promise<ChildProcessWithoutNullStreams> {
  const script = join(dir, 'holder.mts');
  await writeFile(script, `import { openSqlClient } from ${JSON.stringify(SQL_CLIENT)};
    await openSqlClient(${JSON.stringify(`pglite:${database}`)});
    process.stdout.write('ready\\n');
    setInterval(() => undefined, 1000);`);
  const child = spawn('node', ['--import', 'tsx', script], { cwd: ROOT, env: { ...process.env, NODE_NO_WARNINGS: '1' } });
  await new Promise<void>((ready, fail) => {
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.on('data', (d) => String(d).includes('ready') && ready());
    child.on('exit', (code) => fail(new Error(`the holder exited (${code}): ${stderr}`)));
  });
  return child;
}

function killed(child: ChildProcessWithoutNullStreams): Promise<void> {
  return new Promise((done) => {
    child.on('exit', () => done());
    child.kill('SIGKILL');
  });
}

const cli = cliProcess;

describe('a PGlite data directory is opened by one process at a time', () => {
  it('refuses a second process with who holds it, and takes over the lock of a killed holder', async () => {
    const database = join(dir, 'held');
    await mkdir(database);
    const holder = await startHolder(database);
    try {
      const refused = await openSqlClient(`pglite:${database}`).catch((e: Error) => e);
      expect((refused as Error).message).toMatch(new RegExp(`^${database} is in use by process ${holder.pid} \\(holder\\.mts, since .*\\): `));
      const viaCli = await cli(['introspect', '--db', `pglite:${database}`]);
      expect(viaCli.code).toBe(1);
      expect(viaCli.stdout).toBe('');
      expect(viaCli.stderr).toMatch(new RegExp(`^schemata introspect: ${database} is in use by process ${holder.pid} \\(.*\\)[^\\n]*\\n$`));
    } finally {
      await killed(holder);
    }
    // kill -9 left the lock file behind: its process is gone, so it is stale.
    expect(JSON.parse(await readFile(join(database, LOCK_FILE), 'utf8')).pid).toBe(holder.pid);
    const client = await openSqlClient(`pglite:${database}`);
    try {
      expect(JSON.parse(await readFile(join(database, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
      expect(await client.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await client.close();
    }
    await expect(readFile(join(database, LOCK_FILE), 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('takes over a lock file it cannot read', async () => {
    const database = join(dir, 'garbled');
    await mkdir(database);
    await writeFile(join(database, LOCK_FILE), 'not json');
    const client = await openSqlClient(`pglite:${database}`);
    await client.close();
    await expect(readFile(join(database, LOCK_FILE), 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('two CLI applies at once: exactly one succeeds, and what it reported is in the database', async () => {
    const database = join(dir, 'raced');
    await mkdir(database);
    const documents = ['first', 'second'].map((name) => makeDocument(buildModel({ tables: [{ name, columns: ['id int!'], pk: ['id'] }] })));
    const files = await Promise.all(documents.map(async (doc, i) => {
      const file = join(dir, `doc${i}.json`);
      await writeFile(file, JSON.stringify(doc));
      return file;
    }));
    const runs = await Promise.all(files.map((file) => cli(['apply', '--db', `pglite:${database}`, file])));
    const winners = runs.flatMap((run, i) => (run.code === 0 ? [i] : []));
    expect(winners, runs.map((r) => r.stderr).join(' | ')).toHaveLength(1);
    const loser = runs[1 - winners[0]];
    // Refused as in use, or (when the first had finished) refused for dropping the winner's table.
    expect([1, 3]).toContain(loser.code);
    expect(loser.stderr).toMatch(/is in use by process \d+|hazards that were not accepted: deletes-data/);
    const client = await openSqlClient(`pglite:${database}`);
    try {
      expect((await introspect(client)).tables.map((t) => t.name)).toEqual([documents[winners[0]].model.tables[0].name]);
    } finally {
      await client.close();
    }
  });
});
