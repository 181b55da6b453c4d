/**
 * One studio server for one Playwright worker: the compiled server (dist/server/index.js, built by
 * e2e/global-setup.ts) on the worker's own port, with its own data directory (so its own projects
 * and its own sandbox PGlite) and its own access token. Stopped, and its data removed, when the
 * worker ends. Its output goes to a log file beside the test results, named in any start-up error.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface StudioServer {
  url: string;
  token: string;
  stop(): Promise<void>;
}

/**
 * How long a start may take: the store and the sandbox (PGlite) initialise their databases first,
 * ~5 s on a quiet machine, over 100 s on one loaded many times over.
 */
export const START_TIMEOUT_MS = 240_000;
const ROOT = join(import.meta.dirname, '..');

async function healthy(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) })).ok;
  } catch {
    return false;
  }
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((done) => child.once('exit', () => done()));
}

/** Starts the server on `port` and resolves once `/api/health` answers. */
export interface StudioServerOptions {
  port: number;
  token: string;
  clientDir: string;
  logDir: string;
  /** More environment for the server (a shared store: `SCHEMATA_STORE_URL`, `SCHEMATA_SECRET_KEY`). */
  env?: Record<string, string>;
}

export async function startStudioServer(options: StudioServerOptions): Promise<StudioServer> {
  const url = `http://127.0.0.1:${options.port}`;
  // A server left over from a run that was killed would answer for this one, with another token.
  if (await healthy(url)) throw new Error(`port ${options.port} already has a studio on it (a run killed earlier?): stop it, or set SCHEMATA_E2E_PORT`);
  const dataDir = mkdtempSync(join(tmpdir(), 'schemata-e2e-'));
  mkdirSync(options.logDir, { recursive: true });
  const logPath = join(options.logDir, `server-${options.port}.log`);
  // Appended: a worker restarted after a failure reuses the port, and the failed server's last words matter.
  const log = createWriteStream(logPath, { flags: 'a' });
  const child = spawn(process.execPath, ['--enable-source-maps', '--import', join(ROOT, 'e2e', 'exit-with-parent.mjs'), join(ROOT, 'dist', 'server', 'index.js')], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(options.port), HOST: '127.0.0.1', SCHEMATA_DATA: dataDir, SCHEMATA_TOKEN: options.token,
      SCHEMATA_CLIENT_DIR: options.clientDir, SCHEMATA_EXIT_WITH_STDIN: '1', ...options.env },
    // stdin: the pipe whose end stops the server when this worker is gone (exit-with-parent.mjs).
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const gone = exited(child);

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      // The server exits within ~5 s of SIGTERM; a hung one is killed outright.
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await gone;
      clearTimeout(timer);
    }
    await new Promise<void>((done) => log.end(done));
    rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + START_TIMEOUT_MS;
  let stopped = false;
  void gone.then(() => { stopped = true; });
  while (!(await healthy(url))) {
    if (stopped || Date.now() > deadline) {
      const why = stopped ? `exited (${child.exitCode ?? child.signalCode})` : `did not answer in ${START_TIMEOUT_MS / 1000} s`;
      await stop();
      const output = readFileSync(logPath, 'utf8').trim().split('\n').slice(-20).join('\n');
      throw new Error(`the studio on port ${options.port} ${why} (log: ${logPath}):\n${output}`);
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  return { url, token: options.token, stop };
}

/** A fresh access token, as the server makes one when none is given. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}
