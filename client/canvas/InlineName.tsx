/**
 * A table's or column's name on the canvas that a double-click edits in place: Enter or a click
 * elsewhere renames (one undo step, through the same op as the inspector), Escape gives up. A
 * refused name says why in the same notice as the inspector's and stays open on Enter, to mend.
 * While editing, the field is `nodrag nopan nokey`: React Flow neither drags the node nor reads
 * the keys typed.
 */
import { useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { Model } from '../../shared/model/document.ts';
import { ModelOpError, renameColumn, renameTable } from '../../shared/model/ops/index.ts';
import { useStore } from '../store/index.ts';
import './inline-name.css';

/** Applies the rename; false (and the reason as a notice) when the name is refused. */
function rename(op: (model: Model) => Model): boolean {
  try {
    useStore.getState().editModel(op);
    return true;
  } catch (error) {
    if (!(error instanceof ModelOpError)) throw error;
    useStore.getState().notify({ kind: 'error', message: error.message });
    return false;
  }
}

interface InlineNameProps {
  value: string;
  className: string;
  /** What the field is for, read by screen readers: "Table name", "Column name". */
  label: string;
  testId: string;
  op: (name: string) => (model: Model) => Model;
}

function InlineName({ value, className, label, testId, op }: InlineNameProps) {
  const [draft, setDraft] = useState<string | null>(null);
  // Set once Enter or Escape has ended the edit: the blur of the field going away must not rename again.
  const ended = useRef(false);
  if (draft === null) {
    const start = (e: MouseEvent) => {
      e.stopPropagation();
      ended.current = false;
      setDraft(value);
    };
    return <span className={className} data-testid={testId} title="Double-click to rename" onDoubleClick={start}>{value}</span>;
  }
  const end = () => {
    ended.current = true;
    setDraft(null);
  };
  const commit = (stayOnRefusal: boolean) => {
    if (ended.current) return;
    if (draft === value || rename(op(draft)) || !stayOnRefusal) end();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    e.stopPropagation();
    if (e.key === 'Enter') commit(true);
    else if (e.key === 'Escape') end();
  };
  return (
    <input
      className={`${className} inline-name nodrag nopan nokey`}
      value={draft}
      size={Math.max(draft.length + 1, 6)}
      autoFocus
      spellCheck={false}
      aria-label={label}
      data-testid={`${testId}-input`}
      onFocus={(e) => e.currentTarget.select()}
      onChange={(e) => setDraft(e.target.value)}
      onKeyDown={onKeyDown}
      onBlur={() => commit(false)}
      onDoubleClick={(e) => e.stopPropagation()}
    />
  );
}

export function TableName({ tableId, name }: { tableId: string; name: string }) {
  return <InlineName className="node-name" label="Table name" testId="node-name" value={name} op={(next) => (m) => renameTable(m, { tableId, name: next })} />;
}

export function ColumnName({ tableId, columnId, name }: { tableId: string; columnId: string; name: string }) {
  return <InlineName className="col-name" label="Column name" testId="col-name" value={name} op={(next) => (m) => renameColumn(m, { tableId, columnId, name: next })} />;
}
