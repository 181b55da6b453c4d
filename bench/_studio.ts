// For the benches: the real studio (dist/server/index.js, what `npm start` runs, built when stale) on
// a free port, its data in a throwaway directory, its own access token. `env` adds to its
// environment (a shared store: SCHEMATA_STORE_URL); `SCHEMATA_BENCH_CLIENT` may name another build
// of the client (e.g. one made with `vite build --outDir`) so a change can be measured without
// touching dist/client. `SCHEMATA_BENCH_KEEP=1` keeps the data directory (and what a bench saves there).
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');

export interface BenchStudio {
  url: string;
  /** The access token: API calls send it as a bearer, a page opens `/?token=…`. */
  token: string;
  dataDir: string;
  stop: () => Promise<void>;
}

export async function startStudio(env: Record<string, string> = {}): Promise<BenchStudio> {
  const dataDir = mkdtempSync(join(tmpdir(), 'schemata-bench-'));
  const token = randomBytes(32).toString('base64url');
  const clientDir = process.env.SCHEMATA_BENCH_CLIENT;
  // Compiled, as users run it: tsx would compile the server on every start.
  const built = spawnSync(process.execPath, ['scripts/build-server.mjs', '--if-stale'], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('scripts/build-server.mjs failed');
  const child = spawn(process.execPath, ['dist/server/index.js'], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', SCHEMATA_DATA: dataDir, SCHEMATA_TOKEN: token, ...(clientDir ? { SCHEMATA_CLIENT_DIR: clientDir } : {}), ...env },
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    if (!process.env.SCHEMATA_BENCH_KEEP) rmSync(dataDir, { recursive: true, force: true });
  };
  // PORT=0: the studio prints the port it got.
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('the studio did not start within 120 s')), 120_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = out.match(/running at (http:\/\/[\d.]+:\d+)/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`the studio exited with code ${code}`)));
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  // The studio warms its sandbox database (PGlite) at start: seconds of CPU that would be counted.
  await fetch(`${url}/api/targets/sandbox/test`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
  return { url, token, dataDir, stop };
}
