/**
 * The inspector of one table: name, schema, comment, color, columns, keys, checks, indexes and
 * foreign keys. It only wires: every change is an op from shared/model/ops/ handed to `onEdit`.
 */
import { useCallback, useMemo, useState } from 'react';
import type { CommentTarget } from '../../shared/api/comments.ts';
import type { Model, Table } from '../../shared/model/document.ts';
import { addColumn, deleteColumn, renameTable, setTableComment, setTableSchema } from '../../shared/model/ops/index.ts';
import { newId } from '../../shared/model/ids.ts';
import { useSafeEdit, type Edit } from './edit.ts';
import { useLatest } from './use-latest.ts';
import { InspectorColumnRow, type ColumnRowActions } from './InspectorColumnRow.tsx';
import { InspectorForeignKeys } from './InspectorForeignKeys.tsx';
import { InspectorIndexes } from './InspectorIndexes.tsx';
import { InspectorOptions } from './InspectorOptions.tsx';
import { InspectorChecks, InspectorPrimaryKey, InspectorUniques } from './InspectorKeys.tsx';
import { TextField } from './TextField.tsx';
import { ColorSwatches } from './ColorSwatches.tsx';
import './panels.css';

export const TABLE_COLORS = ['#2f6fed', '#2f8f5b', '#b7791f', '#c93b3b', '#8a4fd8', '#1f9bb7', '#d8548a', '#6b7385'];

export interface InspectorProps {
  model: Model;
  tableId: string;
  /** Applies one op as one undoable step (the store's `editModel`). */
  onEdit: Edit;
  /** The table's layout color (layout is not model: the caller stores it). */
  color?: string;
  onColorChange?: (color: string | undefined) => void;
  /** Called with a readable message when an edit is refused (e.g. an empty name). */
  onError?: (message: string) => void;
  onDuplicate?: () => void;
  onDelete?: () => void;
  /** An object of the table to show (a lint jump: a column, key, index…): highlighted and scrolled to. */
  focusId?: string;
  /** The table or column whose name field takes the keyboard, text selected (just made, or the next by Enter). */
  nameFocus?: string;
  onFocusName?: (id: string | undefined) => void;
  /** Starts a comment thread on the table or one of its columns (kept beside the project, not in the model). */
  onComment?: (target: CommentTarget) => void;
}

export function Inspector({ model, tableId, onEdit, color, onColorChange, onError, onDuplicate, onDelete, focusId, nameFocus, onFocusName, onComment }: InspectorProps) {
  const edit = useSafeEdit(onEdit, onError);
  const focusTaken = useCallback(() => onFocusName?.(undefined), [onFocusName]);
  // The column Enter added after the last one: Escape on its name, unchanged, takes it away again.
  const [added, setAdded] = useState<string | undefined>();
  const table = model.tables.find((t) => t.id === tableId);
  const addColumnNamed = () => {
    const id = newId('column');
    edit((m) => addColumn(m, { tableId, id }));
    onFocusName?.(id);
    return id;
  };
  const dropAdded = (columnId: string) => {
    if (added !== columnId) return;
    setAdded(undefined);
    edit((m) => deleteColumn(m, { tableId, columnId }));
  };
  const rowActions = useColumnRowActions({ table, addAfterLast: () => setAdded(addColumnNamed()), dropAdded, onFocusName, onComment });
  if (!table) return <div className="inspector empty" data-testid="inspector-empty">Select a table to edit it.</div>;
  const props = { model, table, edit, focusId, nameFocus, onFocusName };
  return (
    <div className="inspector" data-testid="inspector" data-table={`${table.schema}.${table.name}`}>
      <section className="inspector-section">
        <div className="row">
          {/* Enter moves on to the columns, like a form: name the table, then its columns. */}
          <TextField
            value={table.name}
            label="Table name"
            testId="inspector-table-name"
            takeFocus={nameFocus === tableId}
            onFocusTaken={focusTaken}
            onEnter={() => onFocusName?.(table.columns[0]?.id)}
            onCommit={(name) => edit((m) => renameTable(m, { tableId, name }))}
          />
          {onComment && <button className="btn small" data-testid="inspector-comment" title="Start a comment thread on this table" onClick={() => onComment({ kind: 'table', tableId })}>Comment</button>}
          {onDuplicate && <button className="btn small" data-testid="inspector-duplicate" onClick={onDuplicate}>Duplicate</button>}
          {onDelete && <button className="btn small danger" data-testid="inspector-delete" onClick={onDelete}>Delete</button>}
        </div>
        <div className="row">
          <span className="label">schema</span>
          <TextField value={table.schema} label="Schema" testId="inspector-table-schema" onCommit={(schema) => edit((m) => setTableSchema(m, { tableId, schema }))} />
        </div>
        <TextField value={table.comment ?? ''} multiline placeholder="comment" label="Table comment" testId="inspector-table-comment" onCommit={(comment) => edit((m) => setTableComment(m, { tableId, comment }))} />
        {onColorChange && <ColorSwatches colors={TABLE_COLORS} value={color} onChange={onColorChange} testIdPrefix="inspector-color" noneTitle="No color" />}
      </section>
      <section className="inspector-section" data-testid="inspector-columns">
        <h4>
          Columns
          <button className="btn small" data-testid="column-add" onClick={() => addColumnNamed()}>+ column</button>
        </h4>
        {table.columns.map((column, index) => (
          <InspectorColumnRow
            key={column.id}
            {...props}
            column={column}
            index={index}
            actions={rowActions}
            onFocusTaken={focusTaken}
          />
        ))}
      </section>
      <InspectorPrimaryKey {...props} />
      <InspectorUniques {...props} />
      <InspectorForeignKeys {...props} />
      <InspectorIndexes {...props} />
      <InspectorChecks {...props} />
      <InspectorOptions {...props} />
    </div>
  );
}

interface RowActionState {
  table: Table | undefined;
  /** Enter on the last column's name: a new column, which Escape on its name takes back. */
  addAfterLast: () => void;
  dropAdded: (columnId: string) => void;
  onFocusName?: (id: string | undefined) => void;
  onComment?: (target: CommentTarget) => void;
}

/** The column rows' actions (`ColumnRowActions`): one object for the inspector's life, reading `state` as of the last render. */
function useColumnRowActions(state: RowActionState): ColumnRowActions {
  const now = useLatest(state);
  const comments = state.onComment !== undefined;
  return useMemo(() => ({
    next(columnId) {
      const { table, addAfterLast, onFocusName } = now.current;
      const columns = table?.columns ?? [];
      const following = columns[columns.findIndex((c) => c.id === columnId) + 1];
      if (following) onFocusName?.(following.id);
      else addAfterLast();
    },
    giveUp: (columnId) => now.current.dropAdded(columnId),
    ...(comments ? { comment: (columnId: string) => {
      const { table, onComment } = now.current;
      if (table) onComment?.({ kind: 'column', tableId: table.id, columnId });
    } } : {}),
  }), [comments]);
}
