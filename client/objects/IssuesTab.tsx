/** The Issues tab: the design issues of the open model; choosing one shows its object, a fix edits the model. */
import { useCallback } from 'react';
import { useReactFlow } from '@xyflow/react';
import type { LintIssue } from '../../shared/lint/lint.ts';
import { applyLintFixes } from '../../shared/lint/fixes.ts';
import { focusNode } from '../canvas/commands.ts';
import { useStore } from '../store/index.ts';
import { selectModel } from '../store/selectors.ts';
import { objectTarget } from '../store/object-target.ts';
import { LintPanel, useLintCounts } from './LintPanel.tsx';

export function IssuesTab() {
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
export function IssuesBadge() {
  const counts = useLintCounts(useStore(selectModel));
  const total = counts.error + counts.warning + counts.info;
  if (!total) return null;
  const worst = counts.error ? 'error' : counts.warning ? 'warning' : 'info';
  const title = `${counts.error} errors, ${counts.warning} warnings, ${counts.info} suggestions`;
  return <span className={`tab-badge ${worst}`} data-testid="lint-count" data-severity={worst} title={title}>{total}</span>;
}
