/**
 * Starts the studio: `HOST`/`PORT` (default 127.0.0.1:4780), data under `SCHEMATA_DATA` (default
 * `./data`), the project store in `SCHEMATA_STORE_URL` or an embedded database under the data
 * directory. `SCHEMATA_SECRET_KEY` is the key target URLs are encrypted with in the store (absent:
 * `<data>/secret.key`, made on first start). `SCHEMATA_ALLOWED_ORIGINS` (comma-separated) names extra
 * origins allowed to use the studio; under `npm run dev` it defaults to Vite's dev server.
 * `SCHEMATA_TOKEN` is the access token (absent: a random one per start); the start-up line prints the
 * link that carries it. A `HOST` beyond loopback refuses to start without `SCHEMATA_TOKEN`. Stops
 * cleanly on SIGINT/SIGTERM.
 */
import { mkdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import { resolve } from 'node:path';
import { createApp } from './app.ts';
import { openTargetService } from './db/targets.ts';
import { timeoutDefaults, type ApplyTimeouts } from './db/timeouts.ts';
import { importTimeoutMs } from './io/import-pool.ts';
import { accessLink, accessToken, isLoopbackHost } from './http/token-config.ts';
import { openStore, storeUrl } from './store/index.ts';
import { coEditingRooms } from './together/rooms.ts';
import { serveCoEditing } from './together/upgrade.ts';

interface Config {
  host: string;
  port: number;
  dataDir: string;
  storeUrl?: string;
  /** Never printed: it decrypts every stored target URL. */
  secretKey?: string;
  allowedOrigins: string[];
  /** The access token: printed in the start-up link, nowhere else. */
  token: string;
  /** `SCHEMATA_LOCK_TIMEOUT_MS` / `SCHEMATA_STATEMENT_TIMEOUT_MS`: an apply's defaults. */
  timeouts: ApplyTimeouts;
  /** `SCHEMATA_IMPORT_TIMEOUT_MS`. */
  importTimeoutMs: number;
}

/** Under `npm run dev` the page comes from Vite's dev server, which proxies `/api` here. */
const VITE_DEV_ORIGINS = ['http://localhost:5173', 'http://127.0.0.1:5173'];

function readConfig(env: NodeJS.ProcessEnv): Config {
  const port = Number(env.PORT ?? 4780);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  const listed = env.SCHEMATA_ALLOWED_ORIGINS ?? (env.npm_lifecycle_event === 'dev' ? VITE_DEV_ORIGINS.join(',') : '');
  const allowedOrigins = listed.split(',').map((o) => o.trim()).filter(Boolean);
  for (const origin of allowedOrigins) {
    if (!URL.canParse(origin)) throw new Error(`SCHEMATA_ALLOWED_ORIGINS: "${origin}" is not an origin like http://localhost:5173`);
  }
  const host = env.HOST?.trim() || '127.0.0.1';
  return {
    host,
    port,
    dataDir: resolve(env.SCHEMATA_DATA?.trim() || './data'),
    storeUrl: env.SCHEMATA_STORE_URL?.trim() || undefined,
    secretKey: env.SCHEMATA_SECRET_KEY?.trim() || undefined,
    allowedOrigins,
    token: accessToken(env, host),
    // Read here, once: a bad value stops the studio with the variable's name.
    timeouts: timeoutDefaults(env),
    importTimeoutMs: importTimeoutMs(env),
  };
}

function urlOf(host: string, port: number): string {
  const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${port}`;
}

async function main(): Promise<void> {
  const config = readConfig(process.env);
  await mkdir(config.dataDir, { recursive: true });
  const store = await openStore({ url: config.storeUrl, dataDir: config.dataDir });
  const targets = await openTargetService({
    storeUrl: storeUrl({ url: config.storeUrl, dataDir: config.dataDir }), dataDir: config.dataDir, secretKey: config.secretKey, warmSandbox: true,
  });
  // SCHEMATA_CLIENT_DIR: serve another build of the client (the browser tests use their own).
  const clientDir = process.env.SCHEMATA_CLIENT_DIR?.trim() ? resolve(process.env.SCHEMATA_CLIENT_DIR.trim()) : undefined;
  const rooms = coEditingRooms(store, (message) => console.error(`Schemata: ${message}`));
  const app = createApp({ store, targets, host: config.host, allowedOrigins: config.allowedOrigins, clientDir, token: config.token,
    timeouts: config.timeouts, importTimeoutMs: config.importTimeoutMs, live: rooms });
  const server: Server = await new Promise((done, fail) => {
    const listening = app.listen(config.port, config.host, (error?: Error) => (error ? fail(error) : done(listening)));
  });
  const stopCoEditing = serveCoEditing(server, { host: config.host, allowedOrigins: config.allowedOrigins, token: config.token, rooms });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  console.log(`Schemata is running at ${accessLink(urlOf(config.host, port), config.token)} (store: ${store.displayUrl})`);
  if (!isLoopbackHost(config.host)) {
    console.log(`Schemata: warning: HOST=${config.host} makes the studio reachable from the network; anyone with the token `
      + 'can change the databases it knows, and plain http carries the token unencrypted');
  }
  if (config.allowedOrigins.length) console.log(`Schemata also accepts requests from ${config.allowedOrigins.join(', ')}`);
  if (config.storeUrl && !config.secretKey) {
    console.log('Schemata: the store is shared (SCHEMATA_STORE_URL) but SCHEMATA_SECRET_KEY is not set: targets added here '
      + `are encrypted with ${config.dataDir}/secret.key, and other studios on this store cannot use them`);
  }

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`Schemata: ${signal} received, stopping`);
    stopCoEditing();
    // Rooms save what they hold before the store closes.
    const roomsClosed = rooms.close().catch(() => undefined);
    server.close(() => {
      void roomsClosed.then(() => Promise.allSettled([targets.close(), store.close()])).finally(() => process.exit(0));
    });
    server.closeIdleConnections();
    // Long-running requests get a few seconds to finish, then the process exits anyway.
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(`Schemata could not start: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  process.exit(1);
});
