/**
 * `diff --db` and `apply` load the document in the embedded engine, never in the database they
 * compare; `--shadow-url` names a scratch server for extensions the embedded engine lacks.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ModelDocument } from '../../shared/model/document.ts';
import { cliInProcess as cli } from '../testing/cli-in-process.ts';
import { useThrowawayDatabase } from '../testing/throwaway-fixture.ts';

describe('CLI --shadow-url', () => {
  const { db, client } = useThrowawayDatabase('cli_shadow', { setup: (c) => c.exec('CREATE TABLE item (id int PRIMARY KEY);') });
  const { db: scratch } = useThrowawayDatabase('cli_shadow_scratch');
  let files: Record<string, string>;
  beforeAll(async () => {
    const document = JSON.parse((await cli(['introspect', '--db', db.url])).stdout) as ModelDocument;
    document.model.extensions.push({ id: 'ext:pgstattuple', name: 'pgstattuple', schema: 'public' });
    files = { 'doc.json': JSON.stringify(document) };
  });

  it('without it, an extension the embedded engine lacks is one line that says to give --shadow-url', async () => {
    const run = await cli(['diff', '--db', db.url, 'doc.json'], files);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^schemata diff: the embedded engine has no extension "pgstattuple".*--shadow-url/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('with it, diff --db and apply --dry-run plan the extension; the compared database is unchanged', async () => {
    const diff = await cli(['diff', '--db', db.url, '--shadow-url', scratch.url, 'doc.json'], files);
    expect([diff.code, diff.stdout]).toEqual([0, expect.stringContaining('CREATE EXTENSION')]);
    const dry = await cli(['apply', '--db', db.url, `--shadow-url=${scratch.url}`, 'doc.json', '--dry-run'], files);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('CREATE EXTENSION');
    expect(await client.query("SELECT extname FROM pg_extension WHERE extname = 'pgstattuple'")).toEqual([]);
  }, 180_000);

  it('refuses a shadow URL that is not a PostgreSQL URL, or without --db', async () => {
    const bad = await cli(['diff', '--db', db.url, '--shadow-url', 'pglite:memory:', 'doc.json'], files);
    expect([bad.code, bad.stderr]).toEqual([1, expect.stringMatching(/--shadow-url needs a postgres:\/\/… URL of a scratch server/)]);
    const alone = await cli(['diff', '--shadow-url', scratch.url, 'doc.json', 'doc.json'], files);
    expect([alone.code, alone.stderr]).toEqual([1, expect.stringMatching(/--shadow-url goes with --db/)]);
  });
});
