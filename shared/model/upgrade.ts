/**
 * Opening documents saved by any earlier version. Each step takes the raw JSON of one version to
 * the next; `parseDocument` runs the steps, then validates with zod, so files saved today open forever.
 */
import { DOCUMENT_FORMAT, DOCUMENT_VERSION, documentZod, type ModelDocument } from './document.ts';
import { emptyLayout } from './empty.ts';
import { referenceProblems } from './references.ts';
import { sqlProblems } from './sql-fields.ts';
import type { DocumentProblem } from './document-problem.ts';

type Json = Record<string, unknown>;

export interface UpgradeStep {
  from: number;
  name: string;
  run: (doc: Json) => Json;
}

/** Named steps, one per version bump. Version 0 was a bare model (no envelope, no layout). */
export const upgradeSteps: UpgradeStep[] = [
  {
    from: 0,
    name: 'wrap a bare model in the versioned envelope with an empty layout',
    run: (doc) => ({
      format: DOCUMENT_FORMAT,
      version: 1,
      model: { schemas: [], extensions: [], enums: [], domains: [], sequences: [], views: [], rawObjects: [], ...doc },
      layout: emptyLayout(),
    }),
  },
];

function versionOf(doc: Json): number {
  if (doc.format === undefined && doc.version === undefined && Array.isArray(doc.tables)) return 0;
  return typeof doc.version === 'number' ? doc.version : -1;
}

/** Runs every upgrade step from the document's version to the current one. */
export function upgradeDocument(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  let doc = input as Json;
  let version = versionOf(doc);
  if (version > DOCUMENT_VERSION) return doc; // newer than this build: let validation explain
  while (version >= 0 && version < DOCUMENT_VERSION) {
    const step = upgradeSteps.find((s) => s.from === version);
    if (!step) break;
    doc = step.run(doc);
    version = versionOf(doc);
  }
  return doc;
}

export type { DocumentProblem } from './document-problem.ts';

export type ParseResult = { ok: true; document: ModelDocument } | { ok: false; problems: DocumentProblem[] };

/** Formats a zod issue path the way a person reads JSON: `model.tables[2].name`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key}]`;
    return out ? `${out}.${String(key)}` : String(key);
  }, '');
}

export interface ParseOptions {
  /**
   * Check every SQL-bearing field with PostgreSQL's parser (default true). Only a document the
   * studio's own store hands back skips it: it passed this check when it was written, and on a large
   * model the check is most of the time to open it (musicbrainz: ~0.4 s in the browser).
   */
  sqlFields?: boolean;
}

/**
 * Upgrades and validates a document, including references between objects (column ids in
 * constraints, referenced tables) and every SQL-bearing field (`sql-fields.ts`: a default is one
 * expression, a view one SELECT, …). Example: `parseDocument(JSON.parse(text))`. In the browser,
 * `await loadSqlParser()` first (Node loads the parser when this module is imported).
 */
export function parseDocument(input: unknown, { sqlFields = true }: ParseOptions = {}): ParseResult {
  const version = typeof input === 'object' && input !== null ? (input as Json).version : undefined;
  if (typeof version === 'number' && version > DOCUMENT_VERSION) {
    return { ok: false, problems: [{ path: 'version', message: `document version ${version} is newer than this Schemata (${DOCUMENT_VERSION})` }] };
  }
  const result = documentZod.safeParse(upgradeDocument(input));
  if (!result.success) {
    return { ok: false, problems: result.error.issues.map((i) => ({ path: formatPath(i.path) || '(document)', message: i.message })) };
  }
  const problems = [...referenceProblems(result.data), ...(sqlFields ? sqlProblems(result.data) : [])];
  return problems.length ? { ok: false, problems } : { ok: true, document: result.data };
}
