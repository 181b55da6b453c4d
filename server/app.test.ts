import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyModel, makeDocument } from '../shared/model/empty.ts';
import { parseDocument } from '../shared/model/upgrade.ts';
import { makeClientDir, startTestServer, type TestServer } from './http/test-server.ts';

const packageVersion = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')).version;

/** A document of `count` small tables, for body-size tests. */
function bigDocument(count: number) {
  const model = emptyModel();
  model.tables = Array.from({ length: count }, (_, i) => ({
    id: `table_${i}`, schema: 'public', name: `table_${i}`,
    columns: Array.from({ length: 12 }, (_, c) => ({ id: `col_${i}_${c}`, name: `column_number_${c}`, type: { name: 'text' }, notNull: c === 0, comment: 'x'.repeat(40) })),
    primaryKey: { id: `pk_${i}`, columns: [`col_${i}_0`] }, uniques: [], checks: [], foreignKeys: [], indexes: [],
  }));
  return makeDocument(model);
}

describe('createApp without a store', () => {
  let server: TestServer;
  let client: Awaited<ReturnType<typeof makeClientDir>>;
  beforeAll(async () => {
    client = await makeClientDir({ 'libpg-query.wasm': 'wasm bytes' });
    server = await startTestServer({ clientDir: client.dir });
  });
  afterAll(async () => {
    await server.close();
    await client.remove();
  });

  it('GET /api/health → ok and the package version', async () => {
    const res = await server.request('GET', '/api/health');
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ ok: true, version: packageVersion });
  });

  it.each([['GET', '/api/nope'], ['POST', '/api/projects-typo'], ['GET', '/api/health/extra']])('%s %s → JSON 404', async (method, path) => {
    const res = await server.request(method, path, method === 'POST' ? { body: {} } : {});
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/json/);
    expect(res.json).toEqual({ code: 'not-found', message: `no API endpoint ${method} ${path}` });
  });

  it.each(['/', '/p/3f2a', '/some/deep/path'])('serves the app for %s (SPA fallback)', async (path) => {
    const res = await server.request('GET', path);
    expect(res.status).toBe(200);
    expect(res.text).toContain('<div id="root">');
  });

  it('serves built assets', async () => {
    const res = await server.request('GET', '/assets/app.js');
    expect(res.status).toBe(200);
    expect(res.text).toBe('console.log("app")');
  });

  it.each([
    ['a built script (named by its hash)', '/assets/app.js', 'public, max-age=31536000, immutable'],
    ['the page', '/', 'public, max-age=0'],
    ['a project page', '/p/3f2a', 'public, max-age=0'],
    ['the parser\'s WebAssembly (the same name in every build)', '/libpg-query.wasm', 'public, max-age=0'],
    ['the parser\'s WebAssembly beside a worker', '/assets/libpg-query.wasm', 'public, max-age=0'],
  ])('%s (%s): Cache-Control %s', async (_what, path, cacheControl) => {
    const res = await server.request('GET', path);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe(cacheControl);
  });

  it.each(['/libpg-query.wasm', '/p/libpg-query.wasm', '/assets/libpg-query.wasm'])(
    'serves the SQL parser\'s WebAssembly at %s, wherever the page or a worker asks for it beside itself', async (path) => {
      const res = await server.request('GET', path);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/wasm');
      expect(res.text).toBe('wasm bytes');
    },
  );

  it('GET /api/templates lists templates; GET /api/templates/:name builds a valid document', async () => {
    const list = await server.request('GET', '/api/templates');
    expect(list.status).toBe(200);
    expect(list.json.map((t: { name: string }) => t.name)).toContain('ecommerce');
    for (const template of list.json) {
      expect(template).toEqual({ name: expect.any(String), title: expect.any(String), description: expect.any(String) });
      const doc = await server.request('GET', `/api/templates/${template.name}`);
      expect(doc.status).toBe(200);
      expect(parseDocument(doc.json)).toMatchObject({ ok: true });
    }
    const missing = await server.request('GET', '/api/templates/nope');
    expect(missing.status).toBe(404);
    expect(missing.json).toEqual({ code: 'not-found', message: 'no template named "nope"' });
  });

  it('POST /api/ddl turns a document into SQL', async () => {
    const doc = (await server.request('GET', '/api/templates/ecommerce')).json;
    const res = await server.request('POST', '/api/ddl', { body: { document: doc } });
    expect(res.status).toBe(200);
    expect(res.json.sql).toMatch(/CREATE TABLE/);
    const same = await server.request('POST', '/api/ddl', { body: { document: doc, dialect: 'postgres' } });
    expect(same.json.sql).toBe(res.json.sql);
  });

  it.each([
    ['no document', {}, 'document'],
    ['a table name too long', { document: { ...makeDocument(emptyModel()), model: { ...emptyModel(), tables: [{ ...bigDocument(1).model.tables[0], name: 'n'.repeat(64) }] } } }, 'document.model.tables[0].name'],
    ['a dangling column id', { document: { ...makeDocument(emptyModel()), model: { ...emptyModel(), tables: [{ ...bigDocument(1).model.tables[0], primaryKey: { id: 'pk', columns: ['nope'] } }] } } }, 'document.model.tables[0].primaryKey.columns[0]'],
    ['an unknown dialect', { document: makeDocument(emptyModel()), dialect: 'cobol' }, 'dialect'],
    ['a dialect of the wrong type', { document: makeDocument(emptyModel()), dialect: 7 }, 'dialect'],
  ])('POST /api/ddl with %s → 400 naming the path', async (_case, body, path) => {
    const res = await server.request('POST', '/api/ddl', { body });
    expect(res.status).toBe(400);
    expect(res.json.code).toBe('invalid-request');
    expect(res.json.details.map((d: { path: string }) => d.path)).toContain(path);
  });

  it('accepts bodies of many megabytes (large models) and refuses invalid JSON with 400', async () => {
    const document = bigDocument(3000);
    const body = JSON.stringify({ document });
    expect(body.length).toBeGreaterThan(5_000_000);
    const res = await server.request('POST', '/api/ddl', { rawBody: body });
    expect(res.status).toBe(200);
    expect(res.json.sql.match(/CREATE TABLE/g)).toHaveLength(3000);
    const broken = await server.request('POST', '/api/ddl', { rawBody: '{"document": ' });
    expect(broken.status).toBe(400);
    expect(broken.json.code).toBe('invalid-request');
  });

  it('refuses a body over 50 MB with 413', async () => {
    const res = await server.request('POST', '/api/ddl', { rawBody: `{"document": "${'x'.repeat(51 * 1024 * 1024)}"}` });
    expect(res.status).toBe(413);
    expect(res.json).toMatchObject({ code: 'payload-too-large' });
  });

  it('answers the projects API with 503 when no store is open', async () => {
    const res = await server.request('GET', '/api/projects');
    expect(res.status).toBe(503);
    expect(res.json.message).toMatch(/store is not open/);
  });
});

