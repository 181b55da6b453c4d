/**
 * Read-only share links of saved projects (`schemata.share_links`, store step 4). Only the token's
 * SHA-256 is kept: a stolen store does not hand out working links, and the URL is shown once. Share
 * tokens start with `shr_` so a Bearer header says which kind of token it carries.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { ShareLinkList } from '../../shared/api/share-links.ts';
import type { SqlClient } from '../db/sql-client.ts';

export const SHARE_TOKEN_PREFIX = 'shr_';

export function isShareToken(value: string): boolean {
  return value.startsWith(SHARE_TOKEN_PREFIX);
}

const sha256 = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');
const iso = (value: Date | string) => new Date(value).toISOString();

export interface ShareLinkStore {
  /** A fresh link to `projectId` (undefined: no such project); the token is returned this once. */
  create(projectId: string): Promise<{ id: string; token: string; createdAt: string } | undefined>;
  list(projectId: string): Promise<ShareLinkList>;
  /** False when the project has no such link. */
  revoke(projectId: string, linkId: string): Promise<boolean>;
  /** The project a token opens, or undefined (unknown or revoked). */
  projectOf(token: string): Promise<string | undefined>;
}

export function shareLinkStore(db: SqlClient): ShareLinkStore {
  return {
    async create(projectId) {
      const token = SHARE_TOKEN_PREFIX + randomBytes(32).toString('base64url');
      const rows = await db.query<{ id: string; created_at: Date | string }>(
        `INSERT INTO schemata.share_links (id, project_id, token_sha256)
         SELECT $1, id, $3 FROM schemata.projects WHERE id = $2
         RETURNING id, created_at`,
        [randomUUID(), projectId, sha256(token)],
      );
      return rows[0] && { id: rows[0].id, token, createdAt: iso(rows[0].created_at) };
    },
    async list(projectId) {
      const rows = await db.query<{ id: string; created_at: Date | string }>(
        'SELECT id, created_at FROM schemata.share_links WHERE project_id = $1 ORDER BY created_at, id', [projectId]);
      return rows.map((r) => ({ id: r.id, createdAt: iso(r.created_at) }));
    },
    async revoke(projectId, linkId) {
      const rows = await db.query<{ id: string }>(
        'DELETE FROM schemata.share_links WHERE project_id = $1 AND id = $2 RETURNING id', [projectId, linkId]);
      return rows.length > 0;
    },
    async projectOf(token) {
      if (!isShareToken(token)) return undefined;
      const [row] = await db.query<{ project_id: string }>(
        'SELECT project_id FROM schemata.share_links WHERE token_sha256 = $1', [sha256(token)]);
      return row?.project_id;
    },
  };
}
