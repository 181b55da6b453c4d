/**
 * Read-only share links over HTTP: made, listed and revoked with the studio token; a link reads its
 * own project and nothing else. The sweep drives EVERY route of the contract (`testing/contract.ts`)
 * with a link: every non-GET route, and every GET but the link's own project, answers 403.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorZod } from '../../shared/api/errors.ts';
import { emptyModel, makeDocument } from '../../shared/model/empty.ts';
import { READ_ONLY_MESSAGE, shareCookieName } from '../http/share-access.ts';
import { startTestServer, type TestServer } from '../http/test-server.ts';
import { openStore, type Store } from '../store/index.ts';
import { ROUTE_CONTRACTS } from '../testing/contract.ts';
import { createThrowawayDb } from '../testing/throwaway-db.ts';

/** What a link may read without a 403 (the health probe needs no token at all). */
const ALLOWED_TO_A_LINK = new Set(['GET /api/health', 'GET /api/access', 'GET /api/shared', 'GET /api/projects/:id']);

describe('read-only share links', () => {
  let server: TestServer;
  let store: Store;
  let cleanup: () => Promise<void>;
  let shared: string;
  let other: string;
  beforeAll(async () => {
    const db = await createThrowawayDb('share_links_api');
    cleanup = db.drop;
    store = await openStore({ url: db.url, dataDir: '/nonexistent' });
    server = await startTestServer({ store });
    const create = async (name: string) => (await server.request('POST', '/api/projects', { body: { name, document: makeDocument(emptyModel()) } })).json.id as string;
    shared = await create('Shared');
    other = await create('Other');
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await store?.close();
    await cleanup?.();
  });

  const makeLink = async () => {
    const res = await server.request('POST', `/api/projects/${shared}/share-links`);
    expect(res.status).toBe(201);
    const token = new URL(res.json.url).searchParams.get('share')!;
    return { id: res.json.id as string, url: res.json.url as string, token, bearer: { authorization: `Bearer ${token}` } };
  };

  it('makes a link shown once: the list never carries the token, and the store keeps only its hash', async () => {
    const link = await makeLink();
    expect(link.url).toBe(`http://${server.host}/?share=${link.token}`);
    expect(link.token).toMatch(/^shr_[\w-]{43}$/);
    const list = await server.request('GET', `/api/projects/${shared}/share-links`);
    expect(list.json).toContainEqual({ id: link.id, createdAt: expect.any(String) });
    expect(list.text).not.toContain(link.token);
    expect((await server.request('POST', '/api/projects/nope/share-links')).status).toBe(404);
    expect((await server.request('DELETE', `/api/projects/${other}/share-links/${link.id}`)).status).toBe(404);
  });

  it('reads its own project and says which one it is', async () => {
    const { bearer } = await makeLink();
    expect((await server.request('GET', '/api/shared', { anonymous: true, headers: bearer })).json).toEqual({ projectId: shared, projectName: 'Shared' });
    expect((await server.request('GET', `/api/projects/${shared}`, { anonymous: true, headers: bearer })).json.name).toBe('Shared');
    // With the studio token the page is not a share page.
    expect((await server.request('GET', '/api/shared')).status).toBe(404);
  });

  it('answers 403 on every other route of the contract, writes included, whatever the project', async () => {
    const { bearer } = await makeLink();
    const refused: string[] = [];
    for (const route of Object.keys(ROUTE_CONTRACTS)) {
      const [method, pattern] = route.split(' ');
      for (const projectId of [shared, other]) {
        const path = pattern.replace(':id', pattern.startsWith('/api/projects/') ? projectId : 'some_target').replace(/:\w+/g, 'some_id');
        const res = await server.request(method, path, { anonymous: true, headers: bearer, body: method === 'GET' || method === 'DELETE' ? undefined : {} });
        const allowed = ALLOWED_TO_A_LINK.has(route) && (route !== 'GET /api/projects/:id' || projectId === shared);
        if (allowed) {
          expect(res.status, `${method} ${path}`).toBeLessThan(300);
          continue;
        }
        expect(res.status, `${method} ${path}: ${res.text}`).toBe(403);
        expect(apiErrorZod.parse(res.json)).toMatchObject({ code: 'forbidden', message: READ_ONLY_MESSAGE });
        refused.push(route);
      }
    }
    const writes = Object.keys(ROUTE_CONTRACTS).filter((route) => !route.startsWith('GET '));
    expect(writes.length).toBeGreaterThan(10);
    for (const write of writes) expect(refused).toContain(write);
    // Nothing was changed: both projects as they were, no link made by the link.
    expect((await server.request('GET', `/api/projects/${shared}`)).json).toMatchObject({ name: 'Shared', version: 1 });
    expect((await server.request('GET', `/api/projects/${other}`)).json).toMatchObject({ name: 'Other', version: 1 });
  });

  it('opening /?share= sets an HttpOnly cookie and redirects to /shared; the cookie reads like the bearer', async () => {
    const link = await makeLink();
    const opened = await server.request('GET', `/?share=${link.token}&embed`, { anonymous: true });
    expect(opened.status).toBe(302);
    expect(opened.headers.location).toBe('/shared?embed');
    const [cookie] = opened.headers['set-cookie'] as string[];
    expect(cookie).toMatch(new RegExp(`^${shareCookieName(server.port)}=shr_[^;]+; Path=/; HttpOnly; SameSite=Strict$`));
    const jar = { cookie: cookie.split(';')[0] };
    expect((await server.request('GET', '/api/shared', { anonymous: true, headers: jar })).status).toBe(200);
    expect((await server.request('PUT', `/api/projects/${shared}`, { anonymous: true, headers: jar, body: {} })).status).toBe(403);
    const wrong = await server.request('GET', '/?share=shr_nope', { anonymous: true });
    expect(wrong.status).toBe(302);
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('a revoked link stops working at its next request (401), cookie or bearer', async () => {
    const link = await makeLink();
    const jar = { cookie: `${shareCookieName(server.port)}=${link.token}` };
    expect((await server.request('GET', `/api/projects/${shared}`, { anonymous: true, headers: jar })).status).toBe(200);
    expect((await server.request('DELETE', `/api/projects/${shared}/share-links/${link.id}`)).status).toBe(204);
    for (const headers of [jar, link.bearer]) {
      const res = await server.request('GET', `/api/projects/${shared}`, { anonymous: true, headers });
      expect(res.status).toBe(401);
      expect(res.json.message).toMatch(/revoked/);
    }
    expect((await server.request('GET', `/api/projects/${shared}/share-links`)).json).not.toContainEqual(expect.objectContaining({ id: link.id }));
  });

  it('the studio token wins over a share cookie, and a deleted project takes its links with it', async () => {
    const link = await makeLink();
    const jar = { cookie: `${shareCookieName(server.port)}=${link.token}` };
    expect((await server.request('GET', '/api/projects', { headers: jar })).status).toBe(200);
    const doomed = (await server.request('POST', '/api/projects', { body: { name: 'Doomed', document: makeDocument(emptyModel()) } })).json.id;
    const doomedLink = await server.request('POST', `/api/projects/${doomed}/share-links`);
    const token = new URL(doomedLink.json.url).searchParams.get('share')!;
    expect((await server.request('DELETE', `/api/projects/${doomed}`)).status).toBe(204);
    expect((await server.request('GET', '/api/shared', { anonymous: true, headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
  });
});
