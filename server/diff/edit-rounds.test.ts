/**
 * The studio's flow, round after round, on a real database: edit the model with the pure edit ops,
 * canonicalize it (shadow database), plan the live database against it (matched to the last applied
 * model, the baseline), apply, and check the next plan is empty and the rows are still there.
 */
import { describe, expect, it } from 'vitest';
import { matchToBaseline } from '../../shared/diff/baseline.ts';
import { planBetween } from '../../shared/diff/plan.ts';
import type { Model } from '../../shared/model/document.ts';
import { addColumn, renameColumn, updateColumn } from '../../shared/model/ops/columns.ts';
import { renameTable, setTableComment } from '../../shared/model/ops/tables.ts';
import { buildEcommerce } from '../../shared/model/templates/ecommerce.ts';
import { introspect } from '../introspect/introspect.ts';
import { canonicalModel } from './canonical.ts';
import { useThrowawayDatabase } from '../testing/throwaway-fixture.ts';

const tableOf = (m: Model, name: string) => m.tables.find((t) => t.name === name)!;
const columnOf = (m: Model, table: string, name: string) => tableOf(m, table).columns.find((c) => c.name === name)!;

/** Each round edits the previous model; names are looked up at the time of the round. */
const ROUNDS: Array<{ name: string; edit: (m: Model) => Model }> = [
  { name: 'the template itself', edit: (m) => m },
  {
    name: 'rename a table and a column, comment a table', edit: (m) => {
      let next = renameTable(m, { tableId: tableOf(m, 'customers').id, name: 'clients' });
      next = renameColumn(next, { tableId: tableOf(next, 'orders').id, columnId: columnOf(next, 'orders', 'order_number').id, name: 'reference' });
      return setTableComment(next, { tableId: tableOf(next, 'products').id, comment: 'What we sell' });
    },
  },
  {
    name: 'add a NOT NULL column with a default, widen a varchar', edit: (m) => {
      const next = addColumn(m, { tableId: tableOf(m, 'clients').id, name: 'loyalty_points', type: { name: 'integer' }, notNull: true, default: '0' });
      return updateColumn(next, { tableId: tableOf(next, 'products').id, columnId: columnOf(next, 'products', 'name').id, patch: { type: { name: 'text' } } });
    },
  },
  { name: 'add an enum value in the middle', edit: (m) => ({ ...m, enums: m.enums.map((e) => (e.name === 'order_status' ? { ...e, values: ['pending', 'on_hold', ...e.values.slice(1)] } : e)) }) },
];

describe('edit rounds on PostgreSQL through the shadow canonicalizer', () => {
  const { db, client } = useThrowawayDatabase('edit_rounds');

  it('applies every round, keeps the rows, and plans nothing after each', async () => {
    let model = buildEcommerce().model;
    let baseline: Model | undefined;
    for (const round of ROUNDS) {
      model = round.edit(model);
      const target = await canonicalModel({ shadowUrl: db.url, model });
      const plan = planBetween(matchToBaseline(await introspect(client), baseline ?? target), target);
      await client.transaction(async (tx) => {
        for (const step of plan.steps) await tx.exec(step.sql);
      });
      baseline = target;
      if (round === ROUNDS[0]) {
        await client.exec(`INSERT INTO customers (email, encrypted_password, first_name, last_name) VALUES ('a@example.com', 'x', 'Ann', 'Lee')`);
      }
      const again = planBetween(matchToBaseline(await introspect(client), baseline), target);
      expect({ round: round.name, steps: again.steps.map((s) => s.sql) }).toEqual({ round: round.name, steps: [] });
    }
    expect(await client.query('SELECT first_name, loyalty_points FROM clients')).toEqual([{ first_name: 'Ann', loyalty_points: 0 }]);
  }, 300_000);
});
