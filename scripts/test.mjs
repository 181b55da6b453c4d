#!/usr/bin/env node
/**
 * `npm test` after lint and types: the unit tests (vitest) and the browser journeys (Playwright) at
 * the same time. Why: the journeys spend most of their time waiting on the page (about a third of a
 * core on the 2-core machine), and the unit tests use a little over one core, so side by side they
 * end in about the time of the longer of the two instead of the sum.
 *
 * The vitest output is shown as it comes; the journeys' output is held until vitest ends and then
 * follows live, so neither log is interleaved with the other. The compiled server both use is built
 * first, once, so the two runners never build it at the same time. Exits non-zero when either fails.
 *
 * `npm run test:unit` and `npm run test:e2e` run one of them alone.
 */
import { spawn, execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'node_modules', '.bin');

execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-server.mjs'), '--if-stale'], { cwd: ROOT, stdio: 'inherit' });

function run(name, command, args, output) {
  const started = Date.now();
  const child = spawn(join(BIN, command), args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', output);
  child.stderr.on('data', output);
  return new Promise((resolve) => {
    child.on('close', (code, signal) => resolve({ name, code: code ?? 1, signal, seconds: Math.round((Date.now() - started) / 1000) }));
  });
}

// Held until the unit tests are done, then passed straight through.
let held = [];
const journeys = run('journeys (playwright)', 'playwright', ['test'], (chunk) => (held ? held.push(chunk) : process.stdout.write(chunk)));
const unit = await run('unit tests (vitest)', 'vitest', ['run'], (chunk) => process.stdout.write(chunk));
process.stdout.write('\n--- browser journeys (running since the start, output so far) ---\n');
for (const chunk of held) process.stdout.write(chunk);
held = undefined;
const results = [unit, await journeys];

let failed = false;
for (const { name, code, signal, seconds } of results) {
  const ok = code === 0;
  failed ||= !ok;
  console.log(`${ok ? 'passed' : 'FAILED'}: ${name} in ${seconds} s${ok ? '' : ` (exit ${signal ?? code})`}`);
}
process.exit(failed ? 1 : 0);
