// First: before any schema is built (see compile-nothing.ts).
import './shell/compile-nothing.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './theme.css';
import { App } from './shell/App.tsx';
import { checkAccess } from './shell/access.ts';
import { openFromLocation } from './shell/boot.ts';
import { storedTheme } from './shell/theme.ts';
import { useStore } from './store/index.ts';
import { installTestHook } from './store/test-hook.ts';
import { startAutosave } from './data/project-autosave.ts';
import { startCommentSync } from './comments/comment-sync.ts';
import { startDraftKeeper } from './projects/draft-keeper.ts';
import { startCoEditing } from './together/live-session.ts';
import { rememberLastProject } from './projects/last-project.ts';
import { shareModeOf } from './share/share-mode.ts';
import { startSharedPage } from './share/start-shared.tsx';

/** The studio: every background job, the access check, then the page. */
function startStudio(): void {
  startAutosave();
  startCoEditing();
  startCommentSync();
  rememberLastProject();
  window.addEventListener('popstate', () => void openFromLocation());
  useStore.getState().setTheme(storedTheme());
  // Without the access token the page shows the access screen and opens nothing (every call would be refused).
  // Once the first document is open, drafts are kept in the browser and one left last time is offered back.
  const openFirst = () => openFromLocation(window.location, { reopenLast: true }).then(() => void startDraftKeeper());
  void checkAccess().then((allowed) => (allowed ? openFirst() : undefined)).finally(() => {
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  });
}

installTestHook();
// A share link's page (`/shared`) is read-only and starts none of the studio's work.
const shareMode = shareModeOf(window.location);
if (shareMode) startSharedPage(shareMode);
else startStudio();
