/** Indexes: items, unique, method, NULLS NOT DISTINCT, INCLUDE columns, partial WHERE, storage parameters, comment. */
import type { Index } from '../../shared/model/document.ts';
import { addIndex, removeIndex, updateIndex, type IndexPatch } from '../../shared/model/ops/index.ts';
import { ColumnPicker } from './ColumnPicker.tsx';
import { InspectorIndexItems } from './InspectorIndexItems.tsx';
import { itemClass, useFocusRef, type SectionProps } from './edit.ts';
import { formatOptions, parseOptions } from './options-text.ts';
import { CheckField, SelectField, TextField } from './TextField.tsx';

const METHODS = [['btree', 'btree'], ['hash', 'hash'], ['gin', 'gin'], ['gist', 'gist'], ['brin', 'brin'], ['spgist', 'spgist']] as const;

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
      <InspectorIndexItems table={table} items={index.items} onChange={(items) => patch({ items })} />
      <div className="row">
        <span className="label">INCLUDE</span>
        <ColumnPicker table={table} value={index.include ?? []} testId="index-include" onChange={(include) => patch({ include })} />
      </div>
      <TextField value={index.where ?? ''} mono placeholder="WHERE (partial index)" label="Partial index predicate" testId="index-where" onCommit={(where) => patch({ where })} />
      <div className="row">
        <CheckField label="nulls not distinct" testId="index-nulls-not-distinct" checked={!!index.nullsNotDistinct} onChange={(v) => patch({ nullsNotDistinct: v || null })} />
        <span className="label">WITH</span>
        <TextField
          value={formatOptions(index.with)}
          mono
          placeholder="fillfactor=90"
          label="Index storage parameters"
          testId="index-storage"
          onCommit={(text) => {
            const options = parseOptions(text);
            if (options) patch({ with: Object.keys(options).length ? options : null });
          }}
        />
      </div>
      <TextField value={index.comment ?? ''} placeholder="comment" label="Index comment" testId="index-comment" onCommit={(comment) => patch({ comment })} />
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
