/** The comments API: thin handlers over `store/comments.ts` (threads on a saved project's tables and columns). */
import { Router, type Request } from 'express';
import {
  ANONYMOUS, createThreadRequestZod, replyRequestZod, setThreadStatusRequestZod,
} from '../../shared/api/comments.ts';
import type { CommentChange } from '../store/comments.ts';
import { conflict, HttpError, notFound } from '../http/errors.ts';
import { bodyOf, paramOf, validate } from '../http/validate.ts';
import type { AppDeps } from '../http/deps.ts';

const projectOf = (req: Request) => paramOf(req, 'id');
const authorOf = (author: string | undefined) => author?.trim() || ANONYMOUS;

/** The thread a change made, or the error that says why there is none. */
function threadOf(req: Request, change: CommentChange) {
  if (change.status === 'done') return change.thread;
  if (change.status === 'full') throw conflict(`this holds the most comments it may (${change.limit}): resolve or start elsewhere`);
  const threadId = req.params.threadId;
  throw notFound(threadId ? `no comment thread "${String(threadId)}" in project "${projectOf(req)}"` : `no project with id "${projectOf(req)}"`);
}

export function commentRoutes({ store, live }: AppDeps): Router {
  const router = Router();
  const comments = () => {
    if (!store) throw new HttpError(503, 'internal', 'the project store is not open');
    return store.comments;
  };
  /** The thread changed; the project's open pages are told to read the threads again. */
  const changed = (req: Request, change: CommentChange) => {
    const thread = threadOf(req, change);
    live?.commentsChanged(projectOf(req));
    return thread;
  };

  router.get('/projects/:id/comments', async (req, res) => {
    const threads = await comments().list(projectOf(req));
    if (!threads) throw notFound(`no project with id "${projectOf(req)}"`);
    res.json(threads);
  });

  router.post('/projects/:id/comments', validate(createThreadRequestZod), async (req, res) => {
    const { target, body, author } = bodyOf(createThreadRequestZod, req.body);
    res.status(201).json(changed(req, await comments().createThread(projectOf(req), target, body, authorOf(author))));
  });

  router.post('/projects/:id/comments/:threadId/replies', validate(replyRequestZod), async (req, res) => {
    const { body, author } = bodyOf(replyRequestZod, req.body);
    res.status(201).json(changed(req, await comments().reply(projectOf(req), paramOf(req, 'threadId'), body, authorOf(author))));
  });

  router.patch('/projects/:id/comments/:threadId', validate(setThreadStatusRequestZod), async (req, res) => {
    const { status, author } = bodyOf(setThreadStatusRequestZod, req.body);
    res.json(changed(req, await comments().setStatus(projectOf(req), paramOf(req, 'threadId'), status, authorOf(author))));
  });

  return router;
}
