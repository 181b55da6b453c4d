/**
 * The handle on the left edge of the details pane: drag it (pointer), or focus it and use the arrow
 * keys (Shift: larger steps), Home/End for the narrowest and widest, Enter to collapse; a
 * double-click restores the initial width. A `role="separator"` whose value is the pane's width.
 */
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { RIGHT_PANE, maxWidth, widthAfterKey } from './pane-size.ts';
import { usePaneStore } from './pane-store.ts';

export function PaneSplitter() {
  const width = usePaneStore((s) => s.width);
  const setWidth = usePaneStore((s) => s.setWidth);
  const drag = useRef<{ x: number; width: number } | null>(null);

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { x: e.clientX, width };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    // The pane is on the right: moving the handle left widens it.
    if (drag.current) setWidth(drag.current.width + drag.current.x - e.clientX);
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    drag.current = null;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      usePaneStore.getState().setCollapsed(true);
      return;
    }
    const next = widthAfterKey(e.key, e.shiftKey, width, RIGHT_PANE, window.innerWidth);
    if (next === undefined) return;
    e.preventDefault();
    setWidth(next);
  };
  return (
    <div
      className="pane-splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize the details pane"
      aria-controls="details-pane"
      aria-valuemin={RIGHT_PANE.min}
      aria-valuemax={maxWidth(RIGHT_PANE, window.innerWidth)}
      aria-valuenow={width}
      tabIndex={0}
      title="Drag to resize (arrow keys too); double-click for the initial width; Enter hides the pane"
      data-testid="pane-splitter"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onDoubleClick={() => setWidth(RIGHT_PANE.initial)}
      onKeyDown={onKeyDown}
    />
  );
}
