/** The comments API (`shared/api/comments.ts`), typed and checked: threads on a saved project's tables and columns. */
import {
  createThreadResponseZod, replyResponseZod, setThreadStatusResponseZod, threadListResponseZod,
  type CommentTarget, type ThreadStatus,
} from '../../shared/api/comments.ts';
import { call, pathOf } from './http.ts';

const threads = (projectId: string) => `${pathOf('/api/projects', projectId)}/comments`;
const thread = (projectId: string, threadId: string) => pathOf(threads(projectId), threadId);
/** The name this browser's user gave; absent, the server records "Anonymous". */
const by = (author: string | null) => (author ? { author } : {});

export const commentsApi = {
  list: (projectId: string) => call(threadListResponseZod, 'comment threads', 'GET', threads(projectId)),
  start: (projectId: string, target: CommentTarget, body: string, author: string | null) =>
    call(createThreadResponseZod, 'new comment thread', 'POST', threads(projectId), { target, body, ...by(author) }),
  reply: (projectId: string, threadId: string, body: string, author: string | null) =>
    call(replyResponseZod, 'reply', 'POST', `${thread(projectId, threadId)}/replies`, { body, ...by(author) }),
  setStatus: (projectId: string, threadId: string, status: ThreadStatus, author: string | null) =>
    call(setThreadStatusResponseZod, 'comment thread', 'PATCH', thread(projectId, threadId), { status, ...by(author) }),
};
