import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeClientDir, startTestServer, type TestServer } from './test-server.ts';
import { accessLink, accessToken, isLoopbackHost } from './token-config.ts';
import { makeToken, tokenCookieName, tokensEqual, UNAUTHORIZED_MESSAGE, withoutToken } from './token.ts';

const UNAUTHORIZED = { code: 'unauthorized', message: UNAUTHORIZED_MESSAGE };

describe('the access token on every API request', () => {
  let server: TestServer;
  let client: Awaited<ReturnType<typeof makeClientDir>>;
  let cookieName: string;
  beforeAll(async () => {
    client = await makeClientDir();
    server = await startTestServer({ clientDir: client.dir });
    cookieName = tokenCookieName(server.port);
  });
  afterAll(async () => {
    await server.close();
    await client.remove();
  });

  it.each([
    ['GET', '/api/templates'],
    ['GET', '/api/projects'],
    ['POST', '/api/targets'],
    ['POST', '/api/ddl'],
    ['GET', '/api/access'],
    ['GET', '/api/no-such-endpoint'],
  ])('%s %s without a token → 401 with the ApiError body', async (method, path) => {
    const res = await server.request(method, path, { anonymous: true, ...(method === 'POST' ? { body: {} } : {}) });
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/json/);
    expect(res.headers['www-authenticate']).toBe('Bearer realm="schemata"');
    expect(res.json).toEqual(UNAUTHORIZED);
  });

  it.each([
    ['a wrong bearer', { authorization: `Bearer ${makeToken()}` }],
    ['a bearer one character short', { authorization: 'Bearer <short>' }],
    ['the token in another scheme', { authorization: 'Basic <token>' }],
    ['an empty bearer', { authorization: 'Bearer ' }],
    ['a wrong cookie', { cookie: 'schemata-token-<port>=nope' }],
    ['the right token in another port\'s cookie', { cookie: 'schemata-token-1=<token>' }],
    ['the token as a query parameter of an API call', {}, '?token=<token>'],
  ])('refuses %s with 401', async (_case, headers: Record<string, string>, query = '') => {
    const fill = (text: string) => text.replace('<token>', server.token).replace('<short>', server.token.slice(1)).replace('<port>', String(server.port));
    const filled = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, fill(v)]));
    const res = await server.request('GET', `/api/templates${fill(query)}`, { anonymous: true, headers: filled });
    expect(res.status).toBe(401);
    expect(res.json).toEqual(UNAUTHORIZED);
  });

  it('accepts Authorization: Bearer <token>', async () => {
    const res = await server.request('GET', '/api/templates', { anonymous: true, headers: { authorization: `Bearer ${server.token}` } });
    expect(res.status).toBe(200);
    expect(res.json.map((t: { name: string }) => t.name)).toContain('ecommerce');
    const access = await server.request('GET', '/api/access', { anonymous: true, headers: { authorization: `bearer ${server.token}` } });
    expect(access.status).toBe(204);
  });

  it('accepts the cookie, among other cookies', async () => {
    const cookie = `theme=dark; ${cookieName}=${server.token}; other=1`;
    const res = await server.request('GET', '/api/templates', { anonymous: true, headers: { cookie } });
    expect(res.status).toBe(200);
    const access = await server.request('GET', '/api/access', { anonymous: true, headers: { cookie } });
    expect(access.status).toBe(204);
  });

  it('answers GET /api/health without a token (start-up probes)', async () => {
    const res = await server.request('GET', '/api/health', { anonymous: true });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ ok: true });
  });

  it('opening a page with ?token= sets an HttpOnly, SameSite=Strict cookie and redirects to the URL without it', async () => {
    const res = await server.request('GET', `/p/abc?template=blank&token=${server.token}&x=1`, { anonymous: true });
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/p/abc?template=blank&x=1');
    expect(res.headers['cache-control']).toBe('no-store');
    const setCookie = res.headers['set-cookie'] as string[];
    expect(setCookie).toHaveLength(1);
    const [pair, ...attributes] = setCookie[0].split(/;\s*/);
    expect(pair).toBe(`${cookieName}=${server.token}`);
    expect(attributes.sort()).toEqual(['HttpOnly', 'Path=/', 'SameSite=Strict']);
    // The cookie the browser now holds opens the API.
    const api = await server.request('GET', '/api/access', { anonymous: true, headers: { cookie: pair } });
    expect(api.status).toBe(204);
    // And the page the redirect leads to loads.
    const page = await server.request('GET', res.headers.location as string, { anonymous: true, headers: { cookie: pair } });
    expect(page.status).toBe(200);
    expect(page.text).toContain('<div id="root">');
  });

  it('redirects only within the studio, whatever the path', async () => {
    const res = await server.request('GET', `/.//evil.example/?token=${server.token}`, { anonymous: true });
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/evil.example/');
  });

  it('a wrong ?token= sets no cookie but still leaves the address bar', async () => {
    const res = await server.request('GET', '/?token=wrong', { anonymous: true });
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/');
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('serves the page and its assets without a token (the page then shows its access screen)', async () => {
    const page = await server.request('GET', '/', { anonymous: true });
    expect(page.status).toBe(200);
    expect(page.text).toContain('<div id="root">');
    const asset = await server.request('GET', '/assets/app.js', { anonymous: true });
    expect(asset.status).toBe(200);
  });

  it('keeps the origin guard first: a foreign Host is 403 even with the token', async () => {
    const res = await server.request('GET', '/api/templates', { headers: { host: `evil.example:${server.port}` } });
    expect(res.status).toBe(403);
  });
});

