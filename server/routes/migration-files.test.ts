/**
 * One canonicalization path: the page's migration export (`POST /api/migration-files`) and the CLI's
 * `diff <from> <to> --out` give the same files for the same two documents, both in PostgreSQL's own
 * spelling (a check written `memo_len < 500` reads `(memo_len < 500)`, as PostgreSQL writes it).
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Model } from '../../shared/model/document.ts';
import { makeDocument } from '../../shared/model/empty.ts';
import { derivedId } from '../../shared/model/ids.ts';
import { templates } from '../../shared/model/templates/index.ts';
import { startTestServer, type TestServer } from '../http/test-server.ts';
import { cliInProcess } from '../testing/cli-in-process.ts';

const before = (): Model => templates.find((t) => t.name === 'ecommerce')!.build().model;

function after(): Model {
  const model = before();
  const orders = model.tables.find((t) => t.name === 'orders')!;
  orders.columns.push({ id: derivedId.column('public', 'orders', 'memo_len'), name: 'memo_len', type: { name: 'integer' }, notNull: false });
  orders.checks.push({ id: derivedId.constraint('ck', 'public', 'orders', 'memo_short'), name: 'memo_short', expression: 'memo_len < 500' });
  return model;
}

let server: TestServer;
let dir: string;
beforeAll(async () => {
  server = await startTestServer();
  dir = await mkdtemp(join(tmpdir(), 'schemata-migration-files-'));
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('POST /api/migration-files', () => {
  it('gives the files the CLI writes for the same documents, in PostgreSQL\'s spelling', async () => {
    const from = makeDocument(before());
    const to = makeDocument(after());
    const res = await server.request('POST', '/api/migration-files', { body: { from, to, layout: 'plain', name: 'memo', version: 1 } });
    expect(res.status).toBe(200);
    const files = { 'from.json': JSON.stringify(from), 'to.json': JSON.stringify(to) };
    const cli = await cliInProcess(['diff', 'from.json', 'to.json', '--out', dir, '--layout', 'plain', '--name', 'memo'], files);
    expect(cli.code).toBe(0);
    const written = await Promise.all((await readdir(dir)).sort().map(async (path) => ({ path, content: await readFile(join(dir, path), 'utf8') })));
    expect([...res.json.files].sort((a: { path: string }, b: { path: string }) => a.path.localeCompare(b.path))).toEqual(written);
    expect(res.json).toMatchObject({ steps: 2, downLosesData: true });
    expect(res.json.asWritten).toBeUndefined();
    expect(res.json.files.find((f: { path: string }) => f.path.endsWith('.up.sql')).content).toContain('CHECK ((memo_len < 500))');
  }, 240_000);

  it('refuses an unknown layout', async () => {
    const doc = makeDocument(before());
    const res = await server.request('POST', '/api/migration-files', { body: { from: doc, to: doc, layout: 'liquibase', name: 'x' } });
    expect(res.status).toBe(400);
  });
});
