/**
 * The studio's access token, the way Jupyter does it: a random token made at start (or
 * `SCHEMATA_TOKEN`), printed in the start-up link `…/?token=<t>`. Opening any page with `?token=`
 * sets an HttpOnly cookie and redirects to the same URL without it (so the token leaves the address
 * bar and the history); every `/api/*` request then needs that cookie or `Authorization: Bearer <t>`,
 * except `GET /api/health` (start-up probes). The page itself loads without the token: it shows an
 * access screen when the API answers 401.
 * Why: without it, any process on the machine (or anyone on the network with HOST=0.0.0.0) could add
 * database targets and apply migrations; the origin guard only stops other web pages.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Router, type Request, type RequestHandler } from 'express';
import { HttpError } from './errors.ts';

/** 32 random bytes, url-safe (base64url: no `+`, `/` or `=` to escape in a link). */
export function makeToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Constant-time comparison. Both sides are hashed first: `timingSafeEqual` needs equal lengths, and
 * comparing lengths directly would tell an attacker the token's length.
 */
export function tokensEqual(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

export const UNAUTHORIZED_MESSAGE =
  'open the studio with the link it printed at start (…?token=…) or send Authorization: Bearer <token>';

export const unauthorized = () => new HttpError(401, 'unauthorized', UNAUTHORIZED_MESSAGE);

/**
 * Cookies ignore ports, so two studios on 127.0.0.1 would overwrite one shared cookie: the name
 * carries the port the server listens on (under `npm run dev`, Vite's proxy forwards to it, so
 * setting and reading agree).
 */
export function tokenCookieName(port: number): string {
  return `schemata-token-${port}`;
}

/** `res.cookie` percent-encodes the value (a `SCHEMATA_TOKEN` may hold any character). */
function decodedCookie(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

export function cookieValue(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodedCookie(part.slice(eq + 1).trim());
  }
  return undefined;
}

export function bearerOf(req: Request): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  return match?.[1];
}

/**
 * The request's URL without its `token` parameter(s), as a path: the redirect stays on the host the
 * browser used. Leading slashes collapse to one: `/.//evil.example` normalizes to `//evil.example`,
 * which a browser would follow to another site.
 */
export function withoutToken(originalUrl: string): string {
  const url = new URL(originalUrl, 'http://studio.invalid');
  url.searchParams.delete('token');
  return `${url.pathname.replace(/^\/+/, '/')}${url.search}`;
}

function isPublic(req: Request): boolean {
  return (req.method === 'GET' || req.method === 'HEAD') && req.path === '/api/health';
}

export function isApi(req: Request): boolean {
  return req.path === '/api' || req.path.startsWith('/api/');
}

export interface TokenGuardOptions {
  /** The studio's access token. */
  token: string;
}

/** Sets the cookie from a `?token=` page link, and refuses `/api/*` requests that carry no valid token (401). */
export function tokenGuard({ token }: TokenGuardOptions): RequestHandler {
  if (!token) throw new Error('the studio needs an access token');
  return (req, res, next) => {
    const cookieName = tokenCookieName(req.socket.localPort ?? 0);
    if (isApi(req)) {
      // A read-only share link the share guard (share-access.ts) let through for this request.
      if (isPublic(req) || res.locals.shareProjectId) return next();
      const given = bearerOf(req) ?? cookieValue(req, cookieName);
      if (given === undefined || !tokensEqual(given, token)) {
        res.set('WWW-Authenticate', 'Bearer realm="schemata"');
        throw unauthorized();
      }
      return next();
    }
    const linked = req.query.token;
    if ((req.method === 'GET' || req.method === 'HEAD') && linked !== undefined) {
      if (typeof linked === 'string' && tokensEqual(linked, token)) {
        // Secure only over https: on plain http the browser would drop a Secure cookie.
        res.cookie(cookieName, token, { httpOnly: true, sameSite: 'strict', path: '/', secure: req.secure });
      }
      // A wrong or stale token leaves the address bar too: the page then shows its access screen.
      res.set('Cache-Control', 'no-store');
      res.redirect(302, withoutToken(req.originalUrl));
      return;
    }
    // A page without the token still loads: the client shows its access screen on the first 401.
    next();
  };
}

/** `GET /api/access`: 204 once the token guard let the request through; the client asks it at boot. */
export function accessRoutes(): Router {
  const router = Router();
  router.get('/access', (_req, res) => {
    res.status(204).end();
  });
  return router;
}
