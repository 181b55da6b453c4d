/**
 * A `<select>` of the model's tables (a foreign key's target, a partition's parent, a parent to
 * inherit from). On a large model each one holds thousands of `<option>`s, and an edit anywhere
 * gives the model a new `tables` array: rebuilding and committing every list before the edit's
 * repaint cost a 2,000-table rename more than the rename itself. So the lists follow the model one
 * render behind (`useDeferredValue`): the edit paints first, the lists catch up right after, and a
 * list whose tables did not change is not rendered again at all (`memo`).
 */
import { memo, useDeferredValue, type RefObject } from 'react';
import type { Table } from '../../shared/model/document.ts';
import { useLatest } from './use-latest.ts';

/** `schema.name`, the text of an option unless the select says otherwise. */
export const qualifiedName = (t: Table): string => `${t.schema}.${t.name}`;

interface TableSelectProps {
  /** The model's tables: pass `model.tables` itself, not a filtered copy (use `offer` to filter). */
  tables: readonly Table[];
  /** The chosen table's id, or '' for the placeholder. */
  value: string;
  onChange: (tableId: string) => void;
  label: string;
  testId: string;
  /** The first option, with the value '' (e.g. "+ reference to…"). */
  placeholder?: string;
  /** Which tables the list offers. Keep it one function across renders (module level or `useCallback`). */
  offer?: (table: Table) => boolean;
  /** An option's text. Keep it one function across renders. */
  text?: (table: Table) => string;
}

export function TableSelect({ tables, onChange, ...rest }: TableSelectProps) {
  const deferredTables = useDeferredValue(tables);
  // The handler is new on every render; the list reads the latest one, so it need not re-render for it.
  const onChangeRef = useLatest(onChange);
  return <TableList {...rest} tables={deferredTables} onChangeRef={onChangeRef} />;
}

type TableListProps = Omit<TableSelectProps, 'onChange'> & { onChangeRef: RefObject<(tableId: string) => void> };

const TableList = memo(function TableList({ tables, value, onChangeRef, label, testId, placeholder, offer, text = qualifiedName }: TableListProps) {
  return (
    <select className="field" value={value} aria-label={label} data-testid={testId} onChange={(e) => onChangeRef.current(e.target.value)}>
      {placeholder !== undefined && <option value="">{placeholder}</option>}
      {tables.map((t) => (!offer || offer(t)) && <option key={t.id} value={t.id}>{text(t)}</option>)}
    </select>
  );
});
