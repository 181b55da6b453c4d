import { test, expect } from './fixtures.ts';

const SHOTS = '/tmp/shots-inspector';

test.describe('options the inspector edits without JSON', () => {
  test.beforeEach(async ({ studio }) => studio.open('/'));

  test('an identity column takes start, increment, min, max, cache and cycle; nonsense is refused', async ({ studio, page }) => {
    await page.getByTestId('add-table').click();
    const column = page.locator('[data-testid="inspector-column"][data-column="id"]');
    await column.getByTestId('column-more').click();
    await expect(column.getByTestId('column-identity')).toHaveValue('always');
    await expect(column.getByTestId('column-identity-data-type')).toHaveText('AS bigint');
    for (const [key, value] of [['start', '1000'], ['increment', '10'], ['maxValue', '99999'], ['cache', '5']]) {
      await column.getByTestId(`column-identity-${key}`).fill(value);
      await column.getByTestId(`column-identity-${key}`).press('Enter');
    }
    await column.getByTestId('column-identity-cycle').check();
    const identity = "state.doc.model.tables.at(-1).columns[0].identity";
    expect(await studio.state(identity)).toEqual({ kind: 'always', options: { start: '1000', increment: '10', maxValue: '99999', cache: '5', cycle: true } });

    await column.getByTestId('column-identity-minValue').fill('5000');
    await column.getByTestId('column-identity-minValue').press('Enter');
    await expect(page.getByTestId('notice')).toContainText('Identity of id: START value (1000) cannot be less than MINVALUE (5000).');
    await expect(column.getByTestId('column-identity-minValue')).toHaveValue('');
    await page.screenshot({ path: `${SHOTS}/identity-options.png` });

    await studio.tabTo('sql');
    await expect.poll(() => studio.visibleSql()).toContain('GENERATED ALWAYS AS IDENTITY (INCREMENT BY 10 MAXVALUE 99999 START WITH 1000 CACHE 5 CYCLE)');
    await page.getByTestId('undo').click();
    expect(await studio.state(`${identity}.options.cycle`)).toBeUndefined();
  });

  test('a sequence takes a data type, cycle and an owning column; an extension its schema and version', async ({ studio, page }) => {
    await studio.tabTo('types');
    await page.getByTestId('sequence-add').click();
    const sequence = page.getByTestId('sequence-item').last();
    await sequence.getByTestId('sequence-data-type').selectOption({ label: 'AS integer' });
    await sequence.getByTestId('sequence-start').fill('100');
    await sequence.getByTestId('sequence-start').press('Enter');
    await sequence.getByTestId('sequence-cycle').check();
    await sequence.getByTestId('sequence-owned-by').selectOption({ label: 'orders.order_number' });
    const read = "(() => { const s = state.doc.model.sequences.at(-1); const t = state.doc.model.tables.find((x) => x.id === s.ownedBy?.tableId); return { dataType: s.dataType, start: s.start, cycle: s.cycle, owner: t && `${t.name}.${t.columns.find((c) => c.id === s.ownedBy.columnId).name}` }; })()";
    expect(await studio.state(read)).toEqual({ dataType: 'integer', start: '100', cycle: true, owner: 'orders.order_number' });

    await sequence.getByTestId('sequence-maxValue').fill('40000000000');
    await sequence.getByTestId('sequence-maxValue').press('Enter');
    await expect(page.getByTestId('notice')).toContainText('MAXVALUE 40000000000 is out of range for the data type integer');

    await page.getByTestId('extension-add').fill('citext');
    await page.getByTestId('extension-add').press('Enter');
    const extension = page.locator('[data-testid="extension-item"][data-extension="citext"]');
    await extension.getByTestId('extension-schema').fill('extensions');
    await extension.getByTestId('extension-schema').press('Enter');
    await extension.getByTestId('extension-version').fill('1.6');
    await extension.getByTestId('extension-version').press('Enter');
    expect(await studio.state("state.doc.model.extensions.find((e) => e.name === 'citext')")).toMatchObject({ schema: 'extensions', version: '1.6' });
    expect(await studio.state<string[]>('state.doc.model.schemas.map((s) => s.name)')).toContain('extensions');
    await sequence.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/sequence-extension.png` });
  });

  test('a view takes WITH options, comments and defaults on its columns; a materialized view has none, and may be created WITH NO DATA', async ({ studio, page }) => {
    await studio.tabTo('types');
    await page.getByTestId('view-add').click();
    const item = page.getByTestId('view-item').last();
    await item.getByTestId('view-option-check_option').selectOption('cascaded');
    await item.getByTestId('view-option-security_barrier').selectOption('true');
    await item.getByTestId('view-column-add').fill('one');
    await item.getByTestId('view-column-add').press('Enter');
    const column = item.locator('[data-testid="view-column"][data-column="one"]');
    await column.getByTestId('view-column-comment').fill('always one');
    await column.getByTestId('view-column-comment').press('Enter');
    await column.getByTestId('view-column-default').fill('1');
    await column.getByTestId('view-column-default').press('Enter');
    const view = 'state.doc.model.views.at(-1)';
    expect(await studio.state(`[${view}.with, ${view}.columns]`)).toEqual([{ check_option: 'cascaded', security_barrier: 'true' }, [{ name: 'one', comment: 'always one', default: '1' }]]);
    // The server's DDL of the page's document sets it after the view.
    const ddl = async () => {
      const response = await page.request.post('/api/ddl', { data: { document: await studio.state<unknown>('state.doc') } });
      return ((await response.json()) as { sql: string }).sql;
    };
    expect(await ddl()).toMatch(/ALTER VIEW public\.\w+ ALTER COLUMN one SET DEFAULT 1;/);
    await item.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/view-options.png` });

    await item.getByTestId('view-materialized').check();
    await expect(item.getByTestId('view-options')).toHaveCount(0);
    await expect(item.getByTestId('view-column-default')).toHaveCount(0);
    expect(await studio.state(`[${view}.with, ${view}.columns]`)).toEqual([undefined, [{ name: 'one', comment: 'always one' }]]);
    await item.getByTestId('view-with-no-data').check();
    expect(await studio.state(`${view}.withNoData`)).toBe(true);
    expect(await ddl()).toMatch(/CREATE MATERIALIZED VIEW public\.\w+ AS\n[^;]*\nWITH NO DATA;/);
    await page.getByTestId('undo').click();
    await expect(item.getByTestId('view-with-no-data')).not.toBeChecked();
    await page.getByTestId('undo').click();
    await expect(item.getByTestId('view-with-no-data')).toHaveCount(0);
    await expect(item.getByTestId('view-option-check_option')).toHaveValue('cascaded');
  });

  test('a table becomes a partition (with its bound) or inherits from another, in the inspector', async ({ studio, page }) => {
    await page.getByTestId('add-table').click();
    await page.getByTestId('table-partitioning').selectOption('range');
    await expect(page.getByTestId('table-partition-key')).toHaveValue('id');
    await page.getByTestId('add-table').click();
    await page.getByTestId('table-partition-parent').selectOption({ label: 'PARTITION OF public.table_1' });
    const bound = page.getByTestId('table-partition-bound');
    await expect(bound).toHaveValue('DEFAULT');
    await bound.fill("FOR VALUES IN ('x')");
    await bound.press('Enter');
    await expect(page.getByTestId('notice')).toContainText("public.table_2: a range partition's bound reads like FOR VALUES FROM");
    await expect(bound).toHaveValue('DEFAULT');
    await bound.fill('FOR VALUES FROM (1) TO (1000)');
    await bound.press('Enter');
    // The refusal's notice stays until dismissed; new tables are placed beside the first, under it.
    await page.getByTestId('notice-close').click();
    const partitionOf = "(() => { const t = state.doc.model.tables.find((x) => x.name === 'table_2'); const p = state.doc.model.tables.find((x) => x.id === t.partitionOf.parentId); return [p.name, t.partitionOf.bound]; })()";
    expect(await studio.state(partitionOf)).toEqual(['table_1', 'FOR VALUES FROM (1) TO (1000)']);
    // A partition cannot inherit: the choice is not offered.
    await expect(page.getByTestId('table-inherits')).toHaveCount(0);
    await page.getByTestId('inspector-options').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/partition-of.png` });
    await studio.tabTo('sql');
    await studio.selectTable('public.table_1');
    await studio.selectTable('public.table_2');
    await expect.poll(() => studio.visibleSql()).toContain("CREATE TABLE public.table_2 PARTITION OF public.table_1");
    await expect.poll(() => studio.visibleSql()).toContain('FOR VALUES FROM (1) TO (1000)');
    await studio.selectTable('public.table_2');

    await studio.tabTo('inspector');
    await page.getByTestId('add-table').click();
    await page.locator('[data-testid="inspector-column"][data-column="id"]').getByTestId('column-delete').click();
    await page.getByTestId('table-inherits-add').selectOption({ label: 'public.customers' });
    await expect(page.locator('[data-testid="table-inherits-parent"][data-parent="public.customers"]')).toBeVisible();
    await expect(page.locator('[data-testid="inspector-column"][data-column="email"]')).toBeVisible();
    const child = "state.doc.model.tables.find((x) => x.name === 'table_3')";
    expect(await studio.state<number>(`${child}.inherits.length`)).toBe(1);
    await page.getByTestId('inspector-options').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/inherits.png` });
    await page.getByTestId('table-inherits-remove').click();
    expect(await studio.state(`${child}.inherits`)).toBeUndefined();
    await expect(page.locator('[data-testid="inspector-column"][data-column="email"]')).toBeVisible(); // the columns stay
  });
});
