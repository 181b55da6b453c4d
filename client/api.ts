/** HTTP calls to the studio's own server (same origin). Errors come back as the shared ApiError. */
import type { ApiError } from '../shared/api.ts';
import { markAccessDenied } from './shell/access.ts';

export class RequestError extends Error {
  constructor(readonly status: number, readonly body: ApiError | undefined, message: string) {
    super(message);
  }
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const json = text ? (JSON.parse(text) as unknown) : undefined;
  if (!response.ok) {
    if (response.status === 401) markAccessDenied();
    const error = (json as { error?: ApiError } | ApiError | undefined);
    const apiError = error && 'error' in error ? error.error : (error as ApiError | undefined);
    throw new RequestError(response.status, apiError, apiError?.message ?? `${method} ${path} failed with ${response.status}`);
  }
  return json as T;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body: unknown) => request<T>('POST', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
};