describe('tokens', () => {
  it('are 43 url-safe characters (32 random bytes) and differ each time', () => {
    const tokens = new Set(Array.from({ length: 50 }, makeToken));
    expect(tokens.size).toBe(50);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it.each([
    ['abc', 'abc', true],
    ['abc', 'abd', false],
    ['abc', 'abcd', false],
    ['', 'abc', false],
    ['é', 'é', true],
  ])('tokensEqual(%j, %j) → %s', (given, expected, equal) => {
    expect(tokensEqual(given, expected)).toBe(equal);
  });

  it.each([
    ['/?token=t', '/'],
    ['/p/x?token=t', '/p/x'],
    ['/?a=1&token=t&b=2', '/?a=1&b=2'],
    ['/?token=t&token=u', '/'],
    // Never a link to another site (an open redirect).
    ['/.//evil.example/x?token=t', '/evil.example/x'],
    ['/a/..//evil.example?token=t', '/evil.example'],
    ['//evil.example/?token=t', '/'],
    ['/\\evil.example?token=t', '/'],
  ])('withoutToken(%j) → %j', (url, expected) => {
    expect(withoutToken(url)).toBe(expected);
  });
});

describe('the token at start-up', () => {
  it.each([
    ['127.0.0.1', true], ['localhost', true], ['::1', true], ['[::1]', true], ['LOCALHOST', true],
    ['0.0.0.0', false], ['::', false], ['192.168.1.20', false], ['studio.lan', false], ['127.0.0.2', false],
  ])('isLoopbackHost(%j) → %s', (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback);
  });

  it('makes a random token on loopback and takes SCHEMATA_TOKEN when set', () => {
    expect(accessToken({}, '127.0.0.1')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(accessToken({ SCHEMATA_TOKEN: ' a-token-of-twenty-chars ' }, '0.0.0.0')).toBe('a-token-of-twenty-chars');
  });

  it.each([
    [{}, '0.0.0.0', /^HOST=0\.0\.0\.0 makes the studio reachable from the network: set SCHEMATA_TOKEN too/],
    [{ SCHEMATA_TOKEN: '  ' }, '192.168.1.20', /^HOST=192\.168\.1\.20 makes/],
    [{ SCHEMATA_TOKEN: 'short' }, '127.0.0.1', /^SCHEMATA_TOKEN is 5 characters long: use at least 16/],
  ])('refuses %j on %s', (env, host, message) => {
    expect(() => accessToken(env, host)).toThrow(message);
  });

  it('puts the token in the link, escaped', () => {
    expect(accessLink('http://127.0.0.1:4780', 'a b&c')).toBe('http://127.0.0.1:4780/?token=a%20b%26c');
  });
});
