import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Model, Table } from '../../shared/model/document.ts';
import { makeDocument } from '../../shared/model/empty.ts';
import { parseDocument } from '../../shared/model/upgrade.ts';
import { openSqlClient, type SqlClient, type SqlSession } from '../db/sql-client.ts';
import { useThrowawayDatabase, type ThrowawayEngine } from '../testing/throwaway-fixture.ts';
import { INTROSPECTION_SETUP, introspect, introspectSession, introspectionQueries } from './introspect.ts';
import { introspectOnTwoConnections } from './two-connections.ts';

const FEATURES = readFileSync(join(import.meta.dirname, '__fixtures__', 'features.sql'), 'utf8');
const BOOKKEEPING = 'CREATE SCHEMA _schemata; CREATE TABLE _schemata.journal (id int);';

function table(model: Model, name: string): Table {
  const found = model.tables.find((t) => `${t.schema}.${t.name}` === name);
  if (!found) throw new Error(`no table ${name}`);
  return found;
}

/** Counts the statements a session runs, to prove the number of queries does not grow with tables. */
function counting(session: SqlSession) {
  const counter = { n: 0 };
  const wrapped: SqlSession = {
    query: (sql, params) => { counter.n++; return session.query(sql, params); },
    exec: (script) => { counter.n++; return session.exec(script); },
    // One script, one statement per query: each answers one row.
    streamRows: (script, onRow) => session.streamRows(script, (row) => { counter.n++; onRow(row); }),
  };
  return { counter, wrapped };
}

