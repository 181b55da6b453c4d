/** The studio as `npm start` runs it: a real process, its start-up line, its data directory, a clean stop. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');

/** Starts the compiled server (dist/server/index.js, what `npm start` runs; vitest's global setup builds it when stale). */
function start(env: Record<string, string>): { child: ChildProcess; output: () => string; url: Promise<string>; exit: Promise<number | null> } {
  const child = spawn(process.execPath, ['--enable-source-maps', 'dist/server/index.js'], { cwd: ROOT, env: { ...process.env, ...env } });
  let output = '';
  const url = new Promise<string>((done, fail) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Schemata is running at (http:\/\/\S+)/.exec(output);
      if (match) done(match[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', () => fail(new Error(`the server exited before start-up: ${output}`)));
  });
  const exit = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return { child, output: () => output, url, exit };
}

describe('server/index.ts', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it('creates its data directory, prints its URL, answers, and stops on SIGTERM', async () => {
    const base = await mkdtemp(join(tmpdir(), 'schemata-index-'));
    dirs.push(base);
    const dataDir = join(base, 'nested', 'data');
    const server = start({ PORT: '0', HOST: '127.0.0.1', SCHEMATA_DATA: dataDir, SCHEMATA_STORE_URL: '', SCHEMATA_SECRET_KEY: '' });
    const link = await server.url;
    // The printed link carries a random token (32 bytes, base64url).
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/);
    const url = new URL(link).origin;
    const token = new URL(link).searchParams.get('token');
    expect(existsSync(join(dataDir, 'store'))).toBe(true);
    // No SCHEMATA_SECRET_KEY: the key of stored target URLs is made here, readable by its owner only.
    expect(statSync(join(dataDir, 'secret.key')).mode & 0o777).toBe(0o600);
    const health = await fetch(`${url}/api/health`);
    expect(await health.json()).toMatchObject({ ok: true });
    const project = { method: 'POST', body: JSON.stringify({ name: 'kept', document: { tables: [] } }) };
    const anonymous = await fetch(`${url}/api/projects`, { ...project, headers: { 'content-type': 'application/json' } });
    expect(anonymous.status).toBe(401);
    const created = await fetch(`${url}/api/projects`, { ...project, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } });
    expect(created.status).toBe(201);
    // The link sets the cookie the page's own requests then carry.
    const opened = await fetch(link, { redirect: 'manual' });
    expect(opened.status).toBe(302);
    const cookie = opened.headers.getSetCookie()[0]?.split(';')[0] ?? '';
    expect((await fetch(`${url}/api/projects`, { headers: { cookie } })).status).toBe(200);
    expect(server.output()).not.toMatch(/warning/);
    server.child.kill('SIGTERM');
    expect(await server.exit).toBe(0);
    expect(server.output()).toMatch(/SIGTERM received, stopping/);
  });

  it('takes SCHEMATA_TOKEN, and on a non-loopback HOST warns that the studio is reachable from the network', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'schemata-index-token-'));
    dirs.push(dataDir);
    const token = 'a-chosen-token-of-32-characters!';
    const server = start({ PORT: '0', HOST: '0.0.0.0', SCHEMATA_TOKEN: token, SCHEMATA_DATA: dataDir, SCHEMATA_STORE_URL: '', SCHEMATA_SECRET_KEY: '' });
    const link = await server.url;
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=a-chosen-token-of-32-characters!$/);
    await expect.poll(server.output).toMatch(/^Schemata: warning: HOST=0\.0\.0\.0 makes the studio reachable from the network; /m);
    const url = new URL(link).origin;
    expect((await fetch(`${url}/api/projects`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    expect((await fetch(`${url}/api/projects`, { headers: { authorization: 'Bearer a-chosen-token-of-32-characters?' } })).status).toBe(401);
    server.child.kill('SIGTERM');
    expect(await server.exit).toBe(0);
  });

  it.each([
    [{ HOST: '0.0.0.0' }, 'HOST=0.0.0.0 makes the studio reachable from the network: set SCHEMATA_TOKEN too'],
    [{ HOST: '192.168.7.7', SCHEMATA_TOKEN: '' }, 'HOST=192.168.7.7 makes the studio reachable from the network: set SCHEMATA_TOKEN too'],
    [{ HOST: '127.0.0.1', SCHEMATA_TOKEN: 'tiny' }, 'SCHEMATA_TOKEN is 4 characters long: use at least 16'],
  ])('refuses to start with %j, in one line', async (env, message) => {
    const server = start({ PORT: '0', SCHEMATA_TOKEN: '', ...env });
    const neverRunning = server.url.then(() => 'started', () => 'not started');
    expect(await server.exit).toBe(1);
    expect(await neverRunning).toBe('not started');
    const lines = server.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`Schemata could not start: ${message}`);
  });

  it('fails with one line when the key file is not a key', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'schemata-index-key-'));
    dirs.push(dataDir);
    await writeFile(join(dataDir, 'secret.key'), 'hello');
    const server = start({ PORT: '0', SCHEMATA_DATA: dataDir, SCHEMATA_STORE_URL: '', SCHEMATA_SECRET_KEY: '' });
    const neverRunning = server.url.then(() => 'started', () => 'not started');
    expect(await server.exit).toBe(1);
    expect(await neverRunning).toBe('not started');
    expect(server.output().trim()).toBe(`Schemata could not start: ${join(dataDir, 'secret.key')} is 5 bytes long, not 32: `
      + 'it is not a Schemata secret key (put the right file back, or set SCHEMATA_SECRET_KEY)');
  });

  it('fails with one line when the store cannot be reached', async () => {
    const server = start({ PORT: '0', SCHEMATA_STORE_URL: 'postgres://nobody:secret@127.0.0.1:1/none' });
    const neverRunning = server.url.then(() => 'started', () => 'not started');
    expect(await server.exit).toBe(1);
    expect(await neverRunning).toBe('not started');
    expect(server.output().trim()).toMatch(/^Schemata could not start: cannot connect to PostgreSQL at 127\.0\.0\.1:1\/none: connection refused/);
    expect(server.output()).not.toContain('secret');
  });
});
