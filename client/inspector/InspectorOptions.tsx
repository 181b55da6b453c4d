/** Table options: UNLOGGED, partitioning (strategy and key), storage parameters, PARTITION OF (with its bound) and INHERITS. */
import { setTableOptions, type TableOptionsPatch } from '../../shared/model/ops/index.ts';
import type { SectionProps } from './edit.ts';
import { formatOptions, parseOptions } from './options-text.ts';
import { CheckField, SelectField, TextField } from './TextField.tsx';
import { InspectorInherits, InspectorPartitionOf } from './InspectorLineage.tsx';

type Strategy = 'none' | 'range' | 'list' | 'hash';
const STRATEGIES: ReadonlyArray<readonly [Strategy, string]> = [['none', 'not partitioned'], ['range', 'PARTITION BY RANGE'], ['list', 'PARTITION BY LIST'], ['hash', 'PARTITION BY HASH']];

export function InspectorOptions({ model, table, edit }: SectionProps) {
  const patch = (p: TableOptionsPatch) => edit((m) => setTableOptions(m, { tableId: table.id, patch: p }));
  const strategy: Strategy = table.partitioning?.strategy ?? 'none';
  const firstColumn = table.columns[0]?.name ?? 'id';
  return (
    <section className="inspector-section" data-testid="inspector-options">
      <h4>Table options</h4>
      <div className="row">
        <SelectField
          label="Partitioning"
          testId="table-partitioning"
          value={strategy}
          options={STRATEGIES}
          onChange={(s) => patch({ partitioning: s === 'none' ? null : { strategy: s, key: table.partitioning?.key ?? firstColumn } })}
        />
        {table.partitioning && (
          <TextField
            value={table.partitioning.key}
            mono
            label="Partition key"
            placeholder="partition key"
            testId="table-partition-key"
            onCommit={(key) => table.partitioning && patch({ partitioning: { ...table.partitioning, key } })}
          />
        )}
      </div>
      <div className="row">
        <CheckField label="UNLOGGED" testId="table-unlogged" checked={!!table.unlogged} onChange={(unlogged) => patch({ unlogged })} />
        <span className="label">WITH</span>
        <TextField
          value={formatOptions(table.with)}
          mono
          label="Storage parameters"
          placeholder="fillfactor=70"
          testId="table-storage"
          onCommit={(text) => {
            const options = parseOptions(text);
            if (options) patch({ with: options });
          }}
        />
      </div>
      <InspectorPartitionOf model={model} table={table} edit={edit} />
      <InspectorInherits model={model} table={table} edit={edit} />
    </section>
  );
}
