/**
 * The right pane's frame: its tabs (Table, Objects, SQL, Issues, Database, Comments), each drawn by its feature
 * folder; its width follows the splitter on its left edge, and collapsed it is a narrow rail of the
 * tab names (a click opens the pane on that tab).
 */
import { lazy, Suspense, useEffect, useRef } from 'react';
import { InspectorPanel } from '../inspector/InspectorPanel.tsx';
import { ObjectsTab } from '../objects/ObjectsTab.tsx';
import { IssuesBadge, IssuesTab } from '../objects/IssuesTab.tsx';
import { CommentsTab } from '../comments/CommentsTab.tsx';
import { useStore } from '../store/index.ts';
import type { RightTab } from '../store/session-slice.ts';
import { PaneSplitter } from './PaneSplitter.tsx';
import { TOGGLE_PANE_KEYS, usePaneStore } from './pane-store.ts';
import { useCanvasDrawn } from '../canvas/canvas-drawn.ts';

const SqlPanel = lazy(() => import('../sql/SqlPanel.tsx'));
// Targets, compare/apply and history: lazy too (the plan view loads Monaco).
const LivePanel = lazy(() => import('../live/LivePanel.tsx'));

const TABS: Array<{ id: RightTab; label: string }> = [
  { id: 'inspector', label: 'Table' },
  { id: 'types', label: 'Objects' },
  { id: 'sql', label: 'SQL' },
  { id: 'lint', label: 'Issues' },
  { id: 'live', label: 'Database' },
  { id: 'comments', label: 'Comments' },
];

/** Collapsed: the tab names, written down a narrow rail; each opens the pane on its tab. */
function CollapsedRail({ onOpen }: { onOpen: (tab: RightTab) => void }) {
  return (
    <aside className="app-right collapsed" aria-label="Details (hidden)" data-testid="right-pane" data-collapsed="true">
      <button className="btn icon pane-toggle" data-testid="pane-expand" title={`Show the details pane (${TOGGLE_PANE_KEYS})`}
        aria-label="Show the details pane" onClick={() => usePaneStore.getState().setCollapsed(false)}>⇤</button>
      {TABS.map((t) => (
        <button key={t.id} className="pane-rail-tab" data-testid={`rail-${t.id}`} onClick={() => onOpen(t.id)}>{t.label}</button>
      ))}
    </aside>
  );
}

export function RightPane() {
  const tab = useStore((s) => s.rightTab);
  const setTab = useStore((s) => s.setRightTab);
  const focus = useStore((s) => s.inspectorFocus);
  const { width, collapsed } = usePaneStore();
  // The editor loads once the diagram is drawn: on a large model it would hold back the first paint.
  const editorMayLoad = useCanvasDrawn();
  // Something asked for another tab (a lint jump, a selection, a command): a hidden pane opens to show it.
  const shownTab = useRef(tab);
  useEffect(() => {
    if (shownTab.current !== tab && usePaneStore.getState().collapsed) usePaneStore.getState().setCollapsed(false);
    shownTab.current = tab;
  }, [tab]);
  const open = (id: RightTab) => {
    setTab(id);
    usePaneStore.getState().setCollapsed(false);
  };
  return (
    <>
      {collapsed && <CollapsedRail onOpen={open} />}
      {/* Hidden rather than unmounted when collapsed: the SQL editor keeps its state. */}
      <aside className="app-right" id="details-pane" aria-label="Details" data-testid="right-pane" data-collapsed="false" hidden={collapsed}
        style={{ width }}>
        <PaneSplitter />
        <div className="pane-tabs" role="tablist">
          {TABS.map((t) => (
            <button
              key={t.id}
              role="tab"
              aria-selected={tab === t.id}
              className={`pane-tab${tab === t.id ? ' active' : ''}`}
              data-testid={`tab-${t.id}`}
              onClick={() => setTab(t.id)}
            >
              {t.label}
              {t.id === 'lint' && <IssuesBadge />}
            </button>
          ))}
          <span className="spacer" />
          <button className="btn icon pane-toggle" data-testid="pane-collapse" title={`Hide the details pane (${TOGGLE_PANE_KEYS})`}
            aria-label="Hide the details pane" onClick={() => usePaneStore.getState().setCollapsed(true)}>⇥</button>
        </div>
        <div className="pane-body">
          {tab === 'inspector' && <div className="pane-scroll"><InspectorPanel focusId={focus} /></div>}
          {tab === 'types' && <ObjectsTab />}
          {tab === 'lint' && <IssuesTab />}
          {tab === 'comments' && <CommentsTab />}
          {tab === 'live' && <div className="pane-scroll"><Suspense fallback={<div className="pane-loading">Loading…</div>}><LivePanel /></Suspense></div>}
          {/* The editor stays mounted (hidden) so switching back does not reload it. */}
          <div className="pane-sql" hidden={tab !== 'sql'}>
            <Suspense fallback={<div className="pane-loading">Loading editor…</div>}>
              {editorMayLoad ? <SqlPanel /> : <div className="pane-loading">Loading editor…</div>}
            </Suspense>
          </div>
        </div>
      </aside>
    </>
  );
}
