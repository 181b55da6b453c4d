import { describe, expect, it } from 'vitest';
import type { Model } from '../model/document.ts';
import { lintModel } from './lint.ts';
import { LINT_RULES } from './rules.ts';
import { buildModel, colId, tableId, type ModelSpec, type TableSpec } from '../model/model-builder.ts';
import * as ops from '../model/ops/index.ts';
import { templates } from '../model/templates/index.ts';

/** A small model a reviewer would pass: every rule case below breaks it in exactly one way. */
const cleanSpec = (): ModelSpec => ({
  tables: [
    { name: 'customers', columns: ['id bigint!', 'email text!', 'created_at timestamptz! = now()'], pk: ['id'], uniques: [['email']] },
    {
      name: 'orders',
      columns: ['id bigint!', 'customer_id bigint!', "status public.order_status! = 'pending'::order_status", 'total numeric(12,2)!'],
      pk: ['id'],
      fks: [{ columns: ['customer_id'], ref: 'customers', refColumns: ['id'] }],
      indexes: [['customer_id']],
    },
  ],
  enums: [{ name: 'order_status', values: ['pending', 'paid'] }],
});

/** The clean model with `fn` applied to one table spec. */
function withTable(name: string, fn: (t: TableSpec) => void): Model {
  const spec = cleanSpec();
  fn(spec.tables.find((t) => t.name === name)!);
  return buildModel(spec);
}
const extraTable = (t: TableSpec): Model => {
  const spec = cleanSpec();
  spec.tables.push(t);
  return buildModel(spec);
};
const orders = tableId('orders');
/** Names the ops refuse (they would not validate), as an imported document may still hold them. */
function withColumnName(name: string): Model {
  const m = buildModel(cleanSpec());
  m.tables[1].columns[3].name = name;
  return m;
}
const fkId = 'fk:public.orders.fk0';

interface Case {
  code: string;
  model: () => Model;
  /** Every code lintModel must report (nothing else), and the object the rule's issue points at. */
  codes: string[];
  objectId: string;
  severity: 'error' | 'warning' | 'info';
}