describe('the Host/Origin guard', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ host: 'studio.lan', allowedOrigins: ['http://localhost:5173'] });
  });
  afterAll(() => server.close());

  const cases: Array<[string, number, (port: number) => Record<string, string>]> = [
    ['own address', 200, (p) => ({ host: `127.0.0.1:${p}` })],
    ['localhost', 200, (p) => ({ host: `localhost:${p}` })],
    ['IPv6 loopback', 200, (p) => ({ host: `[::1]:${p}` })],
    ['configured HOST', 200, (p) => ({ host: `studio.lan:${p}` })],
    ['same origin', 200, (p) => ({ host: `127.0.0.1:${p}`, origin: `http://127.0.0.1:${p}` })],
    ['allowed dev origin through its proxy', 200, () => ({ host: 'localhost:5173', origin: 'http://localhost:5173' })],
    ['DNS rebinding (foreign Host)', 403, (p) => ({ host: `evil.example:${p}` })],
    ['loopback on another port', 403, (p) => ({ host: `127.0.0.1:${p + 1}` })],
    ['Host without a port', 403, () => ({ host: '127.0.0.1' })],
    ['empty Host header', 403, () => ({})],
    ['cross-site page', 403, (p) => ({ host: `127.0.0.1:${p}`, origin: 'http://evil.example' })],
    ['another loopback origin', 403, (p) => ({ host: `127.0.0.1:${p}`, origin: `http://localhost:${p}` })],
    ['opaque origin', 403, (p) => ({ host: `127.0.0.1:${p}`, origin: 'null' })],
    ['https origin for an http studio', 403, (p) => ({ host: `127.0.0.1:${p}`, origin: `https://127.0.0.1:${p}` })],
  ];

  it.each(cases)('%s → %i', async (_name, status, headersFor) => {
    const headers = headersFor(server.port);
    const res = await server.request('GET', '/api/health', { headers: { host: '', ...headers } });
    expect(res.status).toBe(status);
    if (status === 403) expect(res.json).toMatchObject({ code: 'forbidden-origin', message: expect.stringMatching(/^refused: /) });
  });

  it('guards every path and method, including the page and writes', async () => {
    const headers = { host: `127.0.0.1:${server.port}`, origin: 'http://evil.example' };
    expect((await server.request('GET', '/', { headers })).status).toBe(403);
    expect((await server.request('POST', '/api/projects', { headers, body: { name: 'x', document: makeDocument(emptyModel()) } })).status).toBe(403);
  });
});
