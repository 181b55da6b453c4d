/**
 * Where a table comes from: PARTITION OF a partitioned table (with its bound) and INHERITS. Each
 * choice is an op of shared/model/ops/partitions.ts, which refuses what PostgreSQL would refuse.
 */
import type { Table } from '../../shared/model/document.ts';
import { defaultBound, setInherits, setPartitionOf } from '../../shared/model/ops/index.ts';
import { useCallback } from 'react';
import type { SectionProps } from './edit.ts';
import { qualifiedName as label, TableSelect } from './TableSelect.tsx';
import { TextField } from './TextField.tsx';

const partitionOfText = (t: Table) => `PARTITION OF ${label(t)}`;
const NO_PARENTS: readonly string[] = [];

export function InspectorPartitionOf({ model, table, edit }: SectionProps) {
  const tableId = table.id;
  const isParent = useCallback((t: Table) => !!t.partitioning && t.id !== tableId, [tableId]);
  if (!table.partitionOf && !model.tables.some(isParent)) return null;
  const choose = (parentId: string) => edit((m) => {
    const parent = m.tables.find((t) => t.id === parentId);
    if (!parent?.partitioning) return setPartitionOf(m, { tableId, partitionOf: null });
    const bound = table.partitionOf?.parentId === parentId ? table.partitionOf.bound : defaultBound(parent.partitioning.strategy);
    return setPartitionOf(m, { tableId, partitionOf: { parentId, bound } });
  });
  return (
    <div className="row" data-testid="table-partition-of">
      <TableSelect
        tables={model.tables}
        label="Partition of"
        testId="table-partition-parent"
        value={table.partitionOf?.parentId ?? ''}
        placeholder="not a partition"
        offer={isParent}
        text={partitionOfText}
        onChange={choose}
      />
      {table.partitionOf && (
        <TextField
          value={table.partitionOf.bound}
          mono
          label="Partition bound"
          placeholder="FOR VALUES FROM (…) TO (…)"
          testId="table-partition-bound"
          onCommit={(bound) => table.partitionOf && edit((m) => setPartitionOf(m, { tableId, partitionOf: { parentId: table.partitionOf!.parentId, bound } }))}
        />
      )}
    </div>
  );
}

export function InspectorInherits({ model, table, edit }: SectionProps) {
  const tableId = table.id;
  const inherits = table.inherits ?? NO_PARENTS;
  const isCandidate = useCallback((t: Table) => t.id !== tableId && !t.partitioning && !t.partitionOf && !inherits.includes(t.id), [tableId, inherits]);
  if (table.partitionOf || table.partitioning) return null; // PostgreSQL: neither may inherit
  const nameOf = (id: string) => {
    const t = model.tables.find((x) => x.id === id);
    return t ? label(t) : id;
  };
  return (
    <div className="row" data-testid="table-inherits">
      <span className="label">INHERITS</span>
      {inherits.map((id) => (
        <span key={id} className="chip" data-testid="table-inherits-parent" data-parent={nameOf(id)}>
          {nameOf(id)}
          <button className="chip-x" title="No longer inherit (the columns stay)" data-testid="table-inherits-remove" onClick={() => edit((m) => setInherits(m, { tableId, parentIds: inherits.filter((p) => p !== id) }))}>×</button>
        </span>
      ))}
      {model.tables.some(isCandidate) && (
        <TableSelect
          tables={model.tables}
          label="Inherit from"
          testId="table-inherits-add"
          value=""
          placeholder="+ parent…"
          offer={isCandidate}
          onChange={(id) => id && edit((m) => setInherits(m, { tableId, parentIds: [...inherits, id] }))}
        />
      )}
    </div>
  );
}
