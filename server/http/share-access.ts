/**
 * Read-only share links at the door. Runs before the token guard (`token.ts`):
 * - a page opened with `?share=<token>` gets an HttpOnly cookie for that link and is redirected to
 *   `/shared` (`?embed` kept), so the token leaves the address bar and the history, like `?token=`;
 * - an API request with the studio token passes untouched (the studio wins over a share cookie);
 * - one with a share link (its cookie, or `Authorization: Bearer shr_…`) may read its project and
 *   nothing else: 403 `forbidden` for every other route, 401 at once for a revoked link.
 * Why a separate token rather than the studio's: the studio token opens everything (targets,
 * applies); a link handed to a wiki must show one diagram and be revocable on its own.
 */
import type { Request, RequestHandler } from 'express';
import type { AppDeps } from './deps.ts';
import { HttpError } from './errors.ts';
import { bearerOf, cookieValue, isApi, tokenCookieName, tokensEqual } from './token.ts';
import { isShareToken } from '../store/share-links.ts';

export const READ_ONLY_MESSAGE = 'this is a read-only link: it shows one project and changes nothing';

export function shareCookieName(port: number): string {
  return `schemata-share-${port}`;
}

/** What a share link may do: read its own project, ask which project that is, and what anyone may (health). */
function readOnlyAllows(req: Request, projectId: string): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  return ['/api/health', '/api/access', '/api/shared', `/api/projects/${encodeURIComponent(projectId)}`].includes(req.path);
}

/** `/shared`, keeping only `embed`: the page needs nothing else of the link. */
function sharedPage(req: Request): string {
  return req.query.embed !== undefined ? '/shared?embed' : '/shared';
}

export function shareGuard({ token, store }: AppDeps): RequestHandler {
  return async (req, res, next) => {
    const port = req.socket.localPort ?? 0;
    if (!isApi(req)) {
      const linked = req.query.share;
      if ((req.method !== 'GET' && req.method !== 'HEAD') || linked === undefined) return next();
      if (typeof linked === 'string' && store && (await store.shareLinks.projectOf(linked))) {
        res.cookie(shareCookieName(port), linked, { httpOnly: true, sameSite: 'strict', path: '/', secure: req.secure });
      }
      // An unknown or revoked link leaves the address bar too: the page then says it no longer works.
      res.set('Cache-Control', 'no-store');
      res.redirect(302, sharedPage(req));
      return;
    }
    const bearer = bearerOf(req);
    const studio = bearer ?? cookieValue(req, tokenCookieName(port));
    if (studio !== undefined && tokensEqual(studio, token)) return next();
    const share = bearer !== undefined && isShareToken(bearer) ? bearer : cookieValue(req, shareCookieName(port));
    if (share === undefined) return next(); // no share link either: the token guard answers 401
    const projectId = store ? await store.shareLinks.projectOf(share) : undefined;
    if (!projectId) {
      res.set('WWW-Authenticate', 'Bearer realm="schemata"');
      throw new HttpError(401, 'unauthorized', 'this share link was revoked or is not valid: ask its owner for a new one');
    }
    if (!readOnlyAllows(req, projectId)) throw new HttpError(403, 'forbidden', READ_ONLY_MESSAGE);
    res.locals.shareProjectId = projectId;
    next();
  };
}
