/**
 * For tests: serves `createApp(deps)` on an ephemeral loopback port and sends raw HTTP requests
 * (node:http, so tests control every header, Host and Origin included). Requests carry the app's
 * access token as `Authorization: Bearer` unless a test asks for `anonymous` (or sends its own).
 * Every `/api` answer is checked against the HTTP contract (`testing/contract.ts`): one that does not
 * match its route's schema in `shared/api/` rejects the request, failing the test.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createApp } from '../app.ts';
import { checkContract } from '../testing/contract.ts';
import type { AppDeps } from './deps.ts';
import { makeToken } from './token.ts';
import { coEditingRooms } from '../together/rooms.ts';
import { serveCoEditing } from '../together/upgrade.ts';

export interface TestResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** The body parsed as JSON (undefined when it is not JSON). */
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface RequestOptions {
  body?: unknown;
  /** Sent as is (already serialized), instead of `body`. */
  rawBody?: string;
  headers?: Record<string, string>;
  /** Without the `Authorization: Bearer` header the test server adds by default (to test the 401s). */
  anonymous?: boolean;
}

export interface TestServer {
  port: number;
  /** `Host` header of a legitimate request: `127.0.0.1:<port>`. */
  host: string;
  /** The access token the app was made with (generated unless the test passed one). */
  token: string;
  request: (method: string, path: string, options?: RequestOptions) => Promise<TestResponse>;
  close: () => Promise<void>;
}

export async function startTestServer(deps: Partial<AppDeps> = {}): Promise<TestServer> {
  const token = deps.token ?? makeToken();
  // Co-editing rooms beside the API, as `index.ts` serves them (only with a store to keep them in).
  const rooms = deps.store ? coEditingRooms(deps.store, (m) => process.env.DEBUG_LIVE && console.log(m)) : undefined;
  const app = createApp({ log: { error: () => undefined }, live: rooms, ...deps, token });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const stopCoEditing = rooms ? serveCoEditing(server, { ...deps, token, rooms }) : undefined;
  const { port } = server.address() as AddressInfo;
  const host = `127.0.0.1:${port}`;
  const request = (method: string, path: string, options: RequestOptions = {}) =>
    new Promise<TestResponse>((resolve, reject) => {
      const payload = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
      const headers: Record<string, string> = {
        host,
        ...(options.anonymous ? {} : { authorization: `Bearer ${token}` }),
        ...(payload !== undefined ? { 'content-type': 'application/json' } : {}),
        ...options.headers,
      };
      const req = httpRequest({ host: '127.0.0.1', port, method, path, headers, setHost: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          const status = res.statusCode ?? 0;
          try {
            checkContract(method, path, { status, contentType: String(res.headers['content-type'] ?? ''), text });
          } catch (error) {
            reject(error as Error);
            return;
          }
          resolve({ status, headers: res.headers, text, json });
        });
      });
      req.on('error', reject);
      req.end(payload);
    });
  const close = async () => {
    stopCoEditing?.();
    await rooms?.close();
    await closeServer();
  };
  const closeServer = () => new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
  return { port, host, token, request, close };
}

/** A stand-in for the built client in a temporary folder: `index.html`, `assets/app.js` and `files`. */
export async function makeClientDir(files: Record<string, string> = {}): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'schemata-client-'));
  await mkdir(join(dir, 'assets'));
  const all = { 'index.html': '<!doctype html><title>Schemata</title><div id="root"></div>', 'assets/app.js': 'console.log("app")', ...files };
  for (const [path, text] of Object.entries(all)) await writeFile(join(dir, path), text);
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
