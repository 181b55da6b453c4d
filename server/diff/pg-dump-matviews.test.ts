/**
 * A schema-only pg_dump writes every materialized view WITH NO DATA, populated or not, and never
 * refreshes them. Imported and compared with the database it came from, it plans nothing for
 * their rows; a plan that must recreate them (a column they read is retyped) keeps each as the
 * database had it. Real PostgreSQL, the dump as pg_dump 15 writes it.
 */
import { describe, expect, it } from 'vitest';
import { matchToBaseline } from '../../shared/diff/baseline.ts';
import { diff } from '../../shared/diff/diff.ts';
import { plan } from '../../shared/diff/plan.ts';
import { HAZARD_KINDS } from '../../shared/diff/types.ts';
import { importSql } from '../../shared/io/sql-import/import-sql.ts';
import type { Model } from '../../shared/model/document.ts';
import { applySteps } from '../db/apply.ts';
import { introspect } from '../introspect/introspect.ts';
import { schemaHash } from '../introspect/hash.ts';
import { canonicalModel } from './canonical.ts';
import { useThrowawayDatabase } from '../testing/throwaway-fixture.ts';

const SCHEMA_ONLY_DUMP = `--
-- PostgreSQL database dump
--

\\restrict 6yB10gYn2ASYYtSbNEGmzYrW4Jie6u8YIKa6BuuoVftLQFhBG7OWLWed3vUR1w2

-- Dumped from database version 15.20 (Debian 15.20-0+deb12u1)
-- Dumped by pg_dump version 15.20 (Debian 15.20-0+deb12u1)

SET statement_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;

CREATE TABLE public.orders (
    id bigint NOT NULL,
    customer_id bigint NOT NULL,
    total numeric(12,2)
);

CREATE MATERIALIZED VIEW public.order_totals AS
 SELECT orders.customer_id,
    sum(orders.total) AS total
   FROM public.orders
  GROUP BY orders.customer_id
  WITH NO DATA;

CREATE MATERIALIZED VIEW public.big_customers AS
 SELECT order_totals.customer_id
   FROM public.order_totals
  WHERE (order_totals.total > (5)::numeric)
  WITH NO DATA;

CREATE MATERIALIZED VIEW public.never_refreshed AS
 SELECT count(*) AS n
   FROM public.orders
  WITH NO DATA;

ALTER TABLE ONLY public.orders
    ADD CONSTRAINT orders_pkey PRIMARY KEY (id);

CREATE UNIQUE INDEX order_totals_customer ON public.order_totals USING btree (customer_id);

--
-- PostgreSQL database dump complete
--

\\unrestrict 6yB10gYn2ASYYtSbNEGmzYrW4Jie6u8YIKa6BuuoVftLQFhBG7OWLWed3vUR1w2
`;

/** The database the dump came from: two views populated, one never refreshed. */
const SOURCE = `
  CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL, total numeric(12,2));
  INSERT INTO orders VALUES (1, 10, 4.00), (2, 10, 3.00), (3, 20, 1.00);
  CREATE MATERIALIZED VIEW order_totals AS SELECT customer_id, sum(total) AS total FROM orders GROUP BY customer_id;
  CREATE UNIQUE INDEX order_totals_customer ON order_totals (customer_id);
  CREATE MATERIALIZED VIEW big_customers AS SELECT customer_id FROM order_totals WHERE total > 5;
  CREATE MATERIALIZED VIEW never_refreshed AS SELECT count(*) AS n FROM orders WITH NO DATA;`;

const { db, client } = useThrowawayDatabase('pg_dump_matviews', { setup: (c) => c.exec(SOURCE), timeoutMs: 120_000 });

const populated = async () => (await client.query<{ relname: string; relispopulated: boolean }>(
  "SELECT relname, relispopulated FROM pg_class WHERE relkind = 'm' ORDER BY relname")).map((r) => [r.relname, r.relispopulated]);

async function planTo(model: Model) {
  const target = await canonicalModel({ shadowUrl: db.url, model });
  const live = matchToBaseline(await introspect(client), target);
  return { live, steps: plan(diff(live, target), { from: live, to: target }).steps };
}

describe('a schema-only pg_dump compared with its database', () => {
  it('leaves the population unspecified and plans nothing', async () => {
    const { model, report } = await importSql(SCHEMA_ONLY_DUMP);
    expect(model.views.map((v) => [v.name, v.withNoData, v.populationUnspecified])).toEqual([
      ['order_totals', true, true], ['big_customers', true, true], ['never_refreshed', true, true],
    ]);
    expect(report.warnings).toEqual([]);
    expect((await planTo(model)).steps.map((s) => s.sql)).toEqual([]);
  }, 120_000);

  it('recreates the views a retyped column forces, each holding rows as it did', async () => {
    const { model } = await importSql(SCHEMA_ONLY_DUMP);
    model.tables[0].columns[2].type = { name: 'numeric', args: [14, 2] };
    const { live, steps } = await planTo(model);
    expect(steps.filter((s) => /REFRESH/.test(s.sql))).toEqual([]);
    const creates = steps.filter((s) => s.sql.startsWith('CREATE MATERIALIZED VIEW'))
      .map((s) => [/^CREATE MATERIALIZED VIEW public\.(\w+)/.exec(s.sql)![1], s.sql.endsWith('WITH NO DATA;')]);
    expect(creates.sort()).toEqual([['big_customers', false], ['never_refreshed', true], ['order_totals', false]]);
    await applySteps(client, { steps, expectedHash: schemaHash(live), acceptedHazards: [...HAZARD_KINDS] });
    expect(await populated()).toEqual([['big_customers', true], ['never_refreshed', false], ['order_totals', true]]);
    expect((await client.query<{ n: string }>('SELECT count(*) AS n FROM big_customers'))[0].n).toBe('1');
  }, 120_000);
});
