/**
 * An audit trail: one generic log table in its own schema, filled by one trigger function that any
 * table can attach (old and new row as JSON, who, when, in which transaction).
 */
import type { ModelDocument, RawObject, Table } from '../document.ts';
import { emptyModel, makeDocument } from '../empty.ts';
import { derivedId } from '../ids.ts';
import { table } from './build.ts';
import { layeredLayout } from './layout.ts';

const LOG_FUNCTION = `CREATE FUNCTION audit.log_change() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    AS $$
BEGIN
  INSERT INTO audit.log (table_schema, table_name, operation, old_data, new_data)
  VALUES (TG_TABLE_SCHEMA, TG_TABLE_NAME, TG_OP::audit.operation,
          CASE WHEN TG_OP IN ('UPDATE', 'DELETE') THEN to_jsonb(OLD) END,
          CASE WHEN TG_OP IN ('INSERT', 'UPDATE') THEN to_jsonb(NEW) END);
  RETURN NULL;
END
$$;`;

function tables(): Table[] {
  const log = table({
    schema: 'audit', name: 'log', comment: 'Every change to an audited table, as JSON',
    columns: {
      id: { type: 'bigint', notNull: true, identity: { kind: 'always' } },
      table_schema: { type: 'text', notNull: true }, table_name: { type: 'text', notNull: true },
      operation: { type: 'audit.operation', notNull: true },
      old_data: { type: 'jsonb', comment: 'Row before the change (UPDATE, DELETE)' },
      new_data: { type: 'jsonb', comment: 'Row after the change (INSERT, UPDATE)' },
      changed_by: { type: 'text', notNull: true, default: 'CURRENT_USER' },
      changed_at: { type: 'timestamp with time zone', notNull: true, default: 'now()' },
      transaction_id: { type: 'bigint', notNull: true, default: 'txid_current()' },
    },
    primaryKey: ['id'],
    indexes: [
      { items: ['table_schema', 'table_name', { column: 'changed_at', order: 'desc' }] },
      { method: 'brin', items: ['changed_at'] },
    ],
  });
  const accounts = table({
    name: 'accounts', comment: 'An audited table',
    columns: {
      id: { type: 'bigint', notNull: true, identity: { kind: 'by-default' } }, name: { type: 'text', notNull: true },
      balance: { type: 'numeric(12,2)', notNull: true, default: '0' },
      updated_at: { type: 'timestamp with time zone', notNull: true, default: 'now()' },
    },
    primaryKey: ['id'],
  });
  const invoices = table({
    name: 'invoices', comment: 'Another audited table',
    columns: {
      id: { type: 'bigint', notNull: true, identity: { kind: 'by-default' } }, account_id: { type: 'bigint', notNull: true },
      amount: { type: 'numeric(12,2)', notNull: true }, issued_on: { type: 'date', notNull: true, default: 'CURRENT_DATE' },
    },
    primaryKey: ['id'],
    checks: [{ expression: 'amount >= 0' }],
    foreignKeys: [{ columns: ['account_id'], references: 'accounts' }],
  });
  return [log, accounts, invoices];
}

function auditTrigger(t: Table): RawObject {
  const name = `${t.name}_audit`;
  return {
    id: derivedId.raw('trigger', t.schema, name), kind: 'trigger', schema: t.schema, name, tableId: t.id,
    definition: `CREATE TRIGGER ${name} AFTER INSERT OR UPDATE OR DELETE ON ${t.schema}.${t.name} FOR EACH ROW EXECUTE FUNCTION audit.log_change();`,
  };
}

/** Ex: `buildAuditTrail().model.rawObjects.filter((r) => r.kind === 'trigger').length` → `2`. */
export function buildAuditTrail(): ModelDocument {
  const model = emptyModel();
  model.schemas.push({ id: derivedId.schema('audit'), name: 'audit', comment: 'Change history' });
  model.enums.push({ id: derivedId.enum('audit', 'operation'), schema: 'audit', name: 'operation', values: ['INSERT', 'UPDATE', 'DELETE', 'TRUNCATE'] });
  model.tables.push(...tables());
  model.rawObjects.push(
    { id: derivedId.raw('function', 'audit', 'log_change'), kind: 'function', schema: 'audit', name: 'log_change', definition: LOG_FUNCTION },
    ...model.tables.filter((t) => t.schema === 'public').map(auditTrigger),
  );
  return makeDocument(model, layeredLayout(model), 'Audit trail');
}
