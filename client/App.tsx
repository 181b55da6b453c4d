/** The page: top bar, the canvas, and the right pane (inspector, types, live SQL, issues, live database panels). */
import { ReactFlowProvider } from '@xyflow/react';
import { Canvas } from './canvas/Canvas.tsx';
import { TopBar } from './chrome/TopBar.tsx';
import { NoticeBar } from './chrome/NoticeBar.tsx';
import { DropZone } from './chrome/DropZone.tsx';
import { Dialogs } from './chrome/Dialogs.tsx';
import { CompareBanner } from './chrome/CompareBanner.tsx';
import { RightPane } from './chrome/RightPane.tsx';
import { useThemeAttribute } from './chrome/theme.ts';
import { AccessScreen } from './chrome/AccessScreen.tsx';
import { useAccessDenied } from './access.ts';
import './app.css';

export function App() {
  useThemeAttribute();
  const accessDenied = useAccessDenied();
  if (accessDenied) return <AccessScreen />;
  return (
    <ReactFlowProvider>
      <div className="app">
        <TopBar />
        <main className="app-main">
          <section className="app-canvas" aria-label="Diagram">
            <Canvas />
            <NoticeBar />
            <CompareBanner />
            <DropZone />
          </section>
          <RightPane />
        </main>
        <Dialogs />
      </div>
    </ReactFlowProvider>
  );
}
