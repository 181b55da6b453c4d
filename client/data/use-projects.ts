/**
 * The project list and a project's versions as React hooks: the dialogs that show them hold no
 * fetching code and build no URL. They read afresh each time a dialog opens (another tab may have
 * saved meanwhile), so the lists live here rather than in the store.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ProjectSummary, VersionSummary } from '../../shared/api/projects.ts';
import { describeError } from './http.ts';
import { projectsApi } from './projects.ts';

export interface Listed<T> {
  /** Null until the first answer. */
  items: T[] | null;
  error: string | null;
  setError: (message: string | null) => void;
  reload: () => void;
}

function useListed<T>(load: (() => Promise<T[]>) | undefined): Listed<T> {
  const [items, setItems] = useState<T[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    load?.().then(setItems, (e: unknown) => setError(describeError(e)));
  }, [load]);
  useEffect(reload, [reload]);
  return { items, error, setError, reload };
}

/** The saved projects, newest first. */
export function useProjectList(): Listed<ProjectSummary> {
  return useListed(projectsApi.list);
}

/** The named versions of project `projectId` (none without a project). */
export function useVersionList(projectId: string | undefined): Listed<VersionSummary> {
  const load = useCallback(() => projectsApi.listVersions(projectId!), [projectId]);
  return useListed(projectId ? load : undefined);
}
