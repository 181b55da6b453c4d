/** The right pane: the selected table's inspector, editors for enums, domains, views, schemas and SQL objects, the live SQL, design issues. */
import { lazy, Suspense, useCallback } from 'react';
import { useReactFlow } from '@xyflow/react';
import { InspectorPanel } from '../inspector/InspectorPanel.tsx';
import { LintPanel, useLintCounts } from '../objects/LintPanel.tsx';
import { EnumEditor } from '../objects/EnumEditor.tsx';
import { DomainEditor } from '../objects/DomainEditor.tsx';
import { ViewEditor } from '../objects/ViewEditor.tsx';
import { SchemaEditor } from '../objects/SchemaEditor.tsx';
import { RawObjectEditor } from '../objects/RawObjectEditor.tsx';
import { useStore } from '../store/index.ts';
import { selectModel } from '../store/selectors.ts';
import type { RightTab } from '../store/session-slice.ts';
import { focusNode } from '../canvas/commands.ts';
import { objectTarget } from '../store/object-target.ts';
import type { LintIssue } from '../../shared/lint/lint.ts';
import { applyLintFixes } from '../../shared/lint/fixes.ts';

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

function TypesTab() {
  const model = useStore(selectModel);
  const editModel = useStore((s) => s.editModel);
  const onError = useCallback((message: string) => useStore.getState().notify({ kind: 'error', message }), []);
  // A lint jump names the object; otherwise the one selected node (a view, an enum).
  const selectedId = useStore((s) => s.objectFocus ?? (s.selection.size === 1 ? [...s.selection][0] : undefined));
  return (
    <div className="pane-scroll">
      <EnumEditor model={model} onEdit={editModel} onError={onError} selectedId={selectedId} />
      <DomainEditor model={model} onEdit={editModel} onError={onError} selectedId={selectedId} />
      <ViewEditor model={model} onEdit={editModel} onError={onError} selectedId={selectedId} />
      <SchemaEditor model={model} onEdit={editModel} onError={onError} selectedId={selectedId} />
      <RawObjectEditor model={model} onEdit={editModel} onError={onError} selectedId={selectedId} />
    </div>
  );
}

function LintTab() {
  const model = useStore(selectModel);
  const flow = useReactFlow();
  const onSelect = useCallback((objectId: string, tableId: string | undefined) => {
    const target = objectTarget(model, objectId, tableId);
    if (!target) return;
    const state = useStore.getState();
    if (target.tab === 'inspector') {
      focusNode(flow, target.tableId);
      state.showInInspector(target.tableId, target.objectId);
      return;
    }
    if (target.onCanvas) focusNode(flow, target.id);
    state.showObject(target.id, target.onCanvas);
  }, [model, flow]);
  const onFix = useCallback((issues: LintIssue[]) => useStore.getState().editModel((m) => applyLintFixes(m, issues)), []);
  return <div className="pane-scroll"><LintPanel model={model} onSelect={onSelect} onFix={onFix} /></div>;
}

/** How many design issues there are, colored by the worst one; nothing when the model is clean. */
function LintBadge() {
  const counts = useLintCounts(useStore(selectModel));
  const total = counts.error + counts.warning + counts.info;
  if (!total) return null;
  const worst = counts.error ? 'error' : counts.warning ? 'warning' : 'info';
  const title = `${counts.error} errors, ${counts.warning} warnings, ${counts.info} suggestions`;
  return <span className={`tab-badge ${worst}`} data-testid="lint-count" data-severity={worst} title={title}>{total}</span>;
}

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
            {t.id === 'lint' && <LintBadge />}
          </button>
        ))}
      </div>
      <div className="pane-body">
        {tab === 'inspector' && <div className="pane-scroll"><InspectorPanel focusId={focus} /></div>}
        {tab === 'types' && <TypesTab />}
        {tab === 'lint' && <LintTab />}
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
