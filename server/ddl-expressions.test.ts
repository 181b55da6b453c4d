/**
 * The expressions of the model reach the database intact: for every view body, check, domain check,
 * index expression and predicate, default and generated expression of the every-feature model, the
 * text the model holds is given to PostgreSQL directly (a probe object beside the real one, in a
 * transaction that is rolled back) and PostgreSQL must print the probe exactly as it prints the
 * object the generated DDL made. What the generator wrote is thus compared with what the model says,
 * in PostgreSQL's own terms, without going through the generator.
 */
import { describe, expect, it } from 'vitest';
import { featureModel } from '../shared/ddl/__fixtures__/feature-model.ts';
import { generatePostgres } from '../shared/ddl/generate.ts';
import { quoteIdent } from '../shared/ddl/quote.ts';
import type { Model } from '../shared/model/document.ts';
import { withEffectiveNames } from '../shared/model/names.ts';
import { formatType } from '../shared/model/types.ts';
import type { SqlSession } from './db/sql-client.ts';
import { useThrowawayDatabase } from './testing/throwaway-fixture.ts';

const model: Model = withEffectiveNames(featureModel());
const q = (schema: string | undefined, name: string) => `${quoteIdent(schema ?? 'public')}.${quoteIdent(name)}`;

const { client } = useThrowawayDatabase('ddl_expressions', { setup: (c) => c.exec(generatePostgres(featureModel())) });

/** Runs `fn` in a transaction that is always rolled back, so probes never stay. */
const probing = <T>(fn: (tx: SqlSession) => Promise<T>) => client.transaction(fn, { rollback: true });
const one = async (tx: SqlSession, sql: string, params: unknown[] = []) => Object.values((await tx.query(sql, params))[0])[0] as string;
/** The flags are checked by ddl-load.test.ts; here only the expression counts. */
const withoutNotValid = (definition: string) => definition.replace(/( NO INHERIT| NOT VALID)+$/, '');

describe('the database holds the model\'s expressions exactly', () => {
  it('view and materialized view bodies', async () => {
    expect(model.views.length).toBeGreaterThan(0);
    await probing(async (tx) => {
      for (const view of model.views) {
        const probe = q(view.schema, `probe_${view.name}`);
        await tx.exec(`CREATE ${view.materialized ? 'MATERIALIZED VIEW' : 'VIEW'} ${probe} AS ${view.definition}${view.materialized ? ' WITH NO DATA' : ''}`);
        const printed = (name: string) => one(tx, 'SELECT pg_get_viewdef($1::regclass)', [name]);
        expect(await printed(q(view.schema, view.name)), view.name).toBe(await printed(probe));
      }
    });
  });

  it('table checks and domain checks', async () => {
    const checks = model.tables.flatMap((t) => t.checks.map((c) => ({ table: t, check: c })));
    const domainChecks = model.domains.flatMap((d) => d.checks.map((c) => ({ domain: d, check: c })));
    expect(checks.length).toBeGreaterThan(0);
    expect(domainChecks.length).toBeGreaterThan(0);
    await probing(async (tx) => {
      const printed = (owner: string, name: string, column: 'conrelid' | 'contypid') => one(tx,
        `SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE ${column} = $1::${column === 'conrelid' ? 'regclass' : 'regtype'} AND conname = $2`, [owner, name]);
      for (const { table, check } of checks) {
        const owner = q(table.schema, table.name);
        await tx.exec(`ALTER TABLE ${owner} ADD CONSTRAINT probe CHECK (${check.expression}) NOT VALID`);
        expect(withoutNotValid(await printed(owner, check.name!, 'conrelid')), check.name).toBe(withoutNotValid(await printed(owner, 'probe', 'conrelid')));
        await tx.exec(`ALTER TABLE ${owner} DROP CONSTRAINT probe`);
      }
      for (const { domain, check } of domainChecks) {
        const owner = q(domain.schema, domain.name);
        await tx.exec(`ALTER DOMAIN ${owner} ADD CONSTRAINT probe CHECK (${check.expression}) NOT VALID`);
        expect(withoutNotValid(await printed(owner, check.name!, 'contypid')), check.name).toBe(withoutNotValid(await printed(owner, 'probe', 'contypid')));
        await tx.exec(`ALTER DOMAIN ${owner} DROP CONSTRAINT probe`);
      }
    });
  });

  it('index expressions and predicates', async () => {
    const owners = [...model.tables, ...model.views.filter((v) => v.materialized).map((v) => ({ ...v, indexes: v.indexes ?? [] }))];
    const items = owners.flatMap((o) => o.indexes.flatMap((x) => x.items.flatMap((item, k) => (item.expression ? [{ o, x, expression: item.expression, k }] : []))));
    const predicates = owners.flatMap((o) => o.indexes.flatMap((x) => (x.where ? [{ o, x, where: x.where }] : [])));
    expect(items.length).toBeGreaterThan(0);
    expect(predicates.length).toBeGreaterThan(0);
    await probing(async (tx) => {
      const item = (index: string, k: number) => one(tx, 'SELECT pg_get_indexdef($1::regclass, $2, true)', [index, k]);
      const predicate = (index: string) => one(tx, 'SELECT pg_get_expr(indpred, indrelid, true) FROM pg_index WHERE indexrelid = $1::regclass', [index]);
      for (const { o, x, expression, k } of items) {
        await tx.exec(`CREATE INDEX probe ON ${q(o.schema, o.name)} ((${expression}))`);
        expect(await item(q(o.schema, x.name!), k + 1), x.name).toBe(await item(q(o.schema, 'probe'), 1));
        await tx.exec(`DROP INDEX ${q(o.schema, 'probe')}`);
      }
      for (const { o, x, where } of predicates) {
        await tx.exec(`CREATE INDEX probe ON ${q(o.schema, o.name)} ((1)) WHERE ${where}`);
        expect(await predicate(q(o.schema, x.name!)), x.name).toBe(await predicate(q(o.schema, 'probe')));
        await tx.exec(`DROP INDEX ${q(o.schema, 'probe')}`);
      }
    });
  });

  it('column defaults and generated expressions', async () => {
    const columns = model.tables.flatMap((t) => t.columns.filter((c) => c.default || c.generated).map((c) => ({ t, c })))
      // A partition's columns come from its parent: columns cannot be added to it alone.
      .filter(({ t }) => !t.partitionOf);
    expect(columns.some(({ c }) => c.default)).toBe(true);
    expect(columns.some(({ c }) => c.generated)).toBe(true);
    await probing(async (tx) => {
      const printed = (table: string, column: string) => one(tx,
        `SELECT pg_get_expr(d.adbin, d.adrelid) FROM pg_attrdef d JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
         WHERE d.adrelid = $1::regclass AND a.attname = $2`, [table, column]);
      for (const { t, c } of columns) {
        const table = q(t.schema, t.name);
        const clause = c.generated ? `GENERATED ALWAYS AS (${c.generated}) STORED` : `DEFAULT ${c.default}`;
        await tx.exec(`ALTER TABLE ${table} ADD COLUMN probe ${formatType(c.type)} ${clause}`);
        expect(await printed(table, c.name), `${t.name}.${c.name}`).toBe(await printed(table, 'probe'));
        await tx.exec(`ALTER TABLE ${table} DROP COLUMN probe`);
      }
    });
  });
});
