/**
 * `?stream` answers of an apply or a revert: one JSON object per line (application/x-ndjson) as the
 * apply goes: `{type: 'step', index, total, sql, phase}` as each step starts, then `{type: 'result',
 * …ApplyResponse}` or `{type: 'error', status, error: ApiError}`. The HTTP status is 200 once
 * streaming has begun; the error line carries the status and the very body `toApiError` gives the
 * error middleware, so a failure reads the same streamed or not (a PostgreSQL error is
 * `postgres-error` either way).
 */
import type { Request, Response } from 'express';
import type { ApplyResponse, ApplyStreamLine } from '../../shared/api/plans.ts';
import type { OnStep } from '../live/migration.ts';
import { errorContext, toApiError, type ErrorLog } from './errors.ts';

export type RunApply = (onStep: OnStep) => Promise<ApplyResponse>;

/** Runs `run`, streaming its steps and its result (or error) when `?stream` is asked for, else answering JSON. */
export async function answerApply(req: Request, res: Response, run: RunApply, log: ErrorLog | undefined): Promise<void> {
  if (req.query.stream === undefined) {
    res.json(await run(undefined));
    return;
  }
  res.status(200).type('application/x-ndjson');
  const write = (line: ApplyStreamLine) => res.write(`${JSON.stringify(line)}\n`);
  const result = await run((index, total, step) => write({ type: 'step', index, total, sql: step.sql, phase: step.phase }))
    .then((applied): ApplyStreamLine => ({ type: 'result', ...applied }))
    .catch((error: unknown): ApplyStreamLine => {
      const { status, body } = toApiError(error, errorContext(req, res, log));
      return { type: 'error', status, error: body };
    });
  write(result);
  res.end();
}
