/** The items of an index: a column or an expression each, with order, NULLS placement and operator class. */
import type { IndexItem, Table } from '../../shared/model/document.ts';
import { SelectField, TextField } from './TextField.tsx';

const ORDERS = [['asc', 'ASC'], ['desc', 'DESC']] as const;
const NULLS = [['default', 'NULLS default'], ['first', 'NULLS FIRST'], ['last', 'NULLS LAST']] as const;

/** `item` with `key` set, or removed when `value` is undefined. */
function withField<K extends keyof IndexItem>(item: IndexItem, key: K, value: IndexItem[K] | undefined): IndexItem {
  const { [key]: _old, ...rest } = item;
  return value === undefined ? (rest as IndexItem) : { ...rest, [key]: value };
}

export function InspectorIndexItems({ table, items, onChange }: { table: Table; items: IndexItem[]; onChange: (items: IndexItem[]) => void }) {
  const replace = (i: number, item: IndexItem | null) =>
    onChange(item ? items.map((x, k) => (k === i ? item : x)) : items.filter((_, k) => k !== i));
  return (
    <div className="index-items">
      {items.map((item, i) => (
        <div className="row" key={i} data-testid="index-item">
          {item.column !== undefined ? (
            <select className="field" value={item.column} aria-label="Index column" data-testid="index-item-column" onChange={(e) => replace(i, { ...item, column: e.target.value })}>
              {table.columns.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </select>
          ) : (
            <TextField value={item.expression ?? ''} mono label="Index expression" testId="index-item-expression" onCommit={(expression) => expression.trim() && replace(i, { ...item, expression })} />
          )}
          <SelectField label="Order" testId="index-item-order" value={item.order ?? 'asc'} options={ORDERS}
            onChange={(order) => replace(i, withField(item, 'order', order === 'desc' ? order : undefined))} />
          <SelectField label="Nulls" testId="index-item-nulls" value={item.nulls ?? 'default'} options={NULLS}
            onChange={(nulls) => replace(i, withField(item, 'nulls', nulls === 'default' ? undefined : nulls))} />
          <TextField value={item.opclass ?? ''} className="narrow" mono placeholder="opclass" label="Operator class" testId="index-item-opclass"
            onCommit={(opclass) => replace(i, withField(item, 'opclass', opclass.trim() || undefined))} />
          <button className="btn icon small danger" data-testid="index-item-remove" title="Remove item" disabled={items.length === 1} onClick={() => replace(i, null)}>×</button>
        </div>
      ))}
      <div className="row">
        <button className="btn small" data-testid="index-add-column" disabled={!table.columns.length} onClick={() => onChange([...items, { column: table.columns[0].id }])}>+ column</button>
        <button className="btn small" data-testid="index-add-expression" onClick={() => onChange([...items, { expression: 'lower(name)' }])}>+ expression</button>
      </div>
    </div>
  );
}