function describeOn(name: string, on: ThrowawayEngine) {
  describe(`introspection on ${name}`, () => {
    const { client } = useThrowawayDatabase('introspect', { on, setup: (c) => c.exec(FEATURES + BOOKKEEPING) });
    let model: Model;
    beforeAll(async () => {
      model = await introspect(client);
    });

    it('gives a valid document with name-derived ids, and the same model when read twice', async () => {
      const parsed = parseDocument(makeDocument(model));
      expect(parsed.ok ? [] : parsed.problems).toEqual([]);
      expect(await introspect(client)).toEqual(model);
    });

    it('reads the same model on two connections (the CLI), whole and within a schema filter', async () => {
      let transactions = 0;
      const counted: SqlClient = {
        kind: client.kind, displayUrl: client.displayUrl, query: (sql, params) => client.query(sql, params),
        exec: (script) => client.exec(script), streamRows: (script, onRow) => client.streamRows(script, onRow),
        transaction: (fn, options) => { transactions++; return client.transaction(fn, options); },
        reserveSession: () => client.reserveSession(), close: () => client.close(),
      };
      expect(await introspectOnTwoConnections(counted)).toEqual(model);
      // PostgreSQL: the second transaction imported the first one's snapshot. PGlite has one session.
      expect(transactions).toBe(on === 'postgres' ? 2 : 1);
      expect(await introspectOnTwoConnections(client, { schemas: ['public'] })).toEqual(await introspect(client, { schemas: ['public'] }));
    });

    it('reads schemas, extensions, enums, domains and standalone sequences', () => {
      expect(model.schemas.map((s) => s.name)).toEqual(['app', 'public']);
      expect(model.schemas[0].comment).toBe('the application');
      expect(model.extensions.map((e) => [e.name, e.schema])).toEqual([['citext', 'public']]);
      expect(model.enums).toEqual([{ id: 'enum:app.status', schema: 'app', name: 'status', values: ['new', 'paid', 'shipped'], comment: 'order status' }]);
      expect(model.domains).toEqual([{
        id: 'domain:app.positive', schema: 'app', name: 'positive', type: { name: 'numeric', args: [10, 2] }, notNull: true,
        default: '1', checks: [{ id: 'dck:app.positive.positive_check', name: 'positive_check', expression: '(VALUE > (0)::numeric)' }],
      }]);
      const invoice = model.sequences.find((s) => s.name === 'invoice_no');
      expect(invoice).toEqual({
        id: 'seq:app.invoice_no', schema: 'app', name: 'invoice_no', dataType: 'integer', start: '1000', increment: '5', cache: '10',
        ownedBy: { tableId: 'table:app.orders', columnId: 'col:app.orders.invoice' },
      });
      expect(model.sequences.map((s) => s.name)).toEqual(['invoice_no', 'orders_id_seq']);
    });

    it('reads columns: types with schema, identity, defaults, generated, collation, comments', () => {
      const customer = table(model, 'app.customer');
      const col = (n: string) => customer.columns.find((c) => c.name === n)!;
      expect(col('id').identity).toEqual({ kind: 'always', options: { start: '100' } });
      expect(col('email')).toEqual({ id: 'col:app.customer.email', name: 'email', type: { name: 'citext', schema: 'public' }, notNull: true, comment: 'login' });
      expect(col('name').collation).toBe('"C"');
      expect(col('created').type).toEqual({ name: 'timestamp with time zone', args: [3] });
      expect(col('tags').type).toEqual({ name: 'text', arrayDims: 1 });
      const orders = table(model, 'app.orders');
      const ocol = (n: string) => orders.columns.find((c) => c.name === n)!;
      expect(ocol('id').default).toBe("nextval('app.orders_id_seq'::regclass)");
      expect(ocol('status')).toMatchObject({ type: { name: 'status', schema: 'app' }, default: "'new'::app.status" });
      expect(ocol('total').type).toEqual({ name: 'positive', schema: 'app' });
      expect(ocol('total_with_tax').generated).toBe("((total)::numeric * 1.2)");
      expect(customer.comment).toBe('people who buy');
    });

    it('reads keys, checks, uniques with NULLS NOT DISTINCT and foreign keys', () => {
      const customer = table(model, 'app.customer');
      expect(customer.primaryKey).toEqual({ id: 'pk:app.customer', name: 'customer_pkey', columns: ['col:app.customer.id'] });
      expect(customer.uniques).toEqual([{ id: 'uq:app.customer.customer_code_key', name: 'customer_code_key', columns: ['col:app.customer.code'], nullsNotDistinct: true }]);
      expect(customer.checks).toEqual([{ id: 'ck:app.customer.name_not_blank', name: 'name_not_blank', expression: "(name <> ''::text)", notValid: true }]);
      expect(table(model, 'app.orders').foreignKeys).toEqual([{
        id: 'fk:app.orders.orders_customer_id_fkey', name: 'orders_customer_id_fkey', columns: ['col:app.orders.customer_id'],
        refTableId: 'table:app.customer', refColumns: ['col:app.customer.id'], onDelete: 'cascade', onUpdate: 'no-action',
        match: 'simple', deferrable: true, initiallyDeferred: true,
      }]);
      const line = table(model, 'app.line');
      expect(line.primaryKey?.columns).toEqual(['col:app.line.order_id', 'col:app.line.n']);
      expect(line.foreignKeys[0]).toMatchObject({ name: 'line_order_fk', match: 'full', onUpdate: 'restrict' });
    });

    it('reads indexes that are not constraints: expressions, order, include, where, method, opclass, options', () => {
      expect(table(model, 'app.line').indexes).toEqual([{
        id: 'idx:app.line_sku_lower', name: 'line_sku_lower', unique: true,
        items: [{ expression: 'lower(sku)', order: 'desc', nulls: 'last' }, { column: 'col:app.line.n' }],
        include: ['col:app.line.order_id'], where: "sku <> ''::text",
      }]);
      const customer = table(model, 'app.customer');
      expect(customer.indexes.map((i) => i.name)).toEqual(['customer_name_pattern', 'customer_tags']);
      expect(customer.indexes[0]).toMatchObject({ items: [{ column: 'col:app.customer.name', opclass: 'text_pattern_ops' }], with: { fillfactor: '70' } });
      expect(customer.indexes[1]).toMatchObject({ method: 'gin', comment: 'tag search' });
    });

    it('reads partitioning and inheritance, leaving out what partitions inherit', () => {
      const event = table(model, 'app.event');
      expect(event.partitioning).toEqual({ strategy: 'range', key: 'at' });
      expect(event.indexes.map((i) => i.name)).toEqual(['event_at']);
      const partition = table(model, 'app.event_2024');
      expect(partition.partitionOf).toEqual({ parentId: 'table:app.event', bound: "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')" });
      expect([partition.primaryKey, partition.indexes]).toEqual([undefined, []]);
      expect(table(model, 'app.event_rest').partitionOf?.bound).toBe('DEFAULT');
      expect(table(model, 'app.child').inherits).toEqual(['table:app.base']);
      expect(table(model, 'app.scratch').unlogged).toBe(true);
    });

    it('reads views with their dependencies and column defaults, and materialized views with their indexes and WITH NO DATA', () => {
      const big = model.views.find((v) => v.name === 'big_orders')!;
      expect(big).toMatchObject({ materialized: false, dependsOn: ['table:app.customer', 'table:app.orders'], with: { security_barrier: 'true' } });
      expect(big.columns).toEqual([{ name: 'id', default: '0' }, { name: 'email' }]);
      expect(big.definition).toMatch(/^SELECT o\.id,\s+c\.email\s+FROM \(app\.orders o/);
      const counts = model.views.find((v) => v.name === 'order_counts')!;
      expect(counts.indexes).toEqual([{ id: 'idx:app.order_counts_customer', name: 'order_counts_customer', unique: true, items: [{ expression: 'customer_id' }] }]);
      // relispopulated: only the view created WITH NO DATA says so; a populated one (and a plain view) has no field.
      expect(model.views.map((v) => [v.name, v.withNoData])).toEqual([['big_orders', undefined], ['customer_emails', true], ['order_counts', undefined]]);
    });

    it('keeps functions, procedures, aggregates and triggers as raw SQL; nothing from extensions', () => {
      const raw = model.rawObjects.map((o) => `${o.kind} ${o.schema}.${o.name}`);
      expect(raw.sort()).toEqual([
        'aggregate app.concat_all', 'function app.touch', 'other app.customer_pkey index comment', 'other app.orders row level security',
        'policy app.own_orders', 'procedure app.noop', 'trigger app.orders_touch', 'type app.float_range', 'type app.money_pair',
      ]);
      const definition = (name: string) => model.rawObjects.find((o) => o.name === name)!.definition;
      expect(definition('money_pair')).toBe('CREATE TYPE app.money_pair AS (amount numeric(10,2), currency text COLLATE "C");');
      expect(definition('float_range')).toBe('CREATE TYPE app.float_range AS RANGE (SUBTYPE = double precision, MULTIRANGE_TYPE_NAME = app.float_multirange);');
      expect(definition('own_orders')).toBe('CREATE POLICY own_orders ON app.orders AS PERMISSIVE FOR SELECT TO PUBLIC USING ((customer_id > 0));');
      expect(definition('orders row level security')).toBe('ALTER TABLE app.orders ENABLE ROW LEVEL SECURITY;');
      expect(definition('customer_pkey index comment')).toBe("COMMENT ON INDEX app.customer_pkey IS 'The comment of a key''s index, carried as SQL';");
      const touch = model.rawObjects.find((o) => o.name === 'touch')!;
      expect(touch.definition).toMatch(/^CREATE OR REPLACE FUNCTION app\.touch\(\)[\s\S]*\$function\$;\nCOMMENT ON FUNCTION app\.touch\(\) IS 'keeps rows fresh';$/);
      expect(model.rawObjects.find((o) => o.kind === 'aggregate')!.definition)
        .toBe("CREATE AGGREGATE app.concat_all(text) (\n  SFUNC = textcat,\n  STYPE = text,\n  INITCOND = ''\n);");
      expect(model.rawObjects.find((o) => o.kind === 'trigger')).toMatchObject({ tableId: 'table:app.orders' });
    });

    it('filters by schema', async () => {
      const only = await introspect(client, { schemas: ['public'] });
      expect([only.schemas.map((s) => s.name), only.tables.length, only.enums.length]).toEqual([['public'], 0, 0]);
    });

    it('carries a foreign key to a table outside the schema filter as its SQL, with its comment', async () => {
      await client.exec(`CREATE TABLE public.note (customer_id bigint);
        ALTER TABLE public.note ADD CONSTRAINT note_customer_fk FOREIGN KEY (customer_id) REFERENCES app.customer (id) ON DELETE SET NULL NOT VALID;
        COMMENT ON CONSTRAINT note_customer_fk ON public.note IS 'who wrote it'`);
      try {
        const only = await introspect(client, { schemas: ['public'] });
        expect(table(only, 'public.note').foreignKeys).toEqual([]);
        expect(only.rawObjects.filter((o) => o.tableId === 'table:public.note')).toEqual([{
          id: 'raw:other:public.note.note_customer_fk', kind: 'other', schema: 'public', name: 'note_customer_fk', tableId: 'table:public.note',
          definition: 'ALTER TABLE public.note ADD CONSTRAINT note_customer_fk FOREIGN KEY (customer_id) REFERENCES app.customer(id) ON DELETE SET NULL NOT VALID;'
            + "\nCOMMENT ON CONSTRAINT note_customer_fk ON public.note IS 'who wrote it';",
        }]);
        // Read whole, the same key is typed again.
        expect(table(await introspect(client), 'public.note').foreignKeys.map((k) => k.refTableId)).toEqual(['table:app.customer']);
      } finally {
        await client.exec('DROP TABLE public.note');
      }
    });

    it('filters by schema names holding quotes and backslashes, whatever standard_conforming_strings says', async () => {
      const names = ["it's", 'back\\slash', 'tail\\', 'E\'x\\\'', 'not_asked'];
      await client.exec(names.map((n) => `CREATE SCHEMA "${n}"; CREATE TABLE "${n}".t (id int);`).join('\n'));
      try {
        for (const conforming of ['on', 'off']) {
          const model = await client.transaction(async (tx) => {
            await tx.exec(`SET LOCAL standard_conforming_strings = ${conforming}; SET LOCAL escape_string_warning = off;`);
            return introspectSession(tx, { schemas: names.slice(0, 4) });
          }, { rollback: true });
          expect(model.schemas.map((s) => s.name).sort()).toEqual(names.slice(0, 4).sort());
          expect(model.tables.map((t) => t.schema).sort()).toEqual(names.slice(0, 4).sort());
        }
      } finally {
        await client.exec(names.map((n) => `DROP SCHEMA "${n}" CASCADE;`).join('\n'));
      }
    });

    it('reads in one read-only snapshot, names qualified, without JIT compiling its queries', async () => {
      const settings = await client.transaction(async (tx) => {
        await tx.exec(INTROSPECTION_SETUP);
        return tx.query(`SELECT current_setting('transaction_isolation') AS isolation, current_setting('transaction_read_only') AS "readOnly",
          current_setting('search_path') AS "searchPath", current_setting('jit') AS jit`);
      }, { rollback: true });
      expect(settings).toEqual([{ isolation: 'repeatable read', readOnly: 'on', searchPath: 'pg_catalog', jit: 'off' }]);
    });

    it('runs a fixed number of queries, whatever the number of tables', async () => {
      const count = async () => client.transaction(async (tx) => {
        const { counter, wrapped } = counting(tx);
        await introspectSession(wrapped);
        return counter.n;
      }, { rollback: true });
      const before = await count();
      await client.exec(Array.from({ length: 30 }, (_, i) => `CREATE TABLE app.extra_${i} (id int PRIMARY KEY, v text CHECK (v <> ''));`).join('\n'));
      expect(await count()).toBe(before);
      expect(before).toBe(Object.keys(introspectionQueries({}, { version: 150000 })).length + 1);
    });
  });
}

describeOn('PostgreSQL 15', 'postgres');

describe('introspection on two connections, when the server refuses the second', () => {
  const { db, client } = useThrowawayDatabase('introspect_one_conn', { setup: (c) => c.exec(FEATURES + BOOKKEEPING) });

  it('reads everything on the first, the same model', async () => {
    const role = `schemata_one_conn_${process.pid}`;
    await client.exec(`CREATE ROLE ${role} LOGIN CONNECTION LIMIT 1; GRANT pg_read_all_data TO ${role};`);
    const url = new URL(db.url);
    url.username = role;
    const limited = await openSqlClient(url.href);
    try {
      // While the role's one connection is in a transaction, a second one is refused.
      await expect(limited.transaction(() => limited.query('SELECT 1'))).rejects.toThrow(/too many connections for role/);
      expect(await introspectOnTwoConnections(limited)).toEqual(await introspect(client));
    } finally {
      await limited.close();
      await client.exec(`DROP OWNED BY ${role}; DROP ROLE ${role};`);
    }
  });
});

describe('introspection on two connections', () => {
  const { db, client } = useThrowawayDatabase('introspect_two_conn', { setup: (c) => c.exec(FEATURES + BOOKKEEPING) });

  it('reads on the second connection in the first one\'s snapshot: a table committed in between is not half read', async () => {
    const writer = await openSqlClient(db.url);
    // The second connection's script is the one that sets the shared snapshot; just before it runs,
    // another session commits a new table (a new column would wait on the first's locks).
    const racing: SqlClient = Object.assign(Object.create(client) as SqlClient, {
      transaction: <T>(fn: (tx: SqlSession) => Promise<T>, options?: { rollback?: boolean }) => client.transaction((tx) => fn({
        query: (sql, params) => tx.query(sql, params),
        exec: (script) => tx.exec(script),
        streamRows: async (script, onRow) => {
          if (script.includes('SET TRANSACTION SNAPSHOT')) {
            await writer.exec('CREATE TABLE app.late (id int PRIMARY KEY, note text)');
          }
          return tx.streamRows(script, onRow);
        },
      }), options),
    });
    try {
      const before = await introspect(client);
      const read = await introspectOnTwoConnections(racing);
      expect(read.tables.map((t) => t.name)).not.toContain('late');
      expect(read).toEqual(before);
      expect((await introspect(client)).tables.map((t) => t.name)).toContain('late');
    } finally {
      await writer.exec('DROP TABLE IF EXISTS app.late');
      await writer.close();
    }
  });
});

describeOn('PGlite (PostgreSQL 18)', 'pglite-memory');
