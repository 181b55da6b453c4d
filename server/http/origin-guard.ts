/**
 * Refuses requests that did not come from the studio's own page. A local studio can alter
 * databases, so a page on another site must not drive it:
 * - `Host` must name this server (a loopback name or the configured host, with the port the request
 *   arrived on): this defeats DNS rebinding, where evil.example resolves to 127.0.0.1;
 * - `Origin`, when the browser sends one, must be this same origin: this stops cross-site requests.
 * `allowedOrigins` adds origins that may front the studio (e.g. Vite's dev server on :5173).
 */
import type { RequestHandler } from 'express';
import { forbiddenOrigin } from './errors.ts';

const HOW_TO_ALLOW = 'set SCHEMATA_ALLOWED_ORIGINS to allow another origin';
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];
const WILDCARD_HOSTS = new Set(['', '0.0.0.0', '::', '[::]']);

export interface OriginGuardOptions {
  /** The configured HOST (a wildcard address adds nothing: name the host through `allowedOrigins`). */
  host?: string;
  /** Extra full origins, e.g. `http://localhost:5173`; their host:port is accepted as `Host` too. */
  allowedOrigins?: string[];
}

function hostNameForHeader(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

/** The `host:port` values a request arriving on `port` may carry, lower-cased. */
export function allowedHostHeaders(port: number, options: OriginGuardOptions): Set<string> {
  const names = [...LOOPBACK_NAMES];
  const configured = options.host?.trim().toLowerCase() ?? '';
  if (!WILDCARD_HOSTS.has(configured)) names.push(hostNameForHeader(configured));
  const allowed = new Set(names.map((name) => `${name}:${port}`));
  // Browsers leave the default port out of Host.
  if (port === 80) names.forEach((name) => allowed.add(name));
  for (const origin of options.allowedOrigins ?? []) allowed.add(new URL(origin).host.toLowerCase());
  return allowed;
}

export function originGuard(options: OriginGuardOptions = {}): RequestHandler {
  const extraOrigins = new Set((options.allowedOrigins ?? []).map((o) => new URL(o).origin.toLowerCase()));
  const allowedByPort = new Map<number, Set<string>>();
  return (req, _res, next) => {
    const host = (req.headers.host ?? '').toLowerCase();
    const port = req.socket.localPort ?? 0;
    let allowed = allowedByPort.get(port);
    if (!allowed) allowedByPort.set(port, (allowed = allowedHostHeaders(port, options)));
    if (!allowed.has(host)) {
      throw forbiddenOrigin(`refused: the Host header "${host}" is not this studio's address (${HOW_TO_ALLOW})`);
    }
    const origin = req.headers.origin;
    if (origin !== undefined) {
      const sameOrigin = origin.toLowerCase() === `http://${host}`;
      if (!sameOrigin && !extraOrigins.has(origin.toLowerCase())) {
        throw forbiddenOrigin(`refused: requests from the page at "${origin}" may not use this studio (${HOW_TO_ALLOW})`);
      }
    }
    next();
  };
}
