/** Primary key (columns in order, name, deferrability, comment), unique constraints and check constraints (with their comments). */
import { useState } from 'react';
import {
  addCheck, addUnique, removeCheck, removeUnique, setPrimaryKey, updateCheck, updateUnique,
} from '../../shared/model/ops/index.ts';
import { ColumnPicker } from './ColumnPicker.tsx';
import { itemClass, useFocusRef, type SectionProps } from './edit.ts';
import { FocusItem } from './FocusItem.tsx';
import { CheckField, TextField } from './TextField.tsx';

export function InspectorPrimaryKey({ table, edit, focusId }: SectionProps) {
  const pk = table.primaryKey;
  const focused = !!pk && focusId === pk.id;
  const ref = useFocusRef<HTMLElement>(focused);
  type Change = { columns?: string[]; name?: string | null; deferrable?: boolean; initiallyDeferred?: boolean; comment?: string };
  const set = (p: Change) => edit((m) => setPrimaryKey(m, { ...p, tableId: table.id, columns: p.columns ?? pk?.columns ?? [] }));
  return (
    <section ref={ref} className={itemClass('inspector-section', focused)} data-testid="inspector-primary-key">
      <h4>Primary key</h4>
      <ColumnPicker table={table} value={pk?.columns ?? []} testId="pk-columns" onChange={(columns) => set({ columns })} />
      {pk && (
        <>
          <div className="row">
            <TextField value={pk.name ?? ''} placeholder={`${table.name}_pkey`} label="Primary key name" testId="pk-name" onCommit={(name) => set({ name: name || null })} />
            {/* Initially deferred needs deferrable: the two move together. */}
            <CheckField label="deferrable" testId="pk-deferrable" checked={!!pk.deferrable} onChange={(deferrable) => set(deferrable ? { deferrable } : { deferrable, initiallyDeferred: false })} />
            <CheckField label="initially deferred" testId="pk-initially-deferred" checked={!!pk.initiallyDeferred} onChange={(v) => set(v ? { deferrable: true, initiallyDeferred: true } : { initiallyDeferred: false })} />
          </div>
          <TextField value={pk.comment ?? ''} placeholder="comment" label="Primary key comment" testId="pk-comment" onCommit={(comment) => set({ comment })} />
        </>
      )}
    </section>
  );
}

/** Unique constraints; *+ unique* starts one with no column, made once its first column is picked (a one-column unique is the column's UQ box). */
export function InspectorUniques({ table, edit, focusId }: SectionProps) {
  const tableId = table.id;
  const [drafting, setDrafting] = useState(false);
  return (
    <section className="inspector-section" data-testid="inspector-uniques">
      <h4>
        Unique constraints
        <button className="btn small" data-testid="unique-add" disabled={table.columns.length === 0 || drafting} onClick={() => setDrafting(true)}>
          + unique
        </button>
      </h4>
      {drafting && (
        <div className="item unique-draft" data-testid="unique-draft">
          <ColumnPicker table={table} value={[]} testId="unique-draft-columns" onChange={(columns) => { edit((m) => addUnique(m, { tableId, columns })); setDrafting(false); }} />
          <button className="btn icon small" data-testid="unique-draft-cancel" title="Cancel" onClick={() => setDrafting(false)}>×</button>
        </div>
      )}
      {table.uniques.map((u) => (
        <FocusItem key={u.id} focused={focusId === u.id} testId="unique-item">
          <ColumnPicker table={table} value={u.columns} required testId="unique-columns" onChange={(columns) => edit((m) => updateUnique(m, { tableId, uniqueId: u.id, patch: { columns } }))} />
          <div className="row">
            <TextField value={u.name ?? ''} placeholder="default name" label="Unique name" testId="unique-name" onCommit={(name) => edit((m) => updateUnique(m, { tableId, uniqueId: u.id, patch: { name } }))} />
            <CheckField label="nulls not distinct" testId="unique-nulls-not-distinct" checked={!!u.nullsNotDistinct} onChange={(v) => edit((m) => updateUnique(m, { tableId, uniqueId: u.id, patch: { nullsNotDistinct: v || null } }))} />
            <CheckField label="deferrable" testId="unique-deferrable" checked={!!u.deferrable} onChange={(v) => edit((m) => updateUnique(m, { tableId, uniqueId: u.id, patch: { deferrable: v || null, ...(v ? {} : { initiallyDeferred: null }) } }))} />
            <CheckField label="initially deferred" testId="unique-initially-deferred" checked={!!u.initiallyDeferred} onChange={(v) => edit((m) => updateUnique(m, { tableId, uniqueId: u.id, patch: v ? { deferrable: true, initiallyDeferred: true } : { initiallyDeferred: null } }))} />
            <button className="btn icon small danger" data-testid="unique-remove" title="Remove unique" onClick={() => edit((m) => removeUnique(m, { tableId, uniqueId: u.id }))}>×</button>
          </div>
          <TextField value={u.comment ?? ''} placeholder="comment" label="Unique comment" testId="unique-comment" onCommit={(comment) => edit((m) => updateUnique(m, { tableId, uniqueId: u.id, patch: { comment: comment || null } }))} />
        </FocusItem>
      ))}
    </section>
  );
}

export function InspectorChecks({ table, edit, focusId }: SectionProps) {
  const tableId = table.id;
  return (
    <section className="inspector-section" data-testid="inspector-checks">
      <h4>
        Checks
        <button className="btn small" data-testid="check-add" onClick={() => edit((m) => addCheck(m, { tableId, expression: 'true' }))}>+ check</button>
      </h4>
      {table.checks.map((c) => (
        <FocusItem key={c.id} focused={focusId === c.id} testId="check-item">
          <TextField value={c.expression} mono label="Check expression" testId="check-expression" onCommit={(expression) => edit((m) => updateCheck(m, { tableId, checkId: c.id, patch: { expression } }))} />
          <div className="row">
            <TextField value={c.name ?? ''} placeholder="default name" label="Check name" testId="check-name" onCommit={(name) => edit((m) => updateCheck(m, { tableId, checkId: c.id, patch: { name } }))} />
            <CheckField label="not valid" testId="check-not-valid" checked={!!c.notValid} onChange={(v) => edit((m) => updateCheck(m, { tableId, checkId: c.id, patch: { notValid: v || null } }))} />
            <CheckField label="no inherit" testId="check-no-inherit" checked={!!c.noInherit} onChange={(v) => edit((m) => updateCheck(m, { tableId, checkId: c.id, patch: { noInherit: v || null } }))} />
            <button className="btn icon small danger" data-testid="check-remove" title="Remove check" onClick={() => edit((m) => removeCheck(m, { tableId, checkId: c.id }))}>×</button>
          </div>
          <TextField value={c.comment ?? ''} placeholder="comment" label="Check comment" testId="check-comment" onCommit={(comment) => edit((m) => updateCheck(m, { tableId, checkId: c.id, patch: { comment } }))} />
        </FocusItem>
      ))}
    </section>
  );
}
