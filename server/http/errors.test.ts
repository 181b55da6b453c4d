import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openSqlClient, type SqlClient } from '../db/sql-client.ts';
import { createThrowawayDb, type ThrowawayDb } from '../testing/throwaway-db.ts';
import { conflict, errorMiddleware, noteSubmittedSql, notFound } from './errors.ts';
import { lineColumnAt } from './pg-error.ts';
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
