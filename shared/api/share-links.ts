/**
 * Read-only share links (`server/routes/share-links.ts`): a revocable token scoped to one saved
 * project. Made, listed and revoked with the studio token only. Opening `/?share=<token>` sets an
 * HttpOnly cookie for the link and redirects to `/shared` (`?embed` kept): with it the API answers
 * `GET /api/shared` and `GET /api/projects/<its project>` and nothing else (403 `forbidden`,
 * "this is a read-only link"); a revoked link answers 401 at its next request.
 */
import * as z from 'zod';

/** `POST /api/projects/:id/share-links` (no body): the URL carries the token and is shown this once. */
export const createShareLinkResponseZod = z.object({ id: z.string(), url: z.string(), createdAt: z.string() });
export type CreateShareLinkResponse = z.infer<typeof createShareLinkResponseZod>;

/** `GET /api/projects/:id/share-links`: the project's links, oldest first (never their tokens). */
export const shareLinkListResponseZod = z.array(z.object({ id: z.string(), createdAt: z.string() }));
export type ShareLinkList = z.infer<typeof shareLinkListResponseZod>;

/** `GET /api/shared`: which project the read-only page shows (a share link session only). */
export const sharedSessionResponseZod = z.object({ projectId: z.string(), projectName: z.string() });
export type SharedSessionResponse = z.infer<typeof sharedSessionResponseZod>;
