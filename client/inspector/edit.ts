/** How panels change the model: hand a pure op from shared/model/ops/ to the store. */
import { useCallback, useEffect, useRef } from 'react';
import type { Model, Table } from '../../shared/model/document.ts';
import { ModelOpError } from '../../shared/model/ops/index.ts';

/** One undoable model edit, e.g. `edit((m) => renameTable(m, { tableId, name }))`. */
export type Edit = (op: (model: Model) => Model) => void;

/** Props every inspector section takes. */
export interface SectionProps {
  model: Model;
  table: Table;
  edit: Edit;
  /** An object to show (a lint jump): its editor is highlighted and scrolled into view. */
  focusId?: string;
  /** The table or column whose name field takes the keyboard (just made, or the next by Enter). */
  nameFocus?: string;
  /** Asks for a name field to take the keyboard; undefined once it has. */
  onFocusName?: (id: string | undefined) => void;
}

/** Wraps `onEdit` (of the model, or of the layout) so a refused edit (`ModelOpError`) becomes a message instead of a crash. */
export function useSafeEdit<T = Model>(onEdit: (op: (value: T) => T) => void, onError?: (message: string) => void): (op: (value: T) => T) => void {
  return useCallback((op: (value: T) => T) => {
    try {
      onEdit(op);
    } catch (error) {
      if (!(error instanceof ModelOpError)) throw error;
      onError?.(error.message);
    }
  }, [onEdit, onError]);
}

/** A ref for an object's editor that scrolls it into view when it becomes the focused object. */
export function useFocusRef<T extends HTMLElement>(focused: boolean) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (focused) ref.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [focused]);
  return ref;
}

/** `item` plus ` focused` when the object is the focused one. */
export const itemClass = (base: string, focused: boolean) => (focused ? `${base} focused` : base);
