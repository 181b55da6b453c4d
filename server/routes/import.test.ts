import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_TEXT_MAX_CHARS } from '../../shared/api/import.ts';
import { parseDocument } from '../../shared/model/upgrade.ts';
import { startTestServer, type TestServer } from '../http/test-server.ts';
import { importTimeoutMs } from '../io/import-pool.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const SQL = 'CREATE TABLE a (id int PRIMARY KEY);\nSET lock_timeout = 0;\nCREATE TABLE b (a_id int REFERENCES a);';

describe('POST /api/import', () => {
  it('SQL → 200 {document, report}: a valid document laid out on a grid, the skipped SET at line 2', async () => {
    const res = await server.request('POST', '/api/import', { body: { text: SQL, format: 'sql', name: 'Shop' } });
    expect(res.status).toBe(200);
    expect(parseDocument(res.json.document).ok).toBe(true);
    expect(res.json.document.name).toBe('Shop');
    expect(res.json.document.model.tables.map((t: { id: string }) => t.id)).toEqual(['table:public.a', 'table:public.b']);
    expect(res.json.document.layout.nodes).toEqual({ 'table:public.a': { x: 0, y: 0 }, 'table:public.b': { x: 320, y: 0 } });
    expect(res.json.report).toEqual({ skipped: [{ line: 2, statement: 'SET', reason: 'a session setting' }], warnings: [] });
  });

  it('format defaults to SQL', async () => {
    const res = await server.request('POST', '/api/import', { body: { text: 'CREATE TABLE t (a int);' } });
    expect(res.status).toBe(200);
    expect(res.json.document.model.tables[0].name).toBe('t');
  });

  it.each([
    ['SQL', { text: 'CREATE TABLE ok (a int);\nCREATE TABLE bad (a int,,);', format: 'sql' }, { line: 2, column: 25 }, 'SQL syntax error at line 2, column 25: syntax error at or near ","'],
    ['DBML', { text: 'Table users {\n  id int [pk\n}', format: 'dbml' }, { line: 3, column: 1 }, 'DBML syntax error at line 3, column 1: '],
  ])('a %s syntax error → 400 with position {line, column}', async (_name, body, position, message) => {
    const res = await server.request('POST', '/api/import', { body });
    expect(res.status).toBe(400);
    expect(res.json.code).toBe('invalid-request');
    expect(res.json.position).toEqual(position);
    expect(res.json.message).toContain(`line ${position.line}, column ${position.column}`);
    expect(res.json.message).toContain(message);
  });

  it('DBML → a document', async () => {
    const res = await server.request('POST', '/api/import', { body: { text: 'Table users {\n  id int [pk]\n}', format: 'dbml' } });
    expect(res.status).toBe(200);
    expect(res.json.document.model.tables.map((t: { name: string }) => t.name)).toEqual(['users']);
    expect(Object.keys(res.json.document.layout.nodes)).toHaveLength(1);
  });

  it('an unknown format or a missing text → 400 naming the field', async () => {
    const res = await server.request('POST', '/api/import', { body: { text: 'x', format: 'yaml' } });
    expect(res.status).toBe(400);
    expect(res.json.details.map((p: { path: string }) => p.path)).toEqual(['format']);
    const missing = await server.request('POST', '/api/import', { body: { format: 'sql' } });
    expect(missing.status).toBe(400);
    expect(missing.json.details.map((p: { path: string }) => p.path)).toEqual(['text']);
  });
});

/** The 172-byte import that hung the server for good (an exponential regular expression). */
const HANG_INPUT = `CREATE TABLE a (id int);${'\n'.repeat(45)}CREATE TABLE b (n text DEFAULT E'x\\n');`;

describe('POST /api/import on hostile input', () => {
  it('the hang input → 200 in well under a second', async () => {
    await server.request('POST', '/api/import', { body: { text: 'SELECT 1;' } }); // a started worker
    const started = Date.now();
    const res = await server.request('POST', '/api/import', { body: { text: HANG_INPUT } });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(res.status).toBe(200);
    expect(res.json.document.model.tables.map((t: { name: string }) => t.name)).toEqual(['a', 'b']);
  });

  it.each([
    ['sql', 'CREATE TABLE a (id int);\nCREATE TABLE b (n text\u0000);\nCREATE TABLE c (x int);', { line: 2, column: 23 }],
    ['dbml', 'Table users {\n  id int [pk]\u0000\n}', { line: 2, column: 14 }],
  ])('a NUL in %s → 400 with its line and column, never a silent truncation', async (format, text, position) => {
    const res = await server.request('POST', '/api/import', { body: { text, format } });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ code: 'invalid-request', position, details: [{ path: 'text' }] });
    expect(res.json.message).toBe(`invalid request: text: a NUL character (U+0000) at line ${position.line}, column ${position.column}: PostgreSQL cannot parse or store NUL in text`);
  });

  it('text over the import limit → 400 naming the field', async () => {
    const res = await server.request('POST', '/api/import', { body: { text: ' '.repeat(IMPORT_TEXT_MAX_CHARS + 1) } });
    expect(res.status).toBe(400);
    expect(res.json.details.map((p: { path: string }) => p.path)).toEqual(['text']);
  });
});

describe('an import over SCHEMATA_IMPORT_TIMEOUT_MS', () => {
  let limited: TestServer;
  beforeAll(async () => {
    // The studio reads the limit once, as it starts (`index.ts`): SCHEMATA_IMPORT_TIMEOUT_MS=300.
    limited = await startTestServer({ importTimeoutMs: importTimeoutMs({ SCHEMATA_IMPORT_TIMEOUT_MS: '300' }) });
  });
  afterAll(() => limited.close());

  it('is stopped with a 422 saying so, while the server keeps answering other requests', async () => {
    // Valid but slow: 20,000 tables take seconds to import on any machine (2,000 once finished within 300 ms).
    const slow = Array.from({ length: 20_000 }, (_, i) => `CREATE TABLE t${i} (id int PRIMARY KEY, a text, b int REFERENCES t0);`).join('\n');
    await limited.request('POST', '/api/import', { body: { text: 'SELECT 1;' } }); // a started worker
    let importDone = false;
    const pending = limited.request('POST', '/api/import', { body: { text: slow } }).then((res) => {
      importDone = true;
      return res;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const health = await limited.request('GET', '/api/health');
    expect(health.status).toBe(200);
    expect(importDone).toBe(false);
    const res = await pending;
    expect(res.status).toBe(422);
    expect(res.json).toMatchObject({ code: 'invalid-request', message: 'the import took longer than 0.3 s and was stopped (the limit is SCHEMATA_IMPORT_TIMEOUT_MS)' });
    // The pool replaced the stopped worker: the next import works.
    const next = await limited.request('POST', '/api/import', { body: { text: 'CREATE TABLE ok (id int);' } });
    expect(next.status).toBe(200);
  });
});
