import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { ImportSyntaxError } from '../../shared/io/import-document.ts';
import { HazardsNotAccepted, SchemaChanged, StepFailed } from '../db/apply.ts';
import { ConnectionError } from '../db/connection-error.ts';
import { ModelDoesNotLoad } from '../diff/shadow-load.ts';
import { ConfirmationRequired, JournalUnwritable } from '../live/journal-entry.ts';
import { openSqlClient, type SqlClient } from '../db/sql-client.ts';
import { TargetNotFound } from '../db/targets.ts';
import { ImportsBusy, ImportTimedOut } from '../io/import-pool.ts';
import { createThrowawayDb, type ThrowawayDb } from '../testing/throwaway-db.ts';
import { conflict, errorMiddleware, HttpError, noteSubmittedSql, notFound, toApiError } from './errors.ts';
import { lineColumnAt } from './pg-error.ts';
import { startTestServer, type TestServer } from './test-server.ts';
import { validate } from './validate.ts';

describe('lineColumnAt (PostgreSQL positions are 1-based characters)', () => {
  it.each([
    ['select x', 1, { line: 1, column: 1 }],
    ['select x', 8, { line: 1, column: 8 }],
    ['select 1;\nselect x', 18, { line: 2, column: 8 }],
    ['-- é\nselekt 1', 6, { line: 2, column: 1 }],
    ['a\n\nb', 4, { line: 3, column: 1 }],
  ])('%j at %i', (sql, position, expected) => {
    expect(lineColumnAt(sql, position)).toEqual(expected);
  });
});

describe('the error middleware', () => {
  let db: ThrowawayDb;
  let client: SqlClient;
  let server: Server;
  let base: string;
  const logged: unknown[] = [];

  beforeAll(async () => {
    db = await createThrowawayDb('errors');
    client = await openSqlClient(db.url);
    const app = express();
    app.use(express.json());
    app.post('/run', async (req, res) => {
      noteSubmittedSql(res, req.body.script);
      await client.query(req.body.script);
      res.json({ ok: true });
    });
    app.post('/sql', async (req) => {
      await client.query(req.body.sql);
    });
    app.post('/store', async () => {
      await client.query('select * from no_such_table');
    });
    app.post('/validated', validate(z.object({ items: z.array(z.object({ name: z.string() })) })), (_req, res) => {
      res.json({ ok: true });
    });
    app.get('/missing', () => {
      throw notFound('no such thing');
    });
    app.get('/stale', () => {
      throw conflict('stale', { currentVersion: 3 });
    });
    app.get('/crash', () => {
      throw new Error('secret internals at /srv/app.ts:12');
    });
    app.use(errorMiddleware({ error: (_m, e) => logged.push(e) }));
    server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await client.close();
    await db.drop();
  });

  const post = (path: string, body: unknown) =>
    fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('maps a PostgreSQL error to SQLSTATE, message, hint and the line/column of the submitted SQL', async () => {
    const script = 'select 1;\nselect lenght(relname)\n  from pg_class;';
    const res = await post('/run', { script });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body).toMatchObject({ code: 'postgres-error', message: 'function lenght(name) does not exist', position: { line: 2, column: 8 } });
    expect(body.details).toMatchObject({ sqlstate: '42883' });
    expect(body.details.hint).toMatch(/No function matches/);
  });

  it('uses a `sql` field of the body for the position, and leaves it out when the request carried no SQL', async () => {
    const withSql = await (await post('/sql', { sql: '\n\nselect * from nowhere' })).json();
    expect(withSql).toMatchObject({ code: 'postgres-error', details: { sqlstate: '42P01' }, position: { line: 3, column: 15 } });
    const without = await (await post('/store', {})).json();
    expect(without.code).toBe('postgres-error');
    expect(without.position).toBeUndefined();
  });

  it('answers a validation error with 400 and each field path', async () => {
    const res = await post('/validated', { items: [{ name: 'a' }, { name: 7 }] });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.code).toBe('invalid-request');
    expect(body.details).toEqual([{ path: 'items[1].name', message: expect.stringMatching(/string/) }]);
    expect(body.message).toMatch(/^invalid request: items\[1\]\.name: /);
  });

  it('answers malformed JSON with 400', async () => {
    const res = await fetch(`${base}/validated`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"items": [' });
    expect(res.status).toBe(400);
    expect((await res.json()).code).toBe('invalid-request');
  });

  it.each([
    ['/missing', 404, { code: 'not-found', message: 'no such thing' }],
    ['/stale', 409, { code: 'conflict', message: 'stale', details: { currentVersion: 3 } }],
  ])('maps typed errors: %s → %i', async (path, status, expected) => {
    const res = await fetch(`${base}${path}`);
    expect(res.status).toBe(status);
    expect(await res.json()).toEqual(expected);
  });

  it('answers anything else with 500 and no stack trace or internals, and logs it', async () => {
    const res = await fetch(`${base}/crash`);
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ code: 'internal', message: expect.any(String) });
    expect(text).not.toMatch(/secret|\/srv|at /);
    expect(logged.some((e) => (e as Error).message?.includes('secret internals'))).toBe(true);
  });
});

