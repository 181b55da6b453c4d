import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy, isEmbedPage } from './security-headers.ts';
import { makeClientDir, startTestServer, type TestServer } from './test-server.ts';

/** The policy as a map: directive → its sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split('; ').map((d) => {
    const [name, ...sources] = d.split(' ');
    return [name, sources];
  }));
}

describe('contentSecurityPolicy', () => {
  it.each([
    ['script-src', ["'self'", "'wasm-unsafe-eval'"]],
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['img-src', ["'self'", 'data:', 'blob:']],
    ['connect-src', ["'self'", 'ws://127.0.0.1:4780', 'wss://127.0.0.1:4780']],
    ['worker-src', ["'self'", 'blob:']],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
  ])('%s allows %j', (name, sources) => {
    expect(directives(contentSecurityPolicy({ host: '127.0.0.1:4780', frameable: false })).get(name)).toEqual(sources);
  });

  it.each([
    ['a studio page', { frameable: false }, ["'none'"]],
    ['the read-only embed', { frameable: true }, undefined],
  ])('frame-ancestors on %s', (_label, options, expected) => {
    expect(directives(contentSecurityPolicy({ host: 'localhost', ...options })).get('frame-ancestors')).toEqual(expected);
  });

  it('never allows JavaScript from text (no unsafe-eval, no unsafe-inline script)', () => {
    const policy = contentSecurityPolicy({ host: 'localhost', frameable: false });
    expect(directives(policy).get('script-src')).not.toContain("'unsafe-eval'");
    expect(directives(policy).get('script-src')).not.toContain("'unsafe-inline'");
  });

  it('names no socket when the host is unknown', () => {
    expect(directives(contentSecurityPolicy({ frameable: false })).get('connect-src')).toEqual(["'self'"]);
  });
});

describe('isEmbedPage', () => {
  it.each([
    ['/shared', { embed: '' }, true],
    ['/shared', {}, false],
    ['/', { embed: '' }, false],
    ['/p/abc', { embed: '' }, false],
  ])('%s %j → %s', (path, query, expected) => {
    expect(isEmbedPage({ path, query })).toBe(expected);
  });
});

describe('the headers on real answers', () => {
  let server: TestServer;
  let client: Awaited<ReturnType<typeof makeClientDir>>;
  beforeAll(async () => {
    client = await makeClientDir();
    server = await startTestServer({ clientDir: client.dir });
  });
  afterAll(async () => {
    await server.close();
    await client.remove();
  });

  it.each([
    ['the studio page', '/'],
    ['a project page', '/p/some-project'],
    ['a script', '/assets/app.js'],
    ['an API answer', '/api/health'],
    ['a refused request', '/api/projects'],
  ])('%s may not be framed and carries the policy', async (_label, path) => {
    const res = await server.request('GET', path, { anonymous: path === '/api/projects' });
    const policy = directives(String(res.headers['content-security-policy']));
    expect(policy.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(policy.get('connect-src')).toEqual(["'self'", `ws://${server.host}`, `wss://${server.host}`]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('same-origin');
  });

  it('the read-only embed may be framed, under the same policy otherwise', async () => {
    const res = await server.request('GET', '/shared?embed', { anonymous: true });
    expect(res.status).toBe(200);
    const policy = directives(String(res.headers['content-security-policy']));
    expect(policy.has('frame-ancestors')).toBe(false);
    expect(policy.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(res.headers['x-frame-options']).toBeUndefined();
  });
});