const cases: Case[] = [
  { code: 'no-primary-key', model: () => extraTable({ name: 'events', columns: ['payload jsonb'] }), codes: ['no-primary-key'], objectId: tableId('events'), severity: 'warning' },
  { code: 'no-columns', model: () => buildModel({ ...cleanSpec(), tables: [...cleanSpec().tables, { name: 'empty', columns: [], pk: undefined }] }), codes: ['no-columns', 'no-primary-key'], objectId: tableId('empty'), severity: 'warning' },
  { code: 'fk-without-index', model: () => withTable('orders', (t) => { t.indexes = []; }), codes: ['fk-without-index'], objectId: fkId, severity: 'warning' },
  { code: 'fk-type-mismatch', model: () => withTable('orders', (t) => { t.columns[1] = 'customer_id integer!'; }), codes: ['fk-type-mismatch'], objectId: fkId, severity: 'warning' },
  { code: 'fk-type-mismatch', model: () => withTable('orders', (t) => { t.columns[1] = 'customer_id uuid!'; }), codes: ['fk-type-mismatch'], objectId: fkId, severity: 'error' },
  { code: 'fk-not-unique', model: () => withTable('orders', (t) => { t.fks![0].refColumns = ['created_at']; t.columns[1] = 'customer_id timestamptz!'; }), codes: ['fk-not-unique'], objectId: fkId, severity: 'error' },
  { code: 'fk-set-null-not-null', model: () => ops.updateForeignKey(buildModel(cleanSpec()), { tableId: orders, foreignKeyId: fkId, patch: { onDelete: 'set-null' } }), codes: ['fk-set-null-not-null'], objectId: fkId, severity: 'error' },
  { code: 'fk-set-default-without-default', model: () => ops.updateForeignKey(buildModel(cleanSpec()), { tableId: orders, foreignKeyId: fkId, patch: { onDelete: 'set-default' } }), codes: ['fk-set-default-without-default'], objectId: fkId, severity: 'warning' },
  { code: 'fk-partly-nullable', model: () => buildModel({ tables: [
    { name: 'a', columns: ['x integer!', 'y integer!'], pk: ['x', 'y'] },
    { name: 'b', columns: ['id integer!', 'x integer!', 'y integer'], pk: ['id'], fks: [{ columns: ['x', 'y'], ref: 'a', refColumns: ['x', 'y'] }], indexes: [['x', 'y']] },
  ] }), codes: ['fk-partly-nullable'], objectId: 'fk:public.b.fk0', severity: 'warning' },
  { code: 'fk-missing-table', model: () => { const m = buildModel(cleanSpec()); return { ...m, tables: m.tables.filter((t) => t.name !== 'customers') }; }, codes: ['fk-missing-table'], objectId: fkId, severity: 'error' },
  { code: 'duplicate-name', model: () => ops.addColumn(buildModel(cleanSpec()), { tableId: orders, id: 'dup', name: 'total', type: { name: 'numeric' } }), codes: ['duplicate-name'], objectId: 'dup', severity: 'error' },
  { code: 'duplicate-name', model: () => withTable('orders', (t) => { t.indexes = [{ items: ['customer_id'], name: 'customers' }]; }), codes: ['duplicate-name'], objectId: 'idx:public.customers', severity: 'error' },
  { code: 'duplicate-name', model: () => { const m = buildModel(cleanSpec()); return ops.addEnum(m, { id: 'e2', name: 'customers', values: ['a'] }); }, codes: ['duplicate-name'], objectId: 'e2', severity: 'error' },
  { code: 'empty-name', model: () => withColumnName(''), codes: ['empty-name'], objectId: colId('orders', 'total'), severity: 'error' },
  { code: 'name-too-long', model: () => withColumnName('é'.repeat(32)), codes: ['name-too-long'], objectId: colId('orders', 'total'), severity: 'error' },
  { code: 'name-needs-quoting', model: () => ops.renameColumn(buildModel(cleanSpec()), { tableId: orders, columnId: colId('orders', 'total'), name: 'Total' }), codes: ['name-needs-quoting'], objectId: colId('orders', 'total'), severity: 'warning' },
  { code: 'name-needs-quoting', model: () => ops.renameTable(buildModel(cleanSpec()), { tableId: orders, name: 'order' }), codes: ['name-needs-quoting'], objectId: orders, severity: 'warning' },
  { code: 'nullable-primary-key', model: () => withTable('customers', (t) => { t.columns[0] = 'id bigint'; }), codes: ['nullable-primary-key'], objectId: colId('customers', 'id'), severity: 'warning' },
  { code: 'duplicate-index', model: () => withTable('orders', (t) => { t.indexes = [['customer_id'], ['customer_id']]; }), codes: ['duplicate-index'], objectId: 'idx:public.orders_idx1', severity: 'warning' },
  { code: 'redundant-index', model: () => withTable('orders', (t) => { t.indexes = [['customer_id'], ['customer_id', 'status']]; }), codes: ['redundant-index'], objectId: 'idx:public.orders_idx0', severity: 'warning' },
  { code: 'duplicate-index', model: () => withTable('orders', (t) => { t.indexes!.push(['id']); }), codes: ['duplicate-index'], objectId: 'idx:public.orders_idx1', severity: 'warning' },
  { code: 'redundant-unique', model: () => withTable('customers', (t) => { t.uniques!.push(['id']); }), codes: ['redundant-unique'], objectId: 'uq:public.customers.uq1', severity: 'warning' },
  { code: 'timestamp-without-time-zone', model: () => withTable('customers', (t) => { t.columns[2] = 'created_at timestamp! = now()'; }), codes: ['timestamp-without-time-zone'], objectId: colId('customers', 'created_at'), severity: 'info' },
  { code: 'varchar-without-length', model: () => withTable('customers', (t) => { t.columns[1] = 'email varchar!'; }), codes: ['varchar-without-length'], objectId: colId('customers', 'email'), severity: 'info' },
  { code: 'char-type', model: () => withTable('customers', (t) => { t.columns.push('country char(2)'); }), codes: ['char-type'], objectId: colId('customers', 'country'), severity: 'info' },
  { code: 'money-type', model: () => withTable('orders', (t) => { t.columns[3] = 'total money!'; }), codes: ['money-type'], objectId: colId('orders', 'total'), severity: 'warning' },
  { code: 'float-for-money', model: () => withTable('orders', (t) => { t.columns[3] = 'total double precision!'; }), codes: ['float-for-money'], objectId: colId('orders', 'total'), severity: 'warning' },
  { code: 'json-type', model: () => withTable('orders', (t) => { t.columns.push('meta json'); }), codes: ['json-type'], objectId: colId('orders', 'meta'), severity: 'info' },
  { code: 'serial-default', model: () => withTable('orders', (t) => { t.columns[0] = "id bigint! = nextval('orders_id_seq'::regclass)"; }), codes: ['serial-default'], objectId: colId('orders', 'id'), severity: 'info' },
  { code: 'identity-with-default', model: () => { const m = withTable('orders', (t) => { t.columns[0] = 'id bigint! = 1'; }); m.tables[1].columns[0].identity = { kind: 'always' }; return m; }, codes: ['identity-with-default'], objectId: colId('orders', 'id'), severity: 'error' },
  { code: 'identity-not-integer', model: () => ops.updateColumn(buildModel(cleanSpec()), { tableId: orders, columnId: colId('orders', 'total'), patch: { identity: { kind: 'always' } } }), codes: ['identity-not-integer'], objectId: colId('orders', 'total'), severity: 'error' },
  { code: 'generated-with-default', model: () => { const m = withTable('orders', (t) => { t.columns.push('double numeric = 0'); }); m.tables[1].columns[4].generated = 'total * 2'; return m; }, codes: ['generated-with-default'], objectId: colId('orders', 'double'), severity: 'error' },
  { code: 'enum-without-values', model: () => buildModel({ ...cleanSpec(), enums: [{ name: 'order_status', values: [] }] }), codes: ['enum-without-values'], objectId: 'enum:public.order_status', severity: 'warning' },
  { code: 'enum-duplicate-value', model: () => buildModel({ ...cleanSpec(), enums: [{ name: 'order_status', values: ['a', 'a'] }] }), codes: ['enum-duplicate-value'], objectId: 'enum:public.order_status', severity: 'error' },
  { code: 'partition-key-not-in-key', model: () => ops.setTableOptions(buildModel(cleanSpec()), { tableId: orders, patch: { partitioning: { strategy: 'range', key: 'total' } } }), codes: ['partition-key-not-in-key'], objectId: 'pk:public.orders', severity: 'error' },
  { code: 'unknown-type', model: () => buildModel({ ...cleanSpec(), enums: [] }), codes: ['unknown-type'], objectId: colId('orders', 'status'), severity: 'error' },
  { code: 'unknown-type', model: () => withTable('orders', (t) => { t.columns.push('note txet'); }), codes: ['unknown-type'], objectId: colId('orders', 'note'), severity: 'error' },
  { code: 'sql-field', model: () => withTable('orders', (t) => { t.columns[3] = 'total numeric(12,2)! = 0); DROP TABLE x; SELECT (1'; }), codes: ['sql-field'], objectId: colId('orders', 'total'), severity: 'error' },
];