describe('toApiError: the one translator (middleware and streamed apply alike)', () => {
  const pgError = Object.assign(new Error('relation "x" does not exist'), { code: '42P01', severity: 'ERROR', position: '16' });
  const uriError = Object.assign(new URIError("Failed to decode param '%ZZ'"), { status: 400 });
  const stepFailed = new StepFailed({ stepIndex: 0, sql: 'ALTER TABLE t ADD c int;', message: 'boom', sqlstate: '42P07' } as never, 1);
  it.each<[string, unknown, number, Record<string, unknown>]>([
    ['an HttpError', new HttpError(409, 'conflict', 'stale', { currentVersion: 2 }), 409, { code: 'conflict', message: 'stale', details: { currentVersion: 2 } }],
    ['a bad percent-encoding in the URL', uriError, 400, { code: 'invalid-request', message: "the URL is not valid percent-encoding: Failed to decode param '%ZZ'" }],
    ['malformed JSON', Object.assign(new SyntaxError('Unexpected end'), { type: 'entity.parse.failed', status: 400 }), 400, { code: 'invalid-request', message: 'the request body is not valid JSON: Unexpected end' }],
    ['a body over the limit', Object.assign(new Error('too large'), { type: 'entity.too.large', status: 413, limit: 10 }), 413, { code: 'payload-too-large', message: 'the request body is larger than the limit (10 bytes)' }],
    ['an import syntax error', new ImportSyntaxError('syntax error at or near ","', 2, 25, 'sql'), 400, {
      code: 'invalid-request', message: 'SQL syntax error at line 2, column 25: syntax error at or near ","',
      details: [{ path: 'text', message: 'syntax error at or near ","' }], position: { line: 2, column: 25 },
    }],
    ['an import over its time limit', new ImportTimedOut(1500), 422, {
      code: 'invalid-request', message: 'the import took longer than 1.5 s and was stopped (the limit is SCHEMATA_IMPORT_TIMEOUT_MS)',
      details: [{ path: 'text', message: 'the import took longer than 1.5 s and was stopped (the limit is SCHEMATA_IMPORT_TIMEOUT_MS)' }],
    }],
    ['too many imports waiting', new ImportsBusy(), 503, { code: 'internal', message: '16 imports are already waiting to run: try again when they are done' }],
    ['an unknown target', new TargetNotFound('t1'), 404, { code: 'not-found', message: 'no target with id "t1"' }],
    ['a protected target not confirmed', new ConfirmationRequired('type its name'), 400, { code: 'invalid-request', message: 'type its name' }],
    ['a model that does not load', new ModelDoesNotLoad('the model does not load: x'), 400, { code: 'invalid-request', message: 'the model does not load: x' }],
    ['a journal that cannot take the attempt', new JournalUnwritable('store down'), 503, { code: 'internal', message: 'the apply journal could not be written (store down); nothing was run' }],
    ['hazards not accepted', new HazardsNotAccepted(['deletes-data']), 400, { code: 'invalid-request', message: expect.stringMatching(/deletes-data/), details: { hazards: ['deletes-data'] } }],
    ['a changed schema', new SchemaChanged('a', 'b'), 409, { code: 'conflict', message: expect.stringMatching(/^the database changed/) }],
    ['a failing step', stepFailed, 400, { code: 'postgres-error', message: 'step 1 of 1 failed: boom; everything was rolled back', details: expect.objectContaining({ sqlstate: '42P07', stepIndex: 0 }) }],
    ['an unreachable database', new ConnectionError('cannot connect to PostgreSQL at h:1: refused', { host: 'h', port: '1' }), 503, { code: 'internal', message: 'cannot connect to PostgreSQL at h:1: refused' }],
    ['a connection lost mid-request', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }), 503, { code: 'internal', message: 'the target database does not answer: connection reset by the server' }],
    ['a PostgreSQL error, positioned in the submitted SQL', pgError, 400, {
      code: 'postgres-error', message: 'relation "x" does not exist', details: { sqlstate: '42P01' }, position: { line: 2, column: 6 },
    }],
  ])('%s', (_what, error, status, body) => {
    expect(toApiError(error, { submittedSql: 'select 1;\nfrom x' })).toEqual({ status, body });
  });

  it('answers anything else 500 without its message, and logs it', () => {
    const logged: unknown[] = [];
    const error = new Error('secret at /srv/x.ts');
    expect(toApiError(error, { request: 'GET /x', log: { error: (m, e) => logged.push(m, e) } }))
      .toEqual({ status: 500, body: { code: 'internal', message: 'internal error: the server log has the details' } });
    expect(logged).toEqual(['GET /x failed:', error]);
  });
});

