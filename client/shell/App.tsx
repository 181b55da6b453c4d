/** The page: top bar, the canvas, and the right pane (inspector, types, live SQL, issues, live database panels). */
import { ReactFlowProvider } from '@xyflow/react';
import { Canvas } from '../canvas/Canvas.tsx';
import { TopBar } from './TopBar.tsx';
import { NoticeBar } from './NoticeBar.tsx';
import { DropZone } from '../io/DropZone.tsx';
import { Dialogs } from './Dialogs.tsx';
import { AskDialog } from '../projects/AskDialog.tsx';
import { CompareBanner } from '../projects/CompareBanner.tsx';
import { RightPane } from './RightPane.tsx';
import { useThemeAttribute } from './theme.ts';
import { AccessScreen } from './AccessScreen.tsx';
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
        <AskDialog />
      </div>
    </ReactFlowProvider>
  );
}
