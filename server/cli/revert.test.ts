/**
 * `history --db` and `revert --db` (issue 9), in-process against a real PostgreSQL database, with no
 * studio store: the database's own journal (`_schemata.journal`) is the history. Models load on the
 * same server (`--shadow-url`), so no embedded engine starts in this file.
 */
import { describe, expect, it } from 'vitest';
import type { ModelDocument } from '../../shared/model/document.ts';
import { cliInProcess } from '../testing/cli-in-process.ts';
import { schemaWithoutJournal } from '../testing/schema-without-journal.ts';
import { ADMIN_URL } from '../testing/throwaway-db.ts';
import { useThrowawayDatabase } from '../testing/throwaway-fixture.ts';

const { db, client } = useThrowawayDatabase('cli_revert', {
  setup: (c) => c.exec("CREATE TABLE items (id integer PRIMARY KEY, title text); INSERT INTO items VALUES (1, 'one')"),
});

const cli = (...args: string[]) => cliInProcess([args[0], '--db', db.url, ...args.slice(1)], files);
const live = (...args: string[]) => cli(...args, '--shadow-url', ADMIN_URL);
const files: Record<string, string> = {};
const columnsOfItems = async () => (await client.query<{ name: string }>(
  "SELECT attname AS name FROM pg_attribute WHERE attrelid = 'items'::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum")).map((r) => r.name);
const historyJson = async () => JSON.parse((await cli('history', '--json')).stdout) as Array<Record<string, unknown>>;

describe('history and revert from the command line', () => {
  let schemaA: Awaited<ReturnType<typeof schemaWithoutJournal>>;
  let applied: string;
  let reverted: string;

  it('history of a database never applied to is empty; apply journals an entry that history lists as revertible', async () => {
    expect(await cli('history')).toMatchObject({ code: 0, stdout: '', stderr: expect.stringContaining('nothing was applied') });
    expect(await historyJson()).toEqual([]);
    schemaA = await schemaWithoutJournal(client);
    const document = JSON.parse((await cli('introspect')).stdout) as ModelDocument;
    document.model.tables[0].columns.push({ id: 'col_note', name: 'note', type: { name: 'text' }, notNull: false });
    files['b.json'] = JSON.stringify(document);
    expect((await live('apply', 'b.json')).code).toBe(0);
    const [entry] = await historyJson();
    expect(entry).toMatchObject({ status: 'applied', stepCount: 1, revertible: true, verified: true });
    applied = entry.id as string;
    const table = (await cli('history')).stdout.split('\n');
    expect(table[0]).toMatch(/^ID +APPLIED AT \(UTC\) +STATUS +STEPS +REVERT OF +REVERTIBLE$/);
    expect(table[1]).toMatch(new RegExp(`^${applied} +\\S+ +applied +1 +- +yes$`));
  });

  it('revert prints the plan back and changes nothing; --apply needs its hazards allowed (exit 3), like apply', async () => {
    const planned = await live('revert', applied);
    expect(planned.code).toBe(0);
    expect(planned.stdout).toMatch(/-- hazard deletes-data: [^\n]*\n(-- data check: [^\n]*\n)*ALTER TABLE [^;]*DROP COLUMN note/);
    expect(planned.stderr).toContain('1 step(s) planned, nothing changed (run it with --apply)');
    const refused = await live('revert', applied, '--apply');
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('--allow deletes-data');
    expect(await columnsOfItems()).toEqual(['id', 'title', 'note']);
  });

  it('revert --apply returns the database to the model before the entry, journaled as its revert; a revert of it works', async () => {
    const run = await live('revert', applied, '--apply', '--allow', 'deletes-data');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/DROP COLUMN note/);
    expect(await schemaWithoutJournal(client)).toEqual(schemaA);
    expect(await client.query('SELECT id, title FROM items')).toEqual([{ id: 1, title: 'one' }]);
    const [entry] = await historyJson();
    expect(entry).toMatchObject({ revertOf: applied, revertible: true });
    reverted = entry.id as string;
    expect((await live('revert', reverted, '--apply')).code).toBe(0);
    expect(await columnsOfItems()).toEqual(['id', 'title', 'note']);
    expect((await historyJson())[0]).toMatchObject({ revertOf: reverted });
  });

  it('an entry with no recorded model, an unknown entry and a missing one each say so (exit 1)', async () => {
    await client.exec("INSERT INTO _schemata.journal (id, applied_at, duration_ms, status, plan_sql, hazards_accepted) VALUES ('old', now() - interval '1 day', 1, 'applied', 'SELECT 1;', '{}')");
    expect((await historyJson()).find((e) => e.id === 'old')).toMatchObject({ revertible: false });
    expect(await cli('revert', 'old')).toMatchObject({ code: 1, stderr: expect.stringContaining('history entry "old" has no recorded model from before it') });
    expect(await cli('revert', 'nope')).toMatchObject({ code: 1, stderr: expect.stringContaining('no entry "nope" in the database\'s journal') });
    expect(await cli('revert')).toMatchObject({ code: 1, stderr: expect.stringContaining('the entry to revert is required') });
    expect(await cli('history', '--schema', 'public')).toMatchObject({ code: 1 });
  });
});