describe('no input gives a 500 (the real app)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  const documentWith = (name: string, type: Record<string, unknown> = { name: 'integer' }) => ({
    format: 'schemata', version: 1, layout: { nodes: {}, areas: [], notes: [] },
    model: {
      schemas: [{ id: 's', name: 'public' }], extensions: [], enums: [], domains: [], sequences: [], views: [], rawObjects: [],
      tables: [{ id: 't', schema: 'public', name, columns: [{ id: 'c', name: 'c', type, notNull: false }], uniques: [], checks: [], foreignKeys: [], indexes: [] }],
    },
  });

  it.each([
    ['GET', '/api/projects/%ZZ'],
    ['GET', '/api/targets/%E0%A4%A/history'],
    ['POST', '/api/targets/%/test'],
  ])('%s %s (bad percent-encoding) → 400 with a message', async (method, path) => {
    const res = await server.request(method, path);
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ code: 'invalid-request', message: expect.stringMatching(/^the URL is not valid percent-encoding: Failed to decode param/) });
  });

  it('a bad JSON escape → 400', async () => {
    const res = await server.request('POST', '/api/ddl', { rawBody: '{"document": "\\x"}' });
    expect(res.status).toBe(400);
    expect(res.json.code).toBe('invalid-request');
  });

  it('a NUL in any string of a body → 400 with its path (PostgreSQL cannot store NUL)', async () => {
    const rawBody = JSON.stringify({ document: documentWith('bad\u0000name') });
    const res = await server.request('POST', '/api/ddl', { rawBody });
    expect(res.status).toBe(400);
    expect(res.json.details).toEqual([{ path: 'document.model.tables[0].name', message: 'a NUL character (U+0000) at line 1, column 4: PostgreSQL cannot parse or store NUL in text' }]);
    expect(res.json.position).toBeUndefined();
  });

  it('arrayDims 100000000 → 400 with the path, not a 200 MB script', async () => {
    const res = await server.request('POST', '/api/ddl', { body: { document: documentWith('t', { name: 'integer', arrayDims: 100_000_000 }) } });
    expect(res.status).toBe(400);
    expect(res.json.details.map((p: { path: string }) => p.path)).toEqual(['document.model.tables[0].columns[0].type.arrayDims']);
    expect(res.text.length).toBeLessThan(1000);
  });

  it('a name of 63 characters but 126 bytes → 400 (PostgreSQL would truncate it)', async () => {
    const res = await server.request('POST', '/api/ddl', { body: { document: documentWith('é'.repeat(63)) } });
    expect(res.status).toBe(400);
    expect(res.json.details).toEqual([{ path: 'document.model.tables[0].name', message: expect.stringMatching(/at most 63 bytes/) }]);
  });
});
