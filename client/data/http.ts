/**
 * The plumbing of every call to the studio's own server (same origin): JSON in and out, the access
 * token's 401 (the page then shows its access screen), errors as the one `ApiError` body, and every
 * answer parsed with its schema from `shared/api/`, so a contract drift fails loudly at the call,
 * not three components later. The typed clients of each resource (`projects.ts`, `targets.ts`,
 * `plans.ts`, `import.ts`) are built on it; nothing else in the client calls `fetch` for the API.
 */
import type * as z from 'zod';
import { apiErrorZod, type ApiError } from '../../shared/api/errors.ts';
import { sqlParserReady } from '../sql/sql-parser-ready.ts';
import { markAccessDenied } from '../shell/access.ts';

export class RequestError extends Error {
  constructor(readonly status: number, readonly body: ApiError | undefined, message: string) {
    super(message);
  }
}

/** The error body of a failed answer, when it is one. */
function errorBodyOf(json: unknown): ApiError | undefined {
  const parsed = apiErrorZod.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

/** A failed answer (status ≥ 400) as a `RequestError`; a 401 also switches the page to its access screen. */
export function requestFailed(method: string, path: string, status: number, text: string): RequestError {
  if (status === 401) markAccessDenied();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  const body = errorBodyOf(json);
  return new RequestError(status, body, body?.message ?? `${method} ${path} failed with ${status}`);
}

/** Sends a request and answers its JSON body (undefined when empty), or throws a `RequestError`. */
export async function request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<unknown> {
  const response = await fetch(path, {
    method,
    headers: body === undefined ? headers : { 'Content-Type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw requestFailed(method, path, response.status, text);
  return text ? (JSON.parse(text) as unknown) : undefined;
}

/**
 * `value` parsed with `schema`, or an error naming what came back wrong. A document that does not
 * read says so in the words the page used before (`… holds an invalid document: <path> <why>`).
 */
export function parsed<S extends z.ZodType>(schema: S, what: string, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue?.path.map(String) ?? [];
  const documentAt = path.indexOf('document');
  if (documentAt >= 0 && documentAt === path.length - 2) {
    throw new Error(`${what} holds an invalid document: ${path.at(-1)} ${issue?.message ?? ''}`.trim());
  }
  throw new Error(`unexpected ${what} from the server: ${path.join('.') || '(root)'} ${issue?.message ?? ''}`.trim());
}

/** `request`, its answer parsed with `schema`. */
export async function call<S extends z.ZodType>(schema: S, what: string, method: string, path: string, body?: unknown): Promise<z.output<S>> {
  return parsed(schema, what, await request(method, path, body));
}

/**
 * `call` for answers that hold a document: PostgreSQL's parser, which checks a document's SQL
 * fields, is loaded while the request travels.
 */
export async function callWithDocument<S extends z.ZodType>(schema: S, what: string, method: string, path: string, body?: unknown): Promise<z.output<S>> {
  const [answer] = await Promise.all([request(method, path, body), sqlParserReady()]);
  return parsed(schema, what, answer);
}

/** `encodeURIComponent` for each path segment: `pathOf('/api/projects', id)` → `/api/projects/<id>`. */
export function pathOf(base: string, ...segments: string[]): string {
  return [base, ...segments.map(encodeURIComponent)].join('/');
}

/** A one-line message for any failed call, the server's own message first. */
export function describeError(error: unknown): string {
  if (error instanceof RequestError && error.body) return error.body.message;
  return error instanceof Error ? error.message : String(error);
}
