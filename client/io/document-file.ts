/**
 * The document as a JSON file, and opening one. An invalid file is refused with each problem and
 * its JSON path; the open document stays as it was (and a valid one first lets pending saves finish).
 */
import type { ModelDocument } from '../../shared/model/document.ts';
import { parseDocument } from '../../shared/model/upgrade.ts';
import { sqlParserReady } from '../sql/sql-parser-ready.ts';
import { useStore } from '../store/index.ts';
import { showDocument } from '../shell/boot.ts';
import { readyToLeave } from '../data/project-autosave.ts';
import { download, fileBaseName } from './download.ts';

export function exportJson(): void {
  const { doc, project } = useStore.getState();
  const text = JSON.stringify({ ...doc, name: doc.name ?? project.name }, null, 2);
  const url = URL.createObjectURL(new Blob([text + '\n'], { type: 'application/json' }));
  download(url, `${fileBaseName()}.schemata.json`);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const SHOWN_PROBLEMS = 8;

/** Reads and validates a document; undefined (and says why) when it is not one. */
function readDocument(text: string, fileName: string): ModelDocument | undefined {
  const state = useStore.getState();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    state.notify({ kind: 'error', message: `${fileName} is not valid JSON: ${error instanceof Error ? error.message : error}` });
    return undefined;
  }
  const parsed = parseDocument(json);
  if (!parsed.ok) {
    const lines = parsed.problems.slice(0, SHOWN_PROBLEMS).map((p) => `${p.path}: ${p.message}`);
    const more = parsed.problems.length - lines.length;
    if (more > 0) lines.push(`… and ${more} more`);
    state.notify({ kind: 'error', message: `${fileName} is not a valid Schemata document; nothing was changed.\n${lines.join('\n')}` });
    return undefined;
  }
  return parsed.document;
}

/**
 * Opens a document file in place of the open one, once pending saves are done (and the user agreed
 * if edits would be lost); false when it is not a document or the user kept the page.
 */
export async function openJsonText(text: string, fileName: string): Promise<boolean> {
  await sqlParserReady(); // the SQL fields of the file are checked with PostgreSQL's parser
  const doc = readDocument(text, fileName);
  if (!doc || !(await readyToLeave())) return false;
  showDocument(doc, { name: doc.name ?? fileName.replace(/(\.schemata)?\.json$/i, ''), source: 'file' });
  useStore.getState().notify(null);
  if (window.location.pathname !== '/') window.history.pushState(null, '', '/');
  return true;
}
export async function openJsonFile(file: File): Promise<boolean> {
  return openJsonText(await file.text(), file.name);
}
