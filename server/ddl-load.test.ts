/**
 * For every part of the model: generate the DDL of a model that uses it (the every-feature fixture),
 * load it into a throwaway PostgreSQL 15 database, and check with catalog queries that the database
 * holds exactly what the model says. Expectations are computed from the model, never written out.
 */
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { featureModel } from '../shared/ddl/__fixtures__/feature-model.ts';
import { generatePostgres } from '../shared/ddl/generate.ts';
import { loadSqlParser } from '../shared/io/parser.ts';
import { sameSqlMeaning } from '../shared/io/sql-import/compare-sql.ts';
import { quoteIdent, quoteLiteral } from '../shared/ddl/quote.ts';
import type { Model, Table } from '../shared/model/document.ts';
import { withEffectiveNames } from '../shared/model/names.ts';
import { formatType } from '../shared/model/types.ts';
import { openSqlClient } from './db/sql-client.ts';
import { catalogSnapshot, type CatalogSnapshot } from './testing/catalog-snapshot.ts';
import { readConstraints, readIndexes, type CatalogConstraint, type CatalogIndex } from './testing/model-catalog.ts';
import { useThrowawayDatabase } from './testing/throwaway-fixture.ts';

const model: Model = withEffectiveNames(featureModel());
const tablesById = new Map(model.tables.map((t) => [t.id, t]));
const colName = (t: Table, id: string) => t.columns.find((c) => c.id === id)!.name;
/** How format_type / regclass print a name with `public` on the search path. */
const shown = (schema: string | undefined, name: string) => (schema && schema !== 'public' ? `${quoteIdent(schema)}.${quoteIdent(name)}` : quoteIdent(name));
/** Byte order of tuples, as ORDER BY … COLLATE "C" gives. */
const compareTuples = (a: unknown[], b: unknown[]): number => {
  for (let i = 0; i < a.length; i += 1) {
    if (a[i] === b[i]) continue;
    return typeof a[i] === 'number' ? (a[i] as number) - (b[i] as number) : String(a[i]) < String(b[i]) ? -1 : 1;
  }
  return 0;
};
const byKey = <T extends { schema: string; owner?: string; name: string }>(rows: T[]) =>
  [...rows].sort((a, b) => compareTuples([a.schema, a.owner ?? '', a.name], [b.schema, b.owner ?? '', b.name]));

const { client } = useThrowawayDatabase('ddl_load_features', { setup: (c) => c.exec(generatePostgres(featureModel())) });
let snapshot: CatalogSnapshot;
let constraints: CatalogConstraint[];
let indexes: CatalogIndex[];

beforeAll(async () => {
  snapshot = await catalogSnapshot(client);
  constraints = await readConstraints(client);
  indexes = await readIndexes(client);
});

