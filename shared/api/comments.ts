/**
 * The comments API (`server/routes/comments.ts`): threads on a table or a column of a saved project,
 * each with its comments, open or resolved. Kept with the project in the store, never in the model
 * document, so DDL, exports and diffs do not see them. A target names the model's stable ids (a
 * rename keeps its threads); a thread whose table is gone stays, shown as on a removed table.
 */
import * as z from 'zod';
import { USER_NAME_MAX_LENGTH } from './user-name.ts';

/** The longest comment body, in characters. */
export const COMMENT_MAX_LENGTH = 4000;
/** Model ids are short generated strings; this only bounds what a request may send. */
const modelId = z.string().min(1).max(200);

export const commentTargetZod = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('table'), tableId: modelId }),
  z.object({ kind: z.literal('column'), tableId: modelId, columnId: modelId }),
]);
export type CommentTarget = z.infer<typeof commentTargetZod>;

export const threadStatusZod = z.enum(['open', 'resolved']);
export type ThreadStatus = z.infer<typeof threadStatusZod>;

const body = z.string().trim().min(1, 'a comment needs some text').max(COMMENT_MAX_LENGTH, `a comment is at most ${COMMENT_MAX_LENGTH} characters`);
/** The name the browser's user gave (`client/shell/user-name.ts`); absent: "Anonymous". */
const author = z.string().trim().max(USER_NAME_MAX_LENGTH).optional();

export const commentZod = z.object({ id: z.string(), author: z.string(), body: z.string(), createdAt: z.string() });
export type Comment = z.infer<typeof commentZod>;

export const threadZod = z.object({
  id: z.string(),
  target: commentTargetZod,
  status: threadStatusZod,
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  /** Oldest first; the first is the one that opened the thread. */
  comments: z.array(commentZod),
});
export type Thread = z.infer<typeof threadZod>;

/** `GET /api/projects/:id/comments`: every thread of the project, oldest first. */
export const threadListResponseZod = z.array(threadZod);

/** `POST /api/projects/:id/comments` → 201: a new thread with its first comment. */
export const createThreadRequestZod = z.object({ target: commentTargetZod, body, author });
export type CreateThreadRequest = z.input<typeof createThreadRequestZod>;
export const createThreadResponseZod = threadZod;

/** `POST /api/projects/:id/comments/:threadId/replies` → 201: the thread with the reply. */
export const replyRequestZod = z.object({ body, author });
export type ReplyRequest = z.input<typeof replyRequestZod>;
export const replyResponseZod = threadZod;

/** `PATCH /api/projects/:id/comments/:threadId`: resolve (by whom) or reopen. */
export const setThreadStatusRequestZod = z.object({ status: threadStatusZod, author });
export type SetThreadStatusRequest = z.input<typeof setThreadStatusRequestZod>;
export const setThreadStatusResponseZod = threadZod;

/** What an absent or blank author is recorded as. */
export const ANONYMOUS = 'Anonymous';
