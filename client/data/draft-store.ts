/**
 * The draft kept in the browser (IndexedDB, one record): the document being edited and where it
 * came from, written as the user edits so a crash or a closed tab loses nothing. Plain `indexedDB`
 * (one store, one key) is less code than a wrapper library would save.
 */
import type { ModelDocument } from '../../shared/model/document.ts';
import type { ProjectInfo } from '../store/project-slice.ts';

export interface KeptDraft {
  doc: ModelDocument;
  project: ProjectInfo;
  /** When it was written (ms since the epoch). */
  keptAt: number;
}

const DB = 'schemata';
const STORE = 'drafts';
const KEY = 'current';

let opened: Promise<IDBDatabase> | undefined;

function database(): Promise<IDBDatabase> {
  opened ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB did not open'));
  });
  return opened;
}

async function run<T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await database();
  return new Promise((resolve, reject) => {
    const transaction = db.transaction(STORE, mode);
    const request = act(transaction.objectStore(STORE));
    transaction.oncomplete = () => resolve(request.result);
    transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
  });
}

/** The kept draft, or undefined (none, or a browser without IndexedDB, e.g. some private modes). */
export async function readDraft(): Promise<KeptDraft | undefined> {
  try {
    const value = await run<unknown>('readonly', (store) => store.get(KEY));
    return value && typeof value === 'object' && 'doc' in value ? (value as KeptDraft) : undefined;
  } catch {
    return undefined;
  }
}

export function writeDraft(draft: KeptDraft): Promise<unknown> {
  return run('readwrite', (store) => store.put(draft, KEY));
}

export function clearDraft(): Promise<unknown> {
  return run('readwrite', (store) => store.delete(KEY));
}
