/**
 * `testUrl`, the connection made when a target is added or tested: whatever kept a connection from
 * reaching PostgreSQL reads the same (`cannot connect to host:port`), so the studio cannot be used
 * to tell open, closed and filtered ports apart; what PostgreSQL answers is reported.
 */
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testUrl } from './targets.ts';

async function listen(onConnection: (socket: import('node:net').Socket) => void): Promise<{ server: Server; port: number }> {
  const server = createServer(onConnection);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return { server, port: (server.address() as { port: number }).port };
}

describe('testUrl: failures before PostgreSQL answered all read the same', () => {
  // A port that accepts and never answers: what a blackholed address looks like to the driver, here.
  let silent: { server: Server; port: number };
  // A port where something else listens (an HTTP server, say): it answers, but not as PostgreSQL.
  let other: { server: Server; port: number };
  beforeAll(async () => {
    silent = await listen(() => undefined);
    other = await listen((socket) => socket.end('HTTP/1.1 400 Bad Request\r\n\r\n'));
  });
  afterAll(() => {
    for (const { server } of [silent, other]) {
      server.close();
    }
  });

  const SHORT_TIMEOUT_MS = 1_500;

  it.each([
    ['a refused port', () => 'postgres://bob:hunter2@127.0.0.1:1/db', '127.0.0.1:1'],
    ['a port that never answers (timed out)', () => `postgres://bob:hunter2@127.0.0.1:${silent.port}/db`, () => `127.0.0.1:${silent.port}`],
    ['a port where something else than PostgreSQL answers', () => `postgres://bob:hunter2@127.0.0.1:${other.port}/db`, () => `127.0.0.1:${other.port}`],
    ['a non-routable address', () => 'postgres://bob:hunter2@10.255.255.1:5432/db', '10.255.255.1:5432'],
    ['an unknown host', () => 'postgres://bob:hunter2@no-such-host.invalid:5432/db', 'no-such-host.invalid:5432'],
  ])('%s → "cannot connect to host:port", within the timeout, without the password', async (_case, url, where) => {
    const result = await testUrl(url(), SHORT_TIMEOUT_MS);
    expect(result.ok).toBe(false);
    expect(result.message).toBe(`cannot connect to ${typeof where === 'function' ? where() : where}`);
    expect(result.message).not.toContain('hunter2');
    expect(result.ms).toBeLessThan(SHORT_TIMEOUT_MS + 1_000);
  });

  it('waits at most the bound for an address that never answers', async () => {
    const started = performance.now();
    const result = await testUrl(`postgres://bob@127.0.0.1:${silent.port}/db`, 300);
    expect(result).toMatchObject({ ok: false, message: `cannot connect to 127.0.0.1:${silent.port}` });
    expect(performance.now() - started).toBeLessThan(1_500);
  });
});

describe('testUrl: an answer from PostgreSQL is reported', () => {
  it('succeeds with the server version', async () => {
    const result = await testUrl('postgres://postgres@127.0.0.1:5432/postgres');
    expect(result).toMatchObject({ ok: true, message: expect.stringMatching(/^PostgreSQL \d+\.\d+$/), serverVersion: expect.any(Number) });
  });

  it.each([
    ['an unknown role', 'postgres://schemata_no_such_role:pw@127.0.0.1:5432/postgres', /role "schemata_no_such_role" does not exist$/],
    ['an unknown database', 'postgres://postgres@127.0.0.1:5432/schemata_no_such_db', /database "schemata_no_such_db" does not exist$/],
  ])('%s → PostgreSQL\'s own words', async (_case, url, message) => {
    const result = await testUrl(url);
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/^cannot connect to PostgreSQL at 127\.0\.0\.1:5432\//);
    expect(result.message).toMatch(message);
    expect(result.message).not.toContain(':pw@');
  });
});
