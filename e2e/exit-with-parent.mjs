// Preloaded (`--import`) into each worker's studio server (e2e/studio-server.ts). Its stdin is a pipe
// from the Playwright worker that started it, and the pipe closes when that worker ends however it
// ends (a killed run included): the server then stops as on SIGTERM instead of holding its port.
process.stdin.on('error', () => undefined);
process.stdin.on('end', () => process.kill(process.pid, 'SIGTERM'));
process.stdin.resume();
