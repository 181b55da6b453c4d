/**
 * The page a read-only share link opens: the project's diagram, its search (Ctrl/⌘ K, objects only)
 * and its SQL, a "Read-only" badge and the project's name; nothing that edits, no File menu, no
 * Database tab. Embedded (`?embed`): the fitted canvas alone, with a small link to open it whole.
 */
import { lazy, Suspense, useEffect } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { useStore } from '../store/index.ts';
import { nextTheme, useResolvedTheme, useThemeAttribute } from '../shell/theme.ts';
import { AccessScreen } from '../shell/AccessScreen.tsx';
import { useAccessDenied } from '../shell/access.ts';
import { CommandPalette } from '../shell/CommandPalette.tsx';
import { NoticeBar } from '../shell/NoticeBar.tsx';
import { Canvas } from '../canvas/Canvas.tsx';
import type { ShareMode } from './share-mode.ts';
import '../shell/app.css';
import './share.css';

const SqlPanel = lazy(() => import('../sql/SqlPanel.tsx'));

function SharedTopBar() {
  const name = useStore((s) => s.project.name);
  const theme = useStore((s) => s.theme);
  const resolved = useResolvedTheme();
  return (
    <header className="topbar" data-testid="topbar">
      <div className="brand"><span className="brand-mark">S</span>Schemata</div>
      <div className="divider" />
      <span className="doc-name" data-testid="doc-name">{name}</span>
      <span className="read-only-badge" data-testid="read-only-badge" title="This link shows the project and changes nothing">Read-only</span>
      <div className="spacer" />
      <div className="actions">
        <button className="btn" data-testid="shared-search" title="Find a table (Ctrl/⌘ K)" onClick={() => useStore.getState().openDialog('palette')}>Search</button>
        <button className="btn icon" data-testid="theme-toggle" title={`Switch to ${resolved === 'dark' ? 'light' : 'dark'} mode`}
          onClick={() => useStore.getState().setTheme(nextTheme(theme, resolved))}>{resolved === 'dark' ? '☀' : '☾'}</button>
      </div>
    </header>
  );
}

/** Ctrl/⌘ K opens the search, Escape closes it; no other key does anything here. */
function useSearchKey(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        useStore.getState().openDialog('palette');
      } else if (e.key === 'Escape') useStore.getState().openDialog(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

export function SharedApp({ mode }: { mode: ShareMode }) {
  useThemeAttribute();
  useSearchKey();
  const denied = useAccessDenied();
  const palette = useStore((s) => s.dialog === 'palette');
  if (denied) return <AccessScreen />;
  return (
    <ReactFlowProvider>
      <div className={`app shared-app ${mode}`} data-testid="shared-app" data-mode={mode}>
        {mode === 'share' && <SharedTopBar />}
        <main className="app-main">
          <section className="app-canvas" aria-label="Diagram"><Canvas editable={false} /><NoticeBar /></section>
          {mode === 'share' && (
            <aside className="app-right shared-sql" aria-label="SQL" data-testid="right-pane">
              <div className="pane-tabs"><span className="pane-tab active">SQL</span></div>
              <div className="pane-body"><div className="pane-sql">
                <Suspense fallback={<div className="pane-loading">Loading editor…</div>}><SqlPanel readOnly /></Suspense>
              </div></div>
            </aside>
          )}
        </main>
        {mode === 'embed' && (
          <a className="embed-open" data-testid="embed-open" href="/shared" target="_blank" rel="noopener">Open in Schemata ↗</a>
        )}
        {palette && <CommandPalette objectsOnly />}
      </div>
    </ReactFlowProvider>
  );
}