describe('lintModel: one case per rule', () => {
  it.each(cases.map((c, i) => ({ ...c, title: `${c.code} #${i}` })))('$title', ({ code, model, codes, objectId, severity }) => {
    const issues = lintModel(model());
    expect(issues.map((i) => i.code).sort()).toEqual([...codes].sort());
    const issue = issues.find((i) => i.code === code)!;
    expect({ objectId: issue.objectId, severity: issue.severity }).toEqual({ objectId, severity });
    expect(issue.message.length).toBeGreaterThan(10);
  });
});

describe('LINT_RULES', () => {
  it('documents every rule the cases cover, and every documented rule has a case', () => {
    expect([...new Set(cases.map((c) => c.code))].sort()).toEqual(Object.keys(LINT_RULES).sort());
  });
});

describe('lintModel', () => {
  it('finds nothing in the clean model', () => {
    expect(lintModel(buildModel(cleanSpec()))).toEqual([]);
  });

  it('sorts errors before warnings before infos', () => {
    const base = withTable('orders', (t) => { t.columns[3] = 'total money!'; t.columns.push('at timestamp'); });
    const m = ops.addColumn(base, { tableId: orders, name: 'at' });
    const order = lintModel(m).map((i) => i.severity);
    expect(order).toEqual([...order].sort((a, b) => ['error', 'warning', 'info'].indexOf(a) - ['error', 'warning', 'info'].indexOf(b)));
    expect(new Set(order)).toEqual(new Set(['error', 'warning', 'info']));
  });

  it('accepts a partitioned table whose keys include the partition key', () => {
    expect(lintModel(ops.setTableOptions(buildModel(cleanSpec()), { tableId: orders, patch: { partitioning: { strategy: 'hash', key: 'id' } } }))).toEqual([]);
  });

  it('points table-local issues at their table', () => {
    const issues = lintModel(extraTable({ name: 'events', columns: ['at timestamp'] }));
    expect(issues.every((i) => i.tableId === tableId('events'))).toBe(true);
  });

  it('re-lints only replaced tables (results of unchanged tables are reused)', () => {
    const m = extraTable({ name: 'events', columns: ['at timestamp'] });
    const first = lintModel(m).find((i) => i.code === 'timestamp-without-time-zone');
    const edited = ops.renameTable(m, { tableId: orders, name: 'purchases' });
    const second = lintModel(edited).find((i) => i.code === 'timestamp-without-time-zone');
    expect(second).toBe(first);
  });
});

