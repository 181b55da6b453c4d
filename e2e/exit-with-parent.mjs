// Preloaded (`--import`) into each worker's studio server (e2e/studio-server.ts). Its stdin is a pipe
// from the Playwright worker that started it, and the pipe closes when that worker ends however it
// ends (a killed run included): the server then stops as on SIGTERM instead of holding its port.
//
// `--import` is inherited by the server's own worker threads and forked processes, whose stdin ends
// at once: there the watch would stop the server in the middle of a plan. So it runs only in the
// process studio-server.ts started, which it knows by the variable it removes before anything forks.
import { isMainThread } from 'node:worker_threads';

const watch = isMainThread && process.env.SCHEMATA_EXIT_WITH_STDIN === '1';
delete process.env.SCHEMATA_EXIT_WITH_STDIN;
if (watch) {
  process.stdin.on('error', () => undefined);
  process.stdin.on('end', () => process.kill(process.pid, 'SIGTERM'));
  process.stdin.resume();
}
