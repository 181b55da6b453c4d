/** The studio as `npm start` runs it: a real process, its start-up line, its data directory, a clean stop. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');

function start(env: Record<string, string>): { child: ChildProcess; output: () => string; url: Promise<string>; exit: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], { cwd: ROOT, env: { ...process.env, ...env } });
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
    const url = await server.url;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(existsSync(join(dataDir, 'store'))).toBe(true);
    // No SCHEMATA_SECRET_KEY: the key of stored target URLs is made here, readable by its owner only.
    expect(statSync(join(dataDir, 'secret.key')).mode & 0o777).toBe(0o600);
    const health = await fetch(`${url}/api/health`);
    expect(await health.json()).toMatchObject({ ok: true });
    const created = await fetch(`${url}/api/projects`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'kept', document: { tables: [] } }),
    });
    expect(created.status).toBe(201);
    server.child.kill('SIGTERM');
    expect(await server.exit).toBe(0);
    expect(server.output()).toMatch(/SIGTERM received, stopping/);
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