describe('lintModel on the e-commerce template', () => {
  const template = templates.find((t) => t.name === 'ecommerce')!;

  it('finds no errors, and the warnings it finds are the unindexed foreign keys', () => {
    const issues = lintModel(template.build().model);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    const warnings = issues.filter((i) => i.severity === 'warning');
    expect(new Set(warnings.map((i) => i.code))).toEqual(new Set(['fk-without-index']));
    const fkCount = template.build().model.tables.reduce((n, t) => n + t.foreignKeys.length, 0);
    expect(warnings.length).toBeLessThanOrEqual(fkCount);
  });

  it('is clean once the suggested fixes are applied through the ops', () => {
    let model = template.build().model;
    for (const issue of lintModel(model)) {
      const table = model.tables.find((t) => t.id === issue.tableId)!;
      if (issue.code === 'fk-without-index') {
        const fk = table.foreignKeys.find((f) => f.id === issue.objectId)!;
        model = ops.addIndex(model, { tableId: table.id, columns: fk.columns });
      } else if (issue.code === 'char-type') {
        model = ops.updateColumn(model, { tableId: table.id, columnId: issue.objectId, patch: { type: { name: 'text' } } });
      } else {
        throw new Error(`unexpected issue ${issue.code}: ${issue.message}`);
      }
    }
    expect(lintModel(model)).toEqual([]);
  });
});

describe('lintModel at scale', () => {
  it('lints a 2,000-table model, and an edit re-lints fast', () => {
    const tables: TableSpec[] = Array.from({ length: 2000 }, (_, i) => ({
      name: `t${i}`,
      columns: ['id bigint!', 'parent_id bigint', 'name text'],
      pk: ['id'],
      fks: i ? [{ columns: ['parent_id'], ref: `t${i - 1}`, refColumns: ['id'] }] : [],
      indexes: i ? [['parent_id']] : [],
    }));
    const model = buildModel({ tables });
    expect(lintModel(model)).toEqual([]);
    const edited = ops.renameColumn(model, { tableId: tableId('t5'), columnId: colId('t5', 'name'), name: 'Name' });
    const start = performance.now();
    const issues = lintModel(edited);
    const elapsed = performance.now() - start;
    expect(issues.map((i) => i.code)).toEqual(['name-needs-quoting']);
    console.log(`lintModel after one edit on 2,000 tables: ${elapsed.toFixed(1)} ms`);
  });
});
