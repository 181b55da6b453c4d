/**
 * vitest's global setup: the tests that start the CLI (or the studio) as a process run the compiled
 * JavaScript in dist/server/ (`cli-process.ts`), so it is built first when a source is newer than it.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export default function buildCompiledServer(): void {
  const root = join(import.meta.dirname, '..', '..');
  execFileSync(process.execPath, [join(root, 'scripts', 'build-server.mjs'), '--if-stale'], { cwd: root, stdio: 'inherit' });
}
