/** The right pane's frame: its tabs (Table, Objects, SQL, Issues, Database), each drawn by its feature folder. */
import { lazy, Suspense } from 'react';
import { InspectorPanel } from '../inspector/InspectorPanel.tsx';
import { ObjectsTab } from '../objects/ObjectsTab.tsx';
import { IssuesBadge, IssuesTab } from '../objects/IssuesTab.tsx';
import { useStore } from '../store/index.ts';
import type { RightTab } from '../store/session-slice.ts';

const SqlPanel = lazy(() => import('../sql/SqlPanel.tsx'));
// Targets, compare/apply and history: lazy too (the plan view loads Monaco).
const LivePanel = lazy(() => import('../live/LivePanel.tsx'));

const TABS: Array<{ id: RightTab; label: string }> = [
  { id: 'inspector', label: 'Table' },
  { id: 'types', label: 'Objects' },
  { id: 'sql', label: 'SQL' },
  { id: 'lint', label: 'Issues' },
  { id: 'live', label: 'Database' },
];

export function RightPane() {
  const tab = useStore((s) => s.rightTab);
  const setTab = useStore((s) => s.setRightTab);
  const focus = useStore((s) => s.inspectorFocus);
  return (
    <aside className="app-right" aria-label="Details">
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
      </div>
      <div className="pane-body">
        {tab === 'inspector' && <div className="pane-scroll"><InspectorPanel focusId={focus} /></div>}
        {tab === 'types' && <ObjectsTab />}
        {tab === 'lint' && <IssuesTab />}
        {tab === 'live' && <div className="pane-scroll"><Suspense fallback={<div className="pane-loading">Loading…</div>}><LivePanel /></Suspense></div>}
        {/* The editor stays mounted (hidden) so switching back does not reload it. */}
        <div className="pane-sql" hidden={tab !== 'sql'}>
          <Suspense fallback={<div className="pane-loading">Loading editor…</div>}>
            <SqlPanel />
          </Suspense>
        </div>
      </div>
    </aside>
  );
}
