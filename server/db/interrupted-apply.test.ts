/**
 * A studio killed mid-apply (SIGKILL, no chance to clean up) loses nothing: its attempt is in the
 * journal as `running`, the next studio to open the store marks it `interrupted`, and PostgreSQL
 * ends the orphaned apply session (releasing the apply lock) within the client-check bound.
 * Real processes, a real PostgreSQL store shared by two studios, a real lock held by the test.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../http/test-server.ts';
import { createThrowawayDb, type ThrowawayDb } from '../testing/throwaway-db.ts';
import { applySteps } from './apply.ts';
import { APPLY_LOCK } from './advisory-locks.ts';
import { OWNER_LOCK_CLASS } from './advisory-locks.ts';
import { INTERRUPTED_MESSAGE } from './journal-owner.ts';
import { openTargetService, type TargetService } from './targets.ts';
import { openSqlClient } from './sql-client.ts';
import { APPLY_IDLE_IN_TRANSACTION_MS, CLIENT_CHECK_INTERVAL_MS } from './timeouts.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SECRET_KEY = 'interrupted-apply-test-key';

let store: ThrowawayDb;
let target: ThrowawayDb;
let dataDir: string;
let watcher: pg.Client;

beforeAll(async () => {
  [store, target] = await Promise.all([createThrowawayDb('killed_store'), createThrowawayDb('killed_target')]);
  dataDir = await mkdtemp(join(tmpdir(), 'schemata-killed-'));
  watcher = new pg.Client({ connectionString: target.url });
  await watcher.connect();
  await watcher.query('CREATE TABLE held (id integer PRIMARY KEY)');
});
afterAll(async () => {
  await watcher.end();
  await Promise.all([store.drop(), target.drop()]);
  await rm(dataDir, { recursive: true, force: true });
});

async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The backend holding the apply lock on the target database, if any. */
async function applyLockHolder(): Promise<number | undefined> {
  const { rows } = await watcher.query(
    `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND classid = $1 AND objid = $2 AND granted
       AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`, APPLY_LOCK);
  return rows[0]?.pid;
}

function startStudio(): { child: ChildProcessWithoutNullStreams; lines: string[]; output: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/testing/apply-until-killed.ts'], {
    cwd: ROOT,
    env: { ...process.env, NODE_NO_WARNINGS: '1', STORE_URL: store.url, TARGET_URL: target.url, DATA_DIR: join(dataDir, 'killed'), SECRET_KEY },
  });
  const lines: string[] = [];
  let all = '';
  child.stdout.on('data', (d) => { all += d; lines.push(...String(d).split('\n').filter(Boolean)); });
  child.stderr.on('data', (d) => { all += d; });
  return { child, lines, output: () => all };
}

