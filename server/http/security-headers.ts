/**
 * Headers on every answer that bound what a studio page may do, so that a flaw elsewhere (text
 * from a model rendered where it should not be, a hostile page around the studio) reaches less:
 *
 * - `Content-Security-Policy`: scripts, workers, styles, fonts and requests only from the studio
 *   itself (its API, and its rooms' WebSocket); WebAssembly may be compiled (PostgreSQL's parser),
 *   JavaScript may not (no `eval`, no `new Function`); no plugins, no `<base>` to move relative
 *   URLs elsewhere, forms post only to the studio. Inline styles stay allowed: the editor and the
 *   canvas write `<style>` elements and style attributes.
 * - No framing (`frame-ancestors 'none'`, and `X-Frame-Options: DENY` for browsers without CSP 2):
 *   a page around the studio could otherwise trick a click onto Apply. The read-only embed
 *   (`/shared?embed`) exists to sit in a wiki's frame, so it may be framed.
 * - `X-Content-Type-Options: nosniff`: an answer is only ever what its type says (a JSON error that
 *   echoes a name is never run as a script).
 * - `Referrer-Policy: same-origin`: a link out of the studio does not tell where it came from (a
 *   project's id, the shared page). Not `no-referrer`: with it, a browser that follows the Fetch
 *   standard to the letter sends `Origin: null` on the page's own writes, which the origin guard
 *   rightly refuses.
 */
import type { Request, RequestHandler } from 'express';

/** The policy's directives, in order; `frameable` leaves out `frame-ancestors`. */
export function contentSecurityPolicy(options: { host?: string; frameable: boolean }): string {
  // CSP 3 lets 'self' match the page's own ws:/wss:, but older engines need them named.
  const sockets = options.host ? [`ws://${options.host}`, `wss://${options.host}`] : [];
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'", "'wasm-unsafe-eval'"],
    ['style-src', "'self'", "'unsafe-inline'"],
    ['img-src', "'self'", 'data:', 'blob:'],
    ['font-src', "'self'", 'data:'],
    ['connect-src', "'self'", ...sockets],
    ['worker-src', "'self'", 'blob:'],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'self'"],
    ...(options.frameable ? [] : [['frame-ancestors', "'none'"] as [string, string]]),
  ];
  return directives.map((directive) => directive.join(' ')).join('; ');
}

/** The read-only embed, the one page meant to be framed (share-access.ts redirects a link there). */
export function isEmbedPage(req: Pick<Request, 'path' | 'query'>): boolean {
  return req.path === '/shared' && req.query.embed !== undefined;
}

/** A `Host` header fit to be written into the policy (the origin guard has already checked it is ours). */
const HOST = /^[a-z0-9.-]+(?::\d{1,5})?$|^\[[0-9a-f:.]+\](?::\d{1,5})?$/i;

export function securityHeaders(): RequestHandler {
  return (req, res, next) => {
    const frameable = isEmbedPage(req);
    const host = HOST.test(req.headers.host ?? '') ? req.headers.host : undefined;
    res.setHeader('Content-Security-Policy', contentSecurityPolicy({ host, frameable }));
    if (!frameable) res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'same-origin');
    next();
  };
}
