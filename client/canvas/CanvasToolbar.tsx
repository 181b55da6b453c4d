/** The floating toolbar over the diagram: the drawing actions. */
import { useReactFlow } from '@xyflow/react';
import * as commands from './commands.ts';
import { useStore } from '../store/index.ts';
import { LayoutControls } from './LayoutControls.tsx';

export function CanvasToolbar() {
  const flow = useReactFlow();
  return (
    <div className="canvas-toolbar" role="toolbar" aria-label="Diagram tools">
      <button className="btn" data-testid="add-table" title="Add a table (N)" onClick={() => commands.addTableAt(flow)}>+ Table</button>
      <button className="btn" data-testid="add-note" title="Add a sticky note (Shift N)" onClick={() => commands.addNote(flow)}>Note</button>
      <button className="btn" data-testid="add-area" title="Group the selected tables in a subject area (select an area too to add them to it)" onClick={() => commands.addAreaFromSelection()}>Area</button>
      <button className="btn" data-testid="add-junction" title="Link the two selected tables many-to-many (junction table)" onClick={() => commands.addJunctionForSelection()}>M:N</button>
      <span className="toolbar-sep" />
      <LayoutControls flow={flow} />
      <button className="btn" data-testid="open-palette" title="Jump to a table (Ctrl/⌘ K)" onClick={() => useStore.getState().openDialog('palette')}>Find…</button>
      <button className="btn icon" data-testid="open-shortcuts" title="Keyboard shortcuts (?)" onClick={() => useStore.getState().openDialog('shortcuts')}>?</button>
    </div>
  );
}