describe('a studio killed mid-apply', () => {
  it('leaves a running entry that the next studio marks interrupted, and PostgreSQL releases the apply lock', async () => {
    const holder = new pg.Client({ connectionString: target.url });
    await holder.connect();
    // The apply's ALTER TABLE waits behind this lock until its studio is killed.
    await holder.query('BEGIN; LOCK TABLE held IN ACCESS SHARE MODE');
    const studio = startStudio();
    let other: TargetService | undefined;
    try {
      const exited = new Promise<void>((done) => studio.child.on('exit', () => done()));
      await until('the apply to start its step', 60_000, async () => {
        if (studio.child.exitCode !== null) throw new Error(`the studio exited: ${studio.output()}`);
        return studio.lines.includes('step') ? true : undefined;
      });
      const targetId = (JSON.parse(studio.lines[0]) as { targetId: string }).targetId;
      const applyPid = await until('the apply to hold its lock', 10_000, applyLockHolder);
      await until('the step to wait on the table lock', 10_000, async () => {
        const { rows } = await watcher.query("SELECT 1 FROM pg_locks WHERE pid = $1 AND locktype = 'relation' AND NOT granted", [applyPid]);
        return rows.length ? true : undefined;
      });

      // Another studio sharing the store, opened during the apply, sees it running and leaves it so.
      other = await openTargetService({ storeUrl: store.url, dataDir: join(dataDir, 'other'), secretKey: SECRET_KEY });
      const [during] = await other.journal.list(targetId);
      expect(during).toMatchObject({ status: 'running', targetId, planSql: expect.stringContaining('ADD COLUMN note') });
      expect(await other.journal.sweepInterrupted()).toBe(0);
      expect((await other.journal.list(targetId))[0].status).toBe('running');

      studio.child.kill('SIGKILL');
      await exited;
      const killedAt = Date.now();
      await until('the orphaned apply session to end', 15_000, async () => ((await applyLockHolder()) === undefined ? true : undefined));
      const releasedAfterMs = Date.now() - killedAt;
      // Far below the 120 s lock timeout the apply waits under, which is what would end it otherwise.
      expect(releasedAfterMs).toBeLessThan(CLIENT_CHECK_INTERVAL_MS + 5_000);
      const { rows: sessions } = await watcher.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [applyPid]);
      expect(sessions).toEqual([]);
      const { rows: columns } = await watcher.query("SELECT attname FROM pg_attribute WHERE attrelid = 'held'::regclass AND attnum > 0");
      expect(columns).toEqual([{ attname: 'id' }]);

      // The killed studio's owner lock on the store went with its session: reopening marks its entry.
      await other.close();
      other = undefined;
      const storeWatcher = new pg.Client({ connectionString: store.url });
      await storeWatcher.connect();
      await until('the killed studio to leave the store', 10_000, async () => {
        const { rows } = await storeWatcher.query(
          `SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND classid = $1
             AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`, [OWNER_LOCK_CLASS]);
        return rows.length ? undefined : true;
      }).finally(() => storeWatcher.end());
      const reopenedAt = new Date();
      const reopened = await openTargetService({ storeUrl: store.url, dataDir: join(dataDir, 'other'), secretKey: SECRET_KEY });
      try {
        const [after] = await reopened.journal.list(targetId);
        expect(after).toMatchObject({ id: during.id, status: 'interrupted', error: { kind: 'interrupted', message: INTERRUPTED_MESSAGE } });
        expect(Date.parse(after.error!.noticedAt as string)).toBeGreaterThanOrEqual(reopenedAt.getTime() - 1000);
        // The history API answers it as it is stored.
        const server = await startTestServer({ targets: reopened });
        try {
          const history = await server.request('GET', `/api/targets/${targetId}/history`);
          expect(history.json).toEqual([expect.objectContaining({ id: during.id, status: 'interrupted', error: after.error })]);
        } finally {
          await server.close();
        }
      } finally {
        await reopened.close();
      }
    } finally {
      if (studio.child.exitCode === null && studio.child.signalCode === null) studio.child.kill('SIGKILL');
      await other?.close();
      await holder.query('ROLLBACK').catch(() => undefined);
      await holder.end();
    }
  }, 120_000);

  it('an apply session bounds how long a silent studio keeps it: idle-in-transaction and client-check timeouts are set', async () => {
    const client = await openSqlClient(target.url);
    try {
      let settings: Record<string, unknown> | undefined;
      await applySteps(client, {
        steps: [], acceptedHazards: [], dryRun: true,
        beforeCommit: async (tx) => {
          // pg_settings gives milliseconds, whatever unit SHOW would pick.
          [settings] = await tx.query(`SELECT (SELECT setting::int FROM pg_settings WHERE name = 'idle_in_transaction_session_timeout') AS idle,
            (SELECT setting::int FROM pg_settings WHERE name = 'client_connection_check_interval') AS "check"`);
        },
      });
      expect(settings).toEqual({ idle: APPLY_IDLE_IN_TRANSACTION_MS, check: CLIENT_CHECK_INTERVAL_MS });
      // SET LOCAL: the pooled session returns to its defaults after the apply.
      expect(await client.query("SELECT current_setting('idle_in_transaction_session_timeout') AS idle")).toEqual([{ idle: '0' }]);
    } finally {
      await client.close();
    }
  });
});
