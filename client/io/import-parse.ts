/**
 * Turns SQL or DBML text into a document and a report. Parsing runs in the browser, in a worker
 * (PostgreSQL's own parser compiled to WebAssembly; no upload, and the page stays responsive on a
 * 600 KB dump); if the worker cannot start, `POST /api/import` does the same work on the server.
 */
import type { ImportFormat, ImportResponse } from '../../shared/api/import.ts';
import { RequestError } from '../data/http.ts';
import { importApi } from '../data/import.ts';

export interface ParseError {
  message: string;
  /** True for a syntax error of the text (then `line`/`column`, 1-based, point at it). */
  syntax: boolean;
  line?: number;
  column?: number;
}

export type ParseOutcome = { ok: true; result: ImportResponse; ms: number } | { ok: false; error: ParseError };

type WorkerAnswer = { id: number; ok: true; result: ImportResponse; ms: number } | { id: number; ok: false; error: ParseError };

let worker: Worker | undefined;
let nextId = 0;
const waiting = new Map<number, (answer: WorkerAnswer) => void>();

function startWorker(): Worker {
  const started = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
  started.onmessage = (event: MessageEvent<WorkerAnswer>) => {
    waiting.get(event.data.id)?.(event.data);
    waiting.delete(event.data.id);
  };
  started.onerror = () => {
    for (const [id, answer] of waiting) answer({ id, ok: false, error: { message: 'the import worker stopped', syntax: false } });
    waiting.clear();
    worker = undefined;
  };
  return started;
}

function parseInWorker(text: string, format: ImportFormat): Promise<WorkerAnswer> {
  worker ??= startWorker();
  const id = (nextId += 1);
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    worker!.postMessage({ id, text, format });
  });
}

async function parseOnServer(text: string, format: ImportFormat): Promise<ParseOutcome> {
  const started = performance.now();
  try {
    const result = await importApi.parse(text, format);
    return { ok: true, result, ms: performance.now() - started };
  } catch (error) {
    const body = error instanceof RequestError ? error.body : undefined;
    if (body?.position) {
      const first = Array.isArray(body.details) ? (body.details[0] as { message?: string } | undefined) : undefined;
      return { ok: false, error: { message: first?.message ?? body.message, syntax: true, line: body.position.line, column: body.position.column } };
    }
    return { ok: false, error: { message: error instanceof Error ? error.message : String(error), syntax: false } };
  }
}

let warmed = false;

/**
 * Starts the worker and loads the parser's WebAssembly ahead of use (1–3 s the first time), e.g.
 * when a file is dragged over the page or the SQL pane is first edited.
 */
export function warmImportParser(): void {
  if (warmed) return;
  warmed = true;
  void parseInWorker('SELECT 1;', 'sql').catch(() => undefined);
}

/** Ex: `await parseImport('CREATE TABLE t (id int);', 'sql')` → `{ ok: true, result: { document, report }, ms }`. */
export async function parseImport(text: string, format: ImportFormat): Promise<ParseOutcome> {
  let answer: WorkerAnswer;
  try {
    answer = await parseInWorker(text, format);
  } catch {
    return parseOnServer(text, format);
  }
  if (answer.ok) return { ok: true, result: answer.result, ms: answer.ms };
  // Anything but a syntax error (the parser's WebAssembly missing, a worker crash) is retried on the server.
  return answer.error.syntax ? { ok: false, error: answer.error } : parseOnServer(text, format);
}

/** DBML by file extension, or for pasted text by its first keyword (`Table x {`, `Project`, `Enum`, `Ref`). */
export function guessFormat(text: string, fileName?: string): ImportFormat {
  if (fileName && /\.dbml$/i.test(fileName)) return 'dbml';
  if (fileName && /\.sql$/i.test(fileName)) return 'sql';
  const firstWord = text.replace(/^\s*(\/\/[^\n]*\n\s*)*/, '').match(/^(\w+)/)?.[1]?.toLowerCase();
  return firstWord && ['table', 'project', 'enum', 'ref', 'tablegroup', 'note'].includes(firstWord) ? 'dbml' : 'sql';
}
