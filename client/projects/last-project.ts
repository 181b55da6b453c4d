/**
 * The project this browser had open last, so `/` reopens it (localStorage; a browser that refuses
 * storage simply opens the template).
 */
import { useStore } from '../store/index.ts';

const KEY = 'schemata.lastProject';

export function lastProjectId(): string | undefined {
  try {
    return localStorage.getItem(KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

/** The remembered project is gone (deleted, or another studio's data): `/` opens the template again. */
export function forgetLastProject(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // nothing remembered, nothing to forget
  }
}

/** Remembers every project the page opens or saves; returns the unsubscribe function. */
export function rememberLastProject(): () => void {
  return useStore.subscribe((state, previous) => {
    const { id, source } = state.project;
    if (source !== 'project' || !id || id === previous.project.id) return;
    try {
      localStorage.setItem(KEY, id);
    } catch {
      // storage refused: `/` opens the template
    }
  });
}
