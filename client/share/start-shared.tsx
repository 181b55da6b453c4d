/**
 * Starts a share link's page instead of the studio: none of the studio's background work (no
 * autosave, no drafts, no comment sync, no last-project memory), since nothing here edits. It asks
 * which project the link shows, opens it, and renders `SharedApp`; a revoked link gets the 401 access
 * screen, any other failure a line saying why.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { describeError } from '../data/http.ts';
import { projectsApi } from '../data/projects.ts';
import { shareLinksApi } from '../data/share-links.ts';
import { showDocument } from '../shell/boot.ts';
import { storedTheme } from '../shell/theme.ts';
import { useStore } from '../store/index.ts';
import { SharedApp } from './SharedApp.tsx';
import type { ShareMode } from './share-mode.ts';

async function openShared(): Promise<void> {
  const { projectId } = await shareLinksApi.session();
  const project = await projectsApi.get(projectId);
  showDocument(project.document, { id: project.id, name: project.name, version: project.version, source: 'project' });
  useStore.getState().setRightTab('sql');
}

export function startSharedPage(mode: ShareMode): void {
  useStore.getState().setTheme(storedTheme());
  void openShared()
    .catch((error: unknown) => useStore.getState().notify({ kind: 'error', message: `This link cannot be opened: ${describeError(error)}` }))
    .finally(() => {
      createRoot(document.getElementById('root')!).render(<StrictMode><SharedApp mode={mode} /></StrictMode>);
    });
}
