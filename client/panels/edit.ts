/** How panels change the model: hand a pure op from shared/model/ops.ts to the store. */
import { useCallback } from 'react';
import type { Model, Table } from '../../shared/model/document.ts';
import { ModelOpError } from '../../shared/model/ops.ts';

/** One undoable model edit, e.g. `edit((m) => renameTable(m, { tableId, name }))`. */
export type Edit = (op: (model: Model) => Model) => void;

/** Props every inspector section takes. */
export interface SectionProps {
  model: Model;
  table: Table;
  edit: Edit;
}

/** Wraps `onEdit` so a refused edit (`ModelOpError`) becomes a message instead of a crash. */
export function useSafeEdit(onEdit: Edit, onError?: (message: string) => void): Edit {
  return useCallback<Edit>((op) => {
    try {
      onEdit(op);
    } catch (error) {
      if (!(error instanceof ModelOpError)) throw error;
      onError?.(error.message);
    }
  }, [onEdit, onError]);
}
