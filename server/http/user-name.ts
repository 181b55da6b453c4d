/**
 * Who asked for an apply or revert: the name the user gave in their browser, sent URI-encoded in
 * `X-Schemata-User` (`shared/api/user-name.ts`). A missing or invalid header (not URI encoding,
 * control characters, too long) records no name rather than refusing: the name labels the history,
 * it never decides whether a migration runs.
 */
import type { Request } from 'express';
import { decodeUserNameHeader, USER_NAME_HEADER } from '../../shared/api/user-name.ts';

export function appliedBy(req: Request): { appliedBy?: string } {
  const name = decodeUserNameHeader(req.get(USER_NAME_HEADER));
  return name ? { appliedBy: name } : {};
}
