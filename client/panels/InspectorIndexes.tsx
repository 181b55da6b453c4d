/** Indexes: items (columns or expressions, with order), unique, method, INCLUDE columns, partial WHERE. */
import type { Index, IndexItem, Table } from '../../shared/model/document.ts';
import { addIndex, removeIndex, updateIndex, type IndexPatch } from '../../shared/model/ops.ts';
import { ColumnPicker } from './ColumnPicker.tsx';
import { itemClass, useFocusRef, type SectionProps } from './edit.ts';
import { CheckField, SelectField, TextField } from './TextField.tsx';

const METHODS = [['btree', 'btree'], ['hash', 'hash'], ['gin', 'gin'], ['gist', 'gist'], ['brin', 'brin'], ['spgist', 'spgist']] as const;
const ORDERS = [['asc', 'ASC'], ['desc', 'DESC']] as const;

function IndexItems({ table, items, onChange }: { table: Table; items: IndexItem[]; onChange: (items: IndexItem[]) => void }) {
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
          <SelectField label="Order" testId="index-item-order" value={item.order ?? 'asc'} options={ORDERS} onChange={(order) => {
            const { order: _o, ...rest } = item;
            replace(i, order === 'desc' ? { ...rest, order } : rest);
          }} />
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

function IndexEditor({ table, edit, index, focusId }: SectionProps & { index: Index }) {
  const ref = useFocusRef<HTMLDivElement>(focusId === index.id);
  const patch = (p: IndexPatch) => edit((m) => updateIndex(m, { tableId: table.id, indexId: index.id, patch: p }));
  return (
    <div ref={ref} className={itemClass('item', focusId === index.id)} data-testid="index-item-editor" data-index={index.name ?? ''}>
      <div className="row">
        <TextField value={index.name ?? ''} placeholder="default name" label="Index name" testId="index-name" onCommit={(name) => patch({ name })} />
        <CheckField label="unique" testId="index-unique" checked={index.unique} onChange={(unique) => patch({ unique })} />
        <SelectField label="Method" testId="index-method" value={(index.method ?? 'btree') as (typeof METHODS)[number][0]} options={METHODS} onChange={(method) => patch({ method })} />
        <button className="btn icon small danger" data-testid="index-remove" title="Remove index" onClick={() => edit((m) => removeIndex(m, { tableId: table.id, indexId: index.id }))}>×</button>
      </div>
      <IndexItems table={table} items={index.items} onChange={(items) => patch({ items })} />
      <div className="row">
        <span className="label">INCLUDE</span>
        <ColumnPicker table={table} value={index.include ?? []} testId="index-include" onChange={(include) => patch({ include })} />
      </div>
      <TextField value={index.where ?? ''} mono placeholder="WHERE (partial index)" label="Partial index predicate" testId="index-where" onCommit={(where) => patch({ where })} />
    </div>
  );
}

export function InspectorIndexes(props: SectionProps) {
  const { table, edit } = props;
  return (
    <section className="inspector-section" data-testid="inspector-indexes">
      <h4>
        Indexes
        <button
          className="btn small"
          data-testid="index-add"
          disabled={table.columns.length === 0}
          onClick={() => edit((m) => addIndex(m, { tableId: table.id, columns: [table.columns[0].id] }))}
        >
          + index
        </button>
      </h4>
      {table.indexes.map((index) => <IndexEditor key={index.id} {...props} index={index} />)}
    </section>
  );
}
