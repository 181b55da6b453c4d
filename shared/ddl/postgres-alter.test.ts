import { describe, expect, it } from 'vitest';
import type { RawObject, View } from '../model/document.ts';
import { alterViewColumnDefault, continueIdentity, dropExtensions, dropRawObject, viewColumnDefaults } from './postgres-alter.ts';

const raw = (kind: RawObject['kind'], name: string, definition: string, schema = 'app'): RawObject => ({ id: `raw:${kind}:${schema}.${name}`, kind, schema, name, definition });

describe('dropRawObject', () => {
  it.each([
    [raw('function', 'twice', 'CREATE FUNCTION app.twice(integer) RETURNS integer …;'), '(integer)', 'DROP FUNCTION app.twice(integer);'],
    [raw('text-search', 'mb_simple', 'CREATE TEXT SEARCH CONFIGURATION app.mb_simple (COPY = pg_catalog.simple);'), undefined,
      'DROP TEXT SEARCH CONFIGURATION app.mb_simple;'],
    [raw('text-search', 'unaccented', '\n create text search dictionary app.unaccented (TEMPLATE = unaccent);'), undefined,
      'DROP TEXT SEARCH DICTIONARY app.unaccented;'],
    [raw('event-trigger', 'no ddl', 'CREATE EVENT TRIGGER "no ddl" ON ddl_command_start EXECUTE FUNCTION app.stop();'), undefined,
      'DROP EVENT TRIGGER "no ddl";'],
  ])('%#: %s', (object, signature, expected) => {
    expect(dropRawObject({ object, signature })).toBe(expected);
  });

  it.each([
    [raw('other', 'no_overlap', 'ALTER TABLE app.booking ADD CONSTRAINT no_overlap EXCLUDE USING gist (during WITH &&);'), 'ALTER TABLE app.booking DROP CONSTRAINT no_overlap;'],
    [raw('other', 'b_a_fk', 'ALTER TABLE ONLY app.booking\n  ADD CONSTRAINT b_a_fk FOREIGN KEY (a_id) REFERENCES s1.a(id);'), 'ALTER TABLE app.booking DROP CONSTRAINT b_a_fk;'],
  ])('a constraint carried as ALTER TABLE … ADD CONSTRAINT, on its table: %#', (object, expected) => {
    expect(dropRawObject({ object: { ...object, tableId: 'table:app.booking' }, table: { schema: 'app', name: 'booking' } })).toBe(expected);
  });

  it.each([
    ['a DO block', raw('function', 'DO@3f2a', 'DO $$ BEGIN END $$;', 'public')],
    ['a grant', raw('grant', 'GRANT@1', 'GRANT SELECT ON app.t TO reader;')],
    ['row-level security switched on (not a constraint)', { ...raw('other', 't rls', 'ALTER TABLE app.t ENABLE ROW LEVEL SECURITY;'), tableId: 'table:app.t' }],
    ['text search text that creates nothing it names', raw('text-search', 'x', 'ALTER TEXT SEARCH CONFIGURATION app.x OWNER TO me;')],
  ])('cannot name %s, so gives nothing', (_label, object) => {
    expect(dropRawObject({ object })).toBeUndefined();
  });
});

describe('dropExtensions', () => {
  it.each([
    [['cube'], 'DROP EXTENSION cube;'],
    [['cube', 'earthdistance', 'uuid-ossp'], 'DROP EXTENSION cube, earthdistance, "uuid-ossp";'],
  ])('%j', (names, expected) => {
    expect(dropExtensions({ names })).toBe(expected);
  });
});

describe('view column defaults', () => {
  const view = (extra: Partial<View>): View => ({ id: 'v', schema: 'Shop', name: 'open orders', materialized: false, definition: 'SELECT 1 AS x', ...extra });
  it.each([
    ['set', { view: view({}), column: { name: 'status' }, expression: "'new'::text" }, 'ALTER VIEW "Shop"."open orders" ALTER COLUMN status SET DEFAULT \'new\'::text;'],
    ['dropped (no expression)', { view: view({}), column: { name: 'Status' } }, 'ALTER VIEW "Shop"."open orders" ALTER COLUMN "Status" DROP DEFAULT;'],
  ])('alterViewColumnDefault: %s', (_label, p, expected) => {
    expect(alterViewColumnDefault(p)).toBe(expected);
  });

  it.each([
    ['one per column with a default, in column order', view({ columns: [{ name: 'a', default: '1' }, { name: 'b', comment: 'no default' }, { name: 'c', default: 'now()' }] }),
      ['ALTER VIEW "Shop"."open orders" ALTER COLUMN a SET DEFAULT 1;', 'ALTER VIEW "Shop"."open orders" ALTER COLUMN c SET DEFAULT now();']],
    ['none without columns', view({}), []],
    ['none on a materialized view (PostgreSQL refuses them)', view({ materialized: true, columns: [{ name: 'a', default: '1' }] }), []],
  ])('viewColumnDefaults: %s', (_label, v, expected) => {
    expect(viewColumnDefaults({ view: v })).toEqual(expected);
  });
});

describe('continueIdentity', () => {
  const orders = { schema: 'public', name: 'orders' };
  it.each([
    ['an identity with default options continues past the rows', orders, 'id', {},
      "SELECT pg_catalog.setval(pg_catalog.pg_get_serial_sequence('public.orders', 'id'), max(id)) FROM public.orders HAVING max(id) >= 1;"],
    ['an explicit START: rows below it leave the sequence alone', orders, 'id', { start: '1000' },
      "SELECT pg_catalog.setval(pg_catalog.pg_get_serial_sequence('public.orders', 'id'), max(id)) FROM public.orders HAVING max(id) >= 1000;"],
    ['a MINVALUE is where an ascending sequence starts', orders, 'id', { minValue: '10' },
      "SELECT pg_catalog.setval(pg_catalog.pg_get_serial_sequence('public.orders', 'id'), max(id)) FROM public.orders HAVING max(id) >= 10;"],
    ['names that need quotes: the table as the text pg_get_serial_sequence parses, the column as it is', { schema: 'Sales', name: "o'rders" }, 'Order Id', {},
      `SELECT pg_catalog.setval(pg_catalog.pg_get_serial_sequence('"Sales"."o''rders"', 'Order Id'), max("Order Id")) FROM "Sales"."o'rders" HAVING max("Order Id") >= 1;`],
    ['a descending identity is left as it is', orders, 'id', { increment: '-1' }, undefined],
  ])('%s', (_name, table, column, options, expected) => {
    expect(continueIdentity({ table, column: { name: column }, identity: { kind: 'by-default', options } })).toBe(expected);
  });
});
