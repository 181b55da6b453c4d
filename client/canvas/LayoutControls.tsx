/** The toolbar's auto-layout: the button, the mode it uses, and while it runs its progress and Cancel. */
import type { ReactFlowInstance } from '@xyflow/react';
import { LAYOUT_MODES, type LayoutMode } from '../../shared/model/arrange.ts';
import * as commands from './commands.ts';
import { useLayoutRun } from './layout-run.ts';
import './layout-controls.css';

export function LayoutControls({ flow }: { flow: ReactFlowInstance }) {
  const mode = useLayoutRun((s) => s.mode);
  const progress = useLayoutRun((s) => s.progress);
  if (progress) {
    const share = progress.total ? ` ${progress.done}/${progress.total} groups` : '';
    return (
      <span className="layout-progress" role="status" data-testid="layout-progress">
        Arranging…{share}
        <button className="btn" data-testid="layout-cancel" onClick={() => useLayoutRun.getState().cancel()}>Cancel</button>
      </span>
    );
  }
  return (
    <>
      <button className="btn" data-testid="auto-layout" title="Auto-layout (L)" onClick={() => void commands.runAutoLayout(flow)}>Auto-layout</button>
      <select className="layout-mode" data-testid="layout-mode" aria-label="Auto-layout mode" value={mode}
        onChange={(e) => useLayoutRun.getState().setMode(e.target.value as LayoutMode)}>
        {LAYOUT_MODES.map((m) => <option key={m.mode} value={m.mode}>{m.label}</option>)}
      </select>
    </>
  );
}
