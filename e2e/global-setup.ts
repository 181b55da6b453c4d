/**
 * Runs once, before any worker starts: builds what every worker's server serves, so two workers
 * never build at the same time. The test client (`--mode test`, with the `window.__schemata` hook)
 * into its own folder, and the compiled server in dist/server/; each only when a source is newer
 * than its last build (a clean clone always builds both).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');

function node(script: string, args: string[]): void {
  execFileSync(process.execPath, [join(ROOT, 'scripts', script), ...args], { cwd: ROOT, stdio: 'inherit' });
}

export default function buildForJourneys(): void {
  const clientDir = process.env.SCHEMATA_E2E_CLIENT_DIR;
  if (!clientDir) throw new Error('SCHEMATA_E2E_CLIENT_DIR is not set: run the journeys through playwright.config.ts');
  node('build-client.mjs', ['--if-stale', '--mode', 'test', '--out-dir', clientDir]);
  node('build-server.mjs', ['--if-stale']);
}
