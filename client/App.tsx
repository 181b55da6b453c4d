/** The page: top bar, the canvas, and the right pane with the live SQL (Monaco, lazy-loaded). */
import { lazy, Suspense } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { Canvas } from './canvas/Canvas.tsx';
import { TopBar } from './chrome/TopBar.tsx';
import { NoticeBar } from './chrome/NoticeBar.tsx';
import { Dialogs } from './chrome/Dialogs.tsx';
import { useThemeAttribute } from './chrome/theme.ts';
import './app.css';

const SqlPanel = lazy(() => import('./panels/SqlPanel.tsx'));

export function App() {
  useThemeAttribute();
  return (
    <ReactFlowProvider>
      <div className="app">
        <TopBar />
        <main className="app-main">
          <section className="app-canvas" aria-label="Diagram">
            <Canvas />
            <NoticeBar />
          </section>
          <aside className="app-right" aria-label="SQL">
            <div className="pane-header">PostgreSQL DDL</div>
            <div className="pane-body">
              <Suspense fallback={<div className="pane-loading">Loading editor…</div>}>
                <SqlPanel />
              </Suspense>
            </div>
          </aside>
        </main>
        <Dialogs />
      </div>
    </ReactFlowProvider>
  );
}
