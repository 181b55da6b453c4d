import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from '../../shared/model/upgrade.ts';
import { startTestServer, type TestServer } from '../http/test-server.ts';

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
