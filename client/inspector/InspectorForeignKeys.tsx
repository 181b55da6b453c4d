/** Foreign keys: columns → referenced table and columns, actions, match, deferrability, NOT VALID, comment; add with new or existing columns. */
import type { ForeignKey, ReferentialAction } from '../../shared/model/document.ts';
import { addForeignKey, removeForeignKey, updateForeignKey, type ForeignKeyPatch } from '../../shared/model/ops/index.ts';
import { ColumnPicker } from './ColumnPicker.tsx';
import { itemClass, useFocusRef, type SectionProps } from './edit.ts';
import { TableSelect } from './TableSelect.tsx';
import { CheckField, SelectField, TextField } from './TextField.tsx';

const ACTIONS: ReadonlyArray<readonly [ReferentialAction, string]> = [
  ['no-action', 'NO ACTION'], ['restrict', 'RESTRICT'], ['cascade', 'CASCADE'], ['set-null', 'SET NULL'], ['set-default', 'SET DEFAULT'],
];
const MATCH = [['simple', 'MATCH SIMPLE'], ['full', 'MATCH FULL'], ['partial', 'MATCH PARTIAL']] as const;

function ForeignKeyEditor({ model, table, edit, fk, focusId }: SectionProps & { fk: ForeignKey }) {
  const box = useFocusRef<HTMLDivElement>(focusId === fk.id);
  const ref = model.tables.find((t) => t.id === fk.refTableId);
  const patch = (p: ForeignKeyPatch) => edit((m) => updateForeignKey(m, { tableId: table.id, foreignKeyId: fk.id, patch: p }));
  const changeRefTable = (refTableId: string) => {
    const target = model.tables.find((t) => t.id === refTableId);
    const refColumns = target?.primaryKey?.columns ?? target?.columns.slice(0, 1).map((c) => c.id) ?? [];
    if (refColumns.length) patch({ refTableId, refColumns });
  };
  return (
    <div ref={box} className={itemClass('item', focusId === fk.id)} data-testid="fk-item" data-ref={ref ? `${ref.schema}.${ref.name}` : ''}>
      <div className="row">
        <ColumnPicker table={table} value={fk.columns} required testId="fk-columns" onChange={(columns) => patch({ columns })} />
        <span className="label">→</span>
        <TableSelect tables={model.tables} value={fk.refTableId} label="Referenced table" testId="fk-ref-table" onChange={changeRefTable} />
        {ref && <ColumnPicker table={ref} value={fk.refColumns} required testId="fk-ref-columns" onChange={(refColumns) => patch({ refColumns })} />}
      </div>
      <div className="row">
        <span className="label">ON DELETE</span>
        <SelectField label="On delete" testId="fk-on-delete" value={fk.onDelete} options={ACTIONS} onChange={(onDelete) => patch({ onDelete })} />
        <span className="label">ON UPDATE</span>
        <SelectField label="On update" testId="fk-on-update" value={fk.onUpdate} options={ACTIONS} onChange={(onUpdate) => patch({ onUpdate })} />
      </div>
      <div className="row">
        <SelectField label="Match" testId="fk-match" value={fk.match} options={MATCH} onChange={(match) => patch({ match })} />
        <CheckField label="deferrable" testId="fk-deferrable" checked={!!fk.deferrable} onChange={(v) => patch({ deferrable: v || null })} />
        <CheckField label="initially deferred" testId="fk-initially-deferred" checked={!!fk.initiallyDeferred} onChange={(v) => patch({ initiallyDeferred: v || null })} />
        <CheckField label="not valid" testId="fk-not-valid" checked={!!fk.notValid} onChange={(v) => patch({ notValid: v || null })} />
      </div>
      <TextField value={fk.comment ?? ''} placeholder="comment" label="Foreign key comment" testId="fk-comment" onCommit={(comment) => patch({ comment })} />
      <div className="row">
        <TextField value={fk.name ?? ''} placeholder="default name" label="Foreign key name" testId="fk-name" onCommit={(name) => patch({ name })} />
        <button className="btn icon small danger" data-testid="fk-remove" title="Remove foreign key" onClick={() => edit((m) => removeForeignKey(m, { tableId: table.id, foreignKeyId: fk.id }))}>×</button>
      </div>
    </div>
  );
}

export function InspectorForeignKeys(props: SectionProps) {
  const { model, table, edit } = props;
  return (
    <section className="inspector-section" data-testid="inspector-foreign-keys">
      <h4>
        Foreign keys
        <TableSelect
          tables={model.tables}
          value=""
          placeholder="+ reference to…"
          label="Add a foreign key to"
          testId="fk-add"
          onChange={(refTableId) => refTableId && edit((m) => addForeignKey(m, { tableId: table.id, refTableId }))}
        />
      </h4>
      {table.foreignKeys.map((fk) => <ForeignKeyEditor key={fk.id} {...props} fk={fk} />)}
    </section>
  );
}
