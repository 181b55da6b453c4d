/**
 * Comment threads of saved projects in the studio's store (step 5 of `migrations.ts`): beside the
 * project, never inside its document, so a comment is not a model change (no save version, no DDL,
 * no diff). A thread and its comments go with their project (ON DELETE CASCADE). Sizes are bounded:
 * a body by the API schema, threads per project and comments per thread here.
 */
import { randomUUID } from 'node:crypto';
import type { CommentTarget, Thread, ThreadStatus } from '../../shared/api/comments.ts';
import type { SqlClient } from '../db/sql-client.ts';

export interface CommentLimits {
  threadsPerProject: number;
  commentsPerThread: number;
}
export const COMMENT_LIMITS: CommentLimits = { threadsPerProject: 5000, commentsPerThread: 500 };

/** A change that found nothing (no such project or thread), or was refused for size. */
export type CommentChange = { status: 'done'; thread: Thread } | { status: 'missing' } | { status: 'full'; limit: number };

type ThreadRow = {
  id: string;
  target_kind: 'table' | 'column';
  table_id: string;
  column_id: string | null;
  status: ThreadStatus;
  created_at: Date | string;
  resolved_at: Date | string | null;
  resolved_by: string | null;
};
type CommentRow = { id: string; thread_id: string; author: string; body: string; created_at: Date | string };

const iso = (value: Date | string) => new Date(value).toISOString();

function targetOf(row: ThreadRow): CommentTarget {
  return row.target_kind === 'column' && row.column_id
    ? { kind: 'column', tableId: row.table_id, columnId: row.column_id }
    : { kind: 'table', tableId: row.table_id };
}

function toThread(row: ThreadRow, comments: CommentRow[]): Thread {
  return {
    id: row.id,
    target: targetOf(row),
    status: row.status,
    createdAt: iso(row.created_at),
    resolvedAt: row.resolved_at ? iso(row.resolved_at) : null,
    resolvedBy: row.resolved_by,
    comments: comments.map((c) => ({ id: c.id, author: c.author, body: c.body, createdAt: iso(c.created_at) })),
  };
}

const THREAD_COLUMNS = 'id, target_kind, table_id, column_id, status, created_at, resolved_at, resolved_by';
const COMMENT_ORDER = 'order by created_at, id';

export function commentStore(db: SqlClient, limits: CommentLimits = COMMENT_LIMITS) {
  const projectExists = async (projectId: string) =>
    (await db.query('select 1 from schemata.projects where id = $1', [projectId])).length > 0;

  /** The thread of this project with its comments; undefined when either is not there. */
  async function thread(projectId: string, threadId: string): Promise<Thread | undefined> {
    const [row] = await db.query<ThreadRow>(
      `select ${THREAD_COLUMNS} from schemata.comment_threads where project_id = $1 and id = $2`, [projectId, threadId]);
    if (!row) return undefined;
    const comments = await db.query<CommentRow>(
      `select id, thread_id, author, body, created_at from schemata.comments where thread_id = $1 ${COMMENT_ORDER}`, [threadId]);
    return toThread(row, comments);
  }

  const done = async (projectId: string, threadId: string): Promise<CommentChange> => {
    const found = await thread(projectId, threadId);
    return found ? { status: 'done', thread: found } : { status: 'missing' };
  };

  return {
    /** Every thread of the project, oldest first; undefined when there is no such project. */
    async list(projectId: string): Promise<Thread[] | undefined> {
      if (!(await projectExists(projectId))) return undefined;
      const threads = await db.query<ThreadRow>(
        `select ${THREAD_COLUMNS} from schemata.comment_threads where project_id = $1 order by created_at, id`, [projectId]);
      const comments = await db.query<CommentRow>(
        `select c.id, c.thread_id, c.author, c.body, c.created_at from schemata.comments c
           join schemata.comment_threads t on t.id = c.thread_id
          where t.project_id = $1 order by c.created_at, c.id`, [projectId]);
      const byThread = new Map<string, CommentRow[]>();
      for (const c of comments) {
        const list = byThread.get(c.thread_id);
        if (list) list.push(c);
        else byThread.set(c.thread_id, [c]);
      }
      return threads.map((row) => toThread(row, byThread.get(row.id) ?? []));
    },

    /** A new open thread with its first comment, in one statement (a full project gets none). */
    async createThread(projectId: string, target: CommentTarget, body: string, author: string): Promise<CommentChange> {
      if (!(await projectExists(projectId))) return { status: 'missing' };
      const threadId = randomUUID();
      const [made] = await db.query<{ id: string }>(
        `with made as (
           insert into schemata.comment_threads (id, project_id, target_kind, table_id, column_id)
           select $1, $2, $3, $4, $5
            where (select count(*) from schemata.comment_threads where project_id = $2) < $6
           returning id
         )
         insert into schemata.comments (id, thread_id, author, body)
         select $7, id, $8, $9 from made returning thread_id as id`,
        [threadId, projectId, target.kind, target.tableId, target.kind === 'column' ? target.columnId : null,
          limits.threadsPerProject, randomUUID(), author, body],
      );
      if (!made) return { status: 'full', limit: limits.threadsPerProject };
      return done(projectId, threadId);
    },

    async reply(projectId: string, threadId: string, body: string, author: string): Promise<CommentChange> {
      if (!(await thread(projectId, threadId))) return { status: 'missing' };
      const [added] = await db.query<{ id: string }>(
        `insert into schemata.comments (id, thread_id, author, body)
         select $1, $2, $3, $4 where (select count(*) from schemata.comments where thread_id = $2) < $5
         returning id`,
        [randomUUID(), threadId, author, body, limits.commentsPerThread],
      );
      if (!added) return { status: 'full', limit: limits.commentsPerThread };
      return done(projectId, threadId);
    },

    /** Resolves (recording when and by whom) or reopens (forgetting both). */
    async setStatus(projectId: string, threadId: string, status: ThreadStatus, by: string): Promise<CommentChange> {
      await db.query(
        `update schemata.comment_threads
            set status = $3::text,
                resolved_at = case when $3::text = 'resolved' then now() end,
                resolved_by = case when $3::text = 'resolved' then $4::text end
          where project_id = $1 and id = $2`,
        [projectId, threadId, status, by],
      );
      return done(projectId, threadId);
    },
  };
}

export type CommentStore = ReturnType<typeof commentStore>;
