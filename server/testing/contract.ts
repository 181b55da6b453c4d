/**
 * The HTTP contract as the tests hold the server to it: every `/api` answer a test receives through
 * the test server (`http/test-server.ts`) is parsed with the schema of its route (`shared/api/`), so
 * a field the server sends differently from what the client reads fails the test that made it.
 * - 2xx JSON: the route's response schema (a route missing from the table fails too, so a new route
 *   is added here); 204: no body;
 * - `application/x-ndjson` (a streamed apply or revert): every line an `ApplyStreamLine`;
 * - 4xx/5xx JSON: the one error body, `ApiError`.
 */
import type * as z from 'zod';
import {
  createThreadResponseZod, replyResponseZod, setThreadStatusResponseZod, threadListResponseZod,
} from '../../shared/api/comments.ts';
import { ddlResponseZod } from '../../shared/api/ddl.ts';
import { apiErrorZod } from '../../shared/api/errors.ts';
import { healthResponseZod } from '../../shared/api/health.ts';
import { importResponseZod } from '../../shared/api/import.ts';
import { migrationFilesResponseZod } from '../../shared/api/migration-files.ts';
import {
  applyResponseZod, applyStreamLineZod, historyResponseZod, planResponseZod, targetJournalResponseZod,
} from '../../shared/api/plans.ts';
import {
  createProjectResponseZod, createVersionResponseZod, duplicateProjectResponseZod, projectListResponseZod, projectResponseZod,
  renameProjectResponseZod, saveProjectResponseZod, versionListResponseZod, versionResponseZod,
} from '../../shared/api/projects.ts';
import { introspectResponseZod, targetListResponseZod, targetResponseZod, testTargetResponseZod } from '../../shared/api/targets.ts';
import { templateListResponseZod, templateResponseZod } from '../../shared/api/templates.ts';
import { createShareLinkResponseZod, sharedSessionResponseZod, shareLinkListResponseZod } from '../../shared/api/share-links.ts';

/** A route's answer: a JSON body of this schema, or `'empty'` (204). */
type Answer = z.ZodType | 'empty';

/** Every `/api` route, as Express declares it, and what its success answers with. */
export const ROUTE_CONTRACTS: Record<string, Answer> = {
  'GET /api/health': healthResponseZod,
  'GET /api/access': 'empty',
  'POST /api/ddl': ddlResponseZod,
  'GET /api/templates': templateListResponseZod,
  'GET /api/templates/:name': templateResponseZod,
  'POST /api/projects': createProjectResponseZod,
  'GET /api/projects': projectListResponseZod,
  'GET /api/projects/:id': projectResponseZod,
  'PUT /api/projects/:id': saveProjectResponseZod,
  'PATCH /api/projects/:id': renameProjectResponseZod,
  'DELETE /api/projects/:id': 'empty',
  'POST /api/projects/:id/duplicate': duplicateProjectResponseZod,
  'POST /api/projects/:id/versions': createVersionResponseZod,
  'GET /api/projects/:id/versions': versionListResponseZod,
  'GET /api/projects/:id/versions/:versionId': versionResponseZod,
  'POST /api/projects/:id/share-links': createShareLinkResponseZod,
  'GET /api/projects/:id/share-links': shareLinkListResponseZod,
  'DELETE /api/projects/:id/share-links/:linkId': 'empty',
  'GET /api/shared': sharedSessionResponseZod,
  'GET /api/projects/:id/comments': threadListResponseZod,
  'POST /api/projects/:id/comments': createThreadResponseZod,
  'POST /api/projects/:id/comments/:threadId/replies': replyResponseZod,
  'PATCH /api/projects/:id/comments/:threadId': setThreadStatusResponseZod,
  'GET /api/targets': targetListResponseZod,
  'POST /api/targets': targetResponseZod,
  'PATCH /api/targets/:id': targetResponseZod,
  'DELETE /api/targets/:id': 'empty',
  'POST /api/targets/:id/test': testTargetResponseZod,
  'POST /api/targets/:id/introspect': introspectResponseZod,
  'POST /api/targets/:id/plan': planResponseZod,
  'POST /api/targets/:id/apply': applyResponseZod,
  'GET /api/targets/:id/history': historyResponseZod,
  'GET /api/targets/:id/journal': targetJournalResponseZod,
  'POST /api/targets/:id/history/:entry/revert/plan': planResponseZod,
  'POST /api/targets/:id/history/:entry/revert': applyResponseZod,
  'POST /api/import': importResponseZod,
  'POST /api/migration-files': migrationFilesResponseZod,
};

/** The routes that answer `?stream` with NDJSON lines. */
const STREAMED = new Set(['POST /api/targets/:id/apply', 'POST /api/targets/:id/history/:entry/revert']);

const ROUTES = Object.keys(ROUTE_CONTRACTS).map((key) => {
  const [method, pattern] = key.split(' ');
  const segments = pattern.split('/').map((s) => (s.startsWith(':') ? '[^/]+' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  return { key, method, regex: new RegExp(`^${segments.join('/')}/?$`) };
});

/** `GET /api/projects/abc?x` → `'GET /api/projects/:id'`; undefined for a path no route declares. */
export function routeOf(method: string, path: string): string | undefined {
  const pathname = path.split('?')[0];
  return ROUTES.find((r) => r.method === method.toUpperCase() && r.regex.test(pathname))?.key;
}

export interface ContractAnswer {
  status: number;
  contentType: string;
  text: string;
}

function mismatch(what: string, error: z.ZodError): Error {
  const issues = error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
  return new Error(`contract: ${what} does not match its schema (shared/api/): ${issues}`);
}

function check(schema: z.ZodType, value: unknown, what: string): void {
  const result = schema.safeParse(value);
  if (!result.success) throw mismatch(what, result.error);
}

/**
 * Throws when `answer` (to `method path`) is not what the contract promises. Answers outside `/api`,
 * to HEAD, and raw requests the router never reached in a route's shape are left alone.
 */
export function checkContract(method: string, path: string, answer: ContractAnswer): void {
  if (!path.startsWith('/api') || method.toUpperCase() === 'HEAD') return;
  const what = `${method} ${path} → ${answer.status}`;
  if (answer.status >= 400) {
    // Only JSON errors are the API's; a body Node's HTTP parser refused never reached Express.
    if (answer.contentType.includes('json')) check(apiErrorZod, JSON.parse(answer.text), what);
    return;
  }
  if (answer.status < 200 || answer.status >= 300) return;
  const route = routeOf(method, path);
  if (!route) throw new Error(`contract: ${what}: no route of server/testing/contract.ts declares it (add it with its schema)`);
  const expected = ROUTE_CONTRACTS[route];
  if (expected === 'empty') {
    if (answer.text !== '') throw new Error(`contract: ${what} should have no body`);
    return;
  }
  if (answer.contentType.includes('ndjson')) {
    if (!STREAMED.has(route)) throw new Error(`contract: ${what}: ${route} does not stream`);
    answer.text.split('\n').filter((line) => line.trim()).forEach((line, i) => check(applyStreamLineZod, JSON.parse(line), `${what}, line ${i + 1}`));
    return;
  }
  check(expected, JSON.parse(answer.text), what);
}