describe('the database holds exactly what the model says', () => {
  it('schemas and extensions (with comments)', () => {
    expect(snapshot.schemas).toEqual(byKey(model.schemas.map((s) => ({ schema: s.name, name: s.name, comment: s.comment ?? null })))
      .map(({ name, comment }) => ({ name, comment })));
    const extensions = snapshot.extensions.filter((e) => e.name !== 'plpgsql');
    expect(extensions).toEqual(model.extensions.map((e) => ({ name: e.name, schema: e.schema })));
  });

  it('enums: values in order, comment', () => {
    expect(snapshot.enums).toEqual(model.enums.map((e) => ({ schema: e.schema, name: e.name, labels: e.values, comment: e.comment ?? null })));
  });

  it('domains: base type, default, not null, named checks, comment', () => {
    const expected = byKey(model.domains.map((d) => ({
      schema: d.schema, name: d.name, type: formatType({ ...d.type, schema: d.type.schema === 'public' ? undefined : d.type.schema }),
      notNull: d.notNull, default: d.default ?? null, collation: d.collation ?? null, comment: d.comment ?? null,
    })));
    expect(snapshot.domains).toEqual(expected);
    const domainChecks = constraints.filter((c) => c.kind === 'domain-check').map((c) => `${c.owner}.${c.name}`).sort();
    expect(domainChecks).toEqual(model.domains.flatMap((d) => d.checks.map((c) => `${d.name}.${c.name}`)).sort());
  });

  it('sequences: options and OWNED BY', () => {
    for (const s of model.sequences) {
      const row = snapshot.sequences.find((r) => r.schema === s.schema && r.name === s.name);
      const owner = s.ownedBy && tablesById.get(s.ownedBy.tableId)!;
      expect(row).toMatchObject({
        type: s.dataType ?? 'bigint', start: s.start ?? '1', increment: s.increment ?? '1', cycle: s.cycle ?? false,
        ...(s.minValue ? { min: s.minValue } : {}), ...(s.maxValue ? { max: s.maxValue } : {}), cache: s.cache ?? '1',
        ownedBy: owner ? `${shown(owner.schema, owner.name)}.${colName(owner, s.ownedBy!.columnId)}` : null, comment: s.comment ?? null,
      });
    }
  });

  it('tables and views: kind, UNLOGGED, WITH, PARTITION BY, partition bounds, INHERITS, comments, WITH NO DATA (relispopulated)', () => {
    const expected = [
      ...model.tables.map((t) => ({
        schema: t.schema, name: t.name, kind: t.partitioning ? 'p' : 'r', persistence: t.unlogged ? 'u' : 'p',
        options: t.with ? Object.entries(t.with).map(([k, v]) => `${k}=${v}`) : null,
        partitionKey: t.partitioning ? `${t.partitioning.strategy.toUpperCase()} (${t.partitioning.key})` : null,
        partitionBound: t.partitionOf?.bound ?? null,
        parents: t.partitionOf || t.inherits ? [t.partitionOf?.parentId, ...(t.inherits ?? [])].filter(Boolean).map((id) => shown(tablesById.get(id!)!.schema, tablesById.get(id!)!.name)) : null,
        comment: t.comment ?? null, populated: true,
      })),
      ...model.views.map((v) => ({
        schema: v.schema, name: v.name, kind: v.materialized ? 'm' : 'v', persistence: 'p',
        options: v.with ? Object.entries(v.with).map(([k, val]) => `${k}=${val}`) : null,
        partitionKey: null, partitionBound: null, parents: null, comment: v.comment ?? null, populated: !(v.materialized && v.withNoData),
      })),
    ];
    const actual = snapshot.relations.map(({ definition: _definition, ...rest }) => rest);
    expect(actual).toEqual(byKey(expected));
  });

  it('columns: type with length/precision/arrays, NOT NULL, DEFAULT, identity, stored generated, collation, comment', () => {
    const expected = model.tables.flatMap((t) => t.columns.map((c, i) => ({
      schema: t.schema, table: t.name, num: i + 1, name: c.name,
      type: formatType({ ...c.type, schema: c.type.schema === 'public' ? undefined : c.type.schema }),
      notNull: c.notNull || Boolean(c.identity), default: c.generated ? `(${c.generated})` : c.default ?? null,
      identity: c.identity ? (c.identity.kind === 'always' ? 'a' : 'd') : '', generated: c.generated ? 's' : '',
      collation: c.collation ?? null, comment: c.comment ?? null,
    })));
    const tableColumns = snapshot.columns.filter((c) => model.tables.some((t) => t.schema === c.schema && t.name === c.table));
    const key = (c: Record<string, unknown>) => [c.schema, c.table, c.num];
    expect(tableColumns).toEqual(expected.sort((a, b) => compareTuples(key(a), key(b))));
    // A view's listed columns say their comment and default; the others have neither.
    expect(model.views.some((v) => v.columns?.some((c) => c.default))).toBe(true);
    for (const v of model.views) {
      const listed = new Map((v.columns ?? []).map((c) => [c.name, c]));
      const viewColumns = snapshot.columns.filter((c) => c.schema === v.schema && c.table === v.name);
      expect(viewColumns.map((c) => c.name), v.name).toEqual(expect.arrayContaining([...listed.keys()]));
      expect(viewColumns.map((c) => ({ name: c.name, comment: c.comment, default: c.default })), v.name)
        .toEqual(viewColumns.map((c) => ({ name: c.name, comment: listed.get(String(c.name))?.comment ?? null, default: listed.get(String(c.name))?.default ?? null })));
    }
  });

  it('a view column default is what an INSERT through the view gets', async () => {
    const view = model.views.find((v) => v.name === 'titled_products')!;
    const title = await client.transaction((tx) => tx.query<{ title: string }>(
      `INSERT INTO ${quoteIdent(view.schema)}.${quoteIdent(view.name)} (sku, variant) VALUES ('probe', 1) RETURNING title`,
    ), { rollback: true });
    expect(`${quoteLiteral(title[0].title)}::text`).toBe(view.columns!.find((c) => c.name === 'title')!.default);
  });

  it('identity options live in the identity sequence', () => {
    for (const t of model.tables) {
      for (const c of t.columns.filter((col) => col.identity?.options)) {
        const row = snapshot.sequences.find((s) => s.ownedBy === `${shown(t.schema, t.name)}.${c.name}`);
        const o = c.identity!.options!;
        expect(row).toMatchObject({ ...(o.start ? { start: o.start } : {}), ...(o.increment ? { increment: o.increment } : {}) });
      }
    }
  });

  it('constraints: composite PK, UNIQUE (NULLS NOT DISTINCT, DEFERRABLE), CHECK (NO INHERIT, NOT VALID), FK (composite, actions, MATCH FULL, deferrable)', () => {
    const expected = model.tables.flatMap((t): Partial<CatalogConstraint>[] => {
      const base = { schema: t.schema, owner: t.name };
      const names = (ids: string[]) => ids.map((id) => colName(t, id));
      return [
        ...(t.primaryKey ? [{
          ...base, name: t.primaryKey.name!, kind: 'primary-key' as const, columns: names(t.primaryKey.columns),
          deferrable: Boolean(t.primaryKey.deferrable), initiallyDeferred: Boolean(t.primaryKey.initiallyDeferred), nullsNotDistinct: false,
        }] : []),
        ...t.uniques.map((u) => ({ ...base, name: u.name!, kind: 'unique' as const, columns: names(u.columns), deferrable: Boolean(u.deferrable), initiallyDeferred: Boolean(u.initiallyDeferred), nullsNotDistinct: Boolean(u.nullsNotDistinct) })),
        ...t.checks.map((c) => ({ ...base, name: c.name!, kind: 'check' as const, noInherit: Boolean(c.noInherit), validated: !c.notValid })),
        ...t.foreignKeys.map((fk) => {
          const ref = tablesById.get(fk.refTableId)!;
          return {
            ...base, name: fk.name!, kind: 'foreign-key' as const, columns: names(fk.columns), refTable: `${ref.schema}.${ref.name}`,
            refColumns: fk.refColumns.map((id) => colName(ref, id)), onDelete: fk.onDelete, onUpdate: fk.onUpdate, match: fk.match,
            deferrable: Boolean(fk.deferrable), initiallyDeferred: Boolean(fk.initiallyDeferred), validated: !fk.notValid,
          };
        }),
      ];
    });
    const tableConstraints = constraints.filter((c) => c.kind !== 'domain-check');
    expect(tableConstraints.map((c) => `${c.schema}.${c.owner}.${c.name}`)).toEqual(byKey(expected as CatalogConstraint[]).map((c) => `${c.schema}.${c.owner}.${c.name}`));
    for (const e of expected) expect(tableConstraints.find((c) => c.owner === e.owner && c.name === e.name)).toMatchObject(e);
  });

  it('indexes: unique, method, expressions, order, NULLS, opclass, collation, INCLUDE, partial, NULLS NOT DISTINCT, WITH (also on a materialized view)', () => {
    const owners = [...model.tables.map((t) => ({ schema: t.schema, name: t.name, columns: t.columns, indexes: t.indexes })),
      ...model.views.map((v) => ({ schema: v.schema, name: v.name, columns: [] as Table['columns'], indexes: v.indexes ?? [] }))];
    const expected = owners.flatMap((o) => o.indexes.map((x) => ({
      schema: o.schema, owner: o.name, name: x.name!, unique: x.unique, method: x.method ?? 'btree', partial: Boolean(x.where),
      nullsNotDistinct: Boolean(x.nullsNotDistinct), options: x.with ? Object.entries(x.with).map(([k, v]) => `${k}=${v}`) : null,
      include: (x.include ?? []).map((id) => o.columns.find((c) => c.id === id)!.name),
      items: x.items.map((item) => ({
        // A bare column name written as an expression is stored as that column.
        key: item.column ? o.columns.find((c) => c.id === item.column)!.name : /^[a-z_]+$/.test(item.expression!) ? item.expression! : '(expression)',
        desc: item.order === 'desc', nullsFirst: item.nulls ? item.nulls === 'first' : item.order === 'desc',
        ...(item.opclass ? { opclass: item.opclass } : {}), collation: item.collation ?? null,
      })),
    })));
    // Partitions also get indexes PostgreSQL creates for the parent's: the next test covers them.
    const partitions = new Set(model.tables.filter((t) => t.partitionOf).map((t) => t.name));
    const actual = indexes.filter((x) => !partitions.has(x.owner));
    expect(actual.map((x) => x.name)).toEqual(byKey(expected.filter((x) => !partitions.has(x.owner))).map((x) => x.name));
    for (const e of expected) expect(indexes.find((x) => x.name === e.name)).toMatchObject(e);
  });

  it('a partition\'s own index is attached to the parent\'s index, not duplicated', async () => {
    const rows = await client.query(`SELECT c.relname AS name, p.relname AS parent FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
      LEFT JOIN pg_inherits h ON h.inhrelid = c.oid LEFT JOIN pg_class p ON p.oid = h.inhparent
      WHERE i.indrelid IN ('public.events_2024'::regclass, 'public.events_default'::regclass) AND NOT i.indisprimary ORDER BY 1`);
    const parentIndex = model.tables.find((t) => t.name === 'events')!.indexes[0].name;
    const own = model.tables.find((t) => t.name === 'events_2024')!.indexes[0].name;
    expect(rows).toEqual([{ name: 'events_default_at_idx', parent: parentIndex }, { name: own, parent: parentIndex }].sort((a, b) => (a.name! < b.name! ? -1 : 1)));
  });

  it('comments on constraints and indexes', () => {
    const constraintComments = model.tables.flatMap((t) => [t.primaryKey, ...t.uniques, ...t.checks, ...t.foreignKeys]
      .filter((c) => c?.comment).map((c) => [c!.name, c!.comment]));
    expect(snapshot.constraints.filter((c) => c.comment).map((c) => [c.name, c.comment])).toEqual(constraintComments);
    const indexComments = model.tables.flatMap((t) => t.indexes.filter((x) => x.comment).map((x) => [x.name, x.comment]));
    expect(snapshot.indexes.filter((x) => x.comment).map((x) => [x.name, x.comment])).toEqual(indexComments);
  });

  it('carried objects: functions (name and body), trigger and policy (their statements)', async () => {
    await loadSqlParser();
    const functions = model.rawObjects.filter((r) => r.kind === 'function').sort((a, b) => (a.name < b.name ? -1 : 1));
    // The body PostgreSQL keeps (prosrc) is what the model's `AS $$…$$` says.
    const bodyHash = (definition: string) => createHash('md5').update(/\$\$([\s\S]*)\$\$/.exec(definition)![1]).digest('hex');
    expect(snapshot.functions.map((f) => [f.name, f.bodyHash])).toEqual(functions.map((f) => [f.name, bodyHash(f.definition)]));
    const triggers = model.rawObjects.filter((r) => r.kind === 'trigger');
    expect(snapshot.triggers.map((t) => t.name)).toEqual(triggers.map((r) => r.name));
    for (const t of snapshot.triggers) {
      // pg_get_triggerdef leaves out the schema of a function on the search path.
      const written = triggers.find((r) => r.name === t.name)!.definition.replace('EXECUTE FUNCTION public.', 'EXECUTE FUNCTION ');
      expect(sameSqlMeaning(t.definition as string, written, 'query'), t.name as string).toBe(true);
    }
    const policies = model.rawObjects.filter((r) => r.kind === 'policy');
    expect(snapshot.policies.map((p) => [p.name, p.cmd, p.qual])).toEqual(policies.map((p) => [p.name, 'SELECT', 'true']));
  });

  it('a materialized view with withNoData is created empty: relispopulated is false and reading it fails until REFRESH', async () => {
    const empty = model.views.filter((v) => v.materialized && v.withNoData).map((v) => `${v.schema}.${v.name}`);
    expect(empty).toEqual(['inventory.stock']);
    const rows = await client.query<{ name: string; populated: boolean }>(`SELECT n.nspname || '.' || c.relname AS name, c.relispopulated AS populated
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'm' ORDER BY 1`);
    expect(rows).toEqual(model.views.filter((v) => v.materialized).map((v) => ({ name: `${v.schema}.${v.name}`, populated: !v.withNoData })));
    await expect(client.query('SELECT * FROM inventory.stock')).rejects.toThrow('materialized view "stock" has not been populated');
  });

  it('the view definitions work on real rows (dependency order, generated column, identity)', async () => {
    await client.exec(`INSERT INTO public."Order" (customer, qty, price) VALUES ('ann', 2, 60.00);
      INSERT INTO public.order_lines (order_id, line_no, qty) SELECT id, 1, 150 FROM public."Order";`);
    const rows = await client.query('SELECT o.total AS generated, b.total AS items FROM public."Order" o JOIN public.big_orders b ON b.id = o.id');
    expect(rows).toEqual([{ generated: '120.00', items: '150' }]);
  });
});

describe('the same DDL in PGlite (PostgreSQL 18)', () => {
  it('loads and gives the same schema as PostgreSQL 15', async () => {
    const pglite = await openSqlClient('pglite:memory:');
    try {
      await pglite.exec(generatePostgres(featureModel()));
      const embedded = await catalogSnapshot(pglite);
      for (const part of ['schemas', 'enums', 'domains', 'columns', 'constraints', 'indexes', 'triggers', 'policies'] as const) {
        expect(embedded[part], part).toEqual(snapshot[part]);
      }
      // PostgreSQL 16+ prints view bodies without table prefixes (`SELECT id` for `SELECT t.id`).
      const withoutBodies = (rows: typeof snapshot.relations) => rows.map(({ definition: _body, ...rest }) => rest);
      expect(withoutBodies(embedded.relations)).toEqual(withoutBodies(snapshot.relations));
    } finally {
      await pglite.close();
    }
  });
});
