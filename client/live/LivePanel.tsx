/**
 * The Database tab: targets, Compare → Apply, and the apply history, as three sub-panels over the
 * same current target. Each loads lazily (the plan view pulls in Monaco).
 */
import { lazy, Suspense } from 'react';
import { useStore } from '../store/index.ts';
import type { LiveTab } from '../store/connection-slice.ts';
import './live.css';

const PANELS: Record<LiveTab, ReturnType<typeof lazy>> = {
  targets: lazy(() => import('./TargetsPanel.tsx')),
  migrate: lazy(() => import('./MigrationPanel.tsx')),
  history: lazy(() => import('./HistoryPanel.tsx')),
};
const TITLES: Record<LiveTab, string> = { targets: 'Targets', migrate: 'Compare & apply', history: 'History' };

export default function LivePanel() {
  const tab = useStore((s) => s.liveTab);
  const Panel = PANELS[tab];
  return (
    <div className="live-root">
      <div className="live-tabs" role="tablist" aria-label="Database">
        {(Object.keys(TITLES) as LiveTab[]).map((id) => (
          <button key={id} role="tab" aria-selected={tab === id} className="live-tab" data-testid={`live-tab-${id}`}
            onClick={() => useStore.getState().setLiveTab(id)}>
            {TITLES[id]}
          </button>
        ))}
      </div>
      <div className="live-body">
        <Suspense fallback={<div className="pane-loading">Loading…</div>}>
          <Panel />
        </Suspense>
      </div>
    </div>
  );
}
