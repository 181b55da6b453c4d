/**
 * One section of the Objects tab (Enums, Domains, Views, …): a header with the count and the add
 * control, folding on a click (remembered), and as short as its content: an empty section is one
 * muted line. A section holding the focused object (a lint jump, a selection) opens itself.
 */
import { useEffect, type ReactNode } from 'react';
import { useSectionState } from './section-state.ts';
import './objects.css';

export interface ObjectSectionProps {
  /** Stable id: the remembered fold and the `data-section` attribute. */
  id: string;
  title: string;
  count: number;
  /** What an empty section says, e.g. "No enums yet." */
  empty: string;
  /** The add button (or menu) at the header's end. */
  actions?: ReactNode;
  testId: string;
  /** The focused object is in this section: open it. */
  holdsFocus?: boolean;
  /** Under the list, empty or not (an add field). */
  footer?: ReactNode;
  children?: ReactNode;
}

export function ObjectSection({ id, title, count, empty, actions, testId, holdsFocus = false, footer, children }: ObjectSectionProps) {
  const collapsed = useSectionState((s) => s.collapsed.includes(id));
  useEffect(() => {
    if (holdsFocus) useSectionState.getState().expand(id);
  }, [holdsFocus, id]);
  const bodyId = `object-section-${id}`;
  return (
    <section className="type-editor object-section" data-testid={testId} data-section={id} data-collapsed={collapsed} data-count={count}>
      <h4 className="object-section-head">
        <button className="object-section-toggle" aria-expanded={!collapsed} aria-controls={bodyId} data-testid="section-toggle"
          title={collapsed ? `Show ${title.toLowerCase()}` : `Hide ${title.toLowerCase()}`} onClick={() => useSectionState.getState().toggle(id)}>
          <span className="chevron" aria-hidden>{collapsed ? '▸' : '▾'}</span>
          {title}
          <span className={`section-count${count === 0 ? ' zero' : ''}`} data-testid="section-count">{count}</span>
        </button>
        {actions}
      </h4>
      {!collapsed && (
        <div className="object-section-body" id={bodyId}>
          {count === 0 ? <p className="muted section-empty" data-testid="section-empty">{empty}</p> : children}
          {footer}
        </div>
      )}
    </section>
  );
}
