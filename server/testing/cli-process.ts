/** Runs the CLI (or any command line) as users do: a real process, real pipes, from the repository root. */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
/** The compiled CLI (scripts/build-server.mjs; vitest's global setup builds it when stale): no tsx start-up per run. */
export const CLI = 'node dist/server/cli.js';

export interface ProcessRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a shell command line (`set -o pipefail`, so a pipe fails as a whole). */
export function sh(command: string, cwd = ROOT): Promise<ProcessRun> {
  return new Promise((done, fail) => {
    const child = spawn('bash', ['-c', `set -o pipefail; ${command}`], { cwd, env: { ...process.env, NODE_NO_WARNINGS: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

/** Single-quotes an argument for `sh`. */
export const shellQuote = (arg: string) => `'${arg.replace(/'/g, `'\\''`)}'`;

/** `cli <args>` in its own process. */
export const cliProcess = (args: string[]) => sh(`${CLI} ${args.map(shellQuote).join(' ')}`);
