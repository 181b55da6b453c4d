/**
 * A large, realistic model for the canvas benchmark: `generateModel({ tables: 2000 })`. Seeded, so
 * every run draws the same diagram. Tables spread over a few schemas; each has an identity primary
 * key, 5–15 columns of everyday types, foreign keys to earlier tables (indexed most of the time,
 * as a reviewer would ask), now and then a unique code and a timestamp index.
 */
import type { Column, ForeignKey, Index, Model, Table } from '../shared/model/document.ts';
import { emptyModel } from '../shared/model/empty.ts';
import { derivedId } from '../shared/model/ids.ts';

export interface GenerateOptions {
  tables: number;
  seed?: number;
}

const SCHEMAS = ['public', 'sales', 'billing', 'inventory', 'people'];
const NOUNS = ['account', 'order', 'invoice', 'product', 'customer', 'shipment', 'payment', 'address', 'supplier',
  'warehouse', 'ticket', 'contract', 'employee', 'project', 'task', 'review', 'coupon', 'refund', 'batch', 'device'];
const SUFFIXES = ['', '_item', '_event', '_note', '_line', '_history', '_tag', '_rule'];
const PLAIN_COLUMNS: Array<Pick<Column, 'name' | 'type' | 'notNull' | 'default'>> = [
  { name: 'name', type: { name: 'text' }, notNull: true },
  { name: 'description', type: { name: 'text' }, notNull: false },
  { name: 'status', type: { name: 'character varying', args: [20] }, notNull: true, default: "'active'::character varying" },
  { name: 'amount', type: { name: 'numeric', args: [12, 2] }, notNull: false },
  { name: 'quantity', type: { name: 'integer' }, notNull: true, default: '0' },
  { name: 'is_active', type: { name: 'boolean' }, notNull: true, default: 'true' },
  { name: 'email', type: { name: 'character varying', args: [320] }, notNull: false },
  { name: 'starts_on', type: { name: 'date' }, notNull: false },
  { name: 'metadata', type: { name: 'jsonb' }, notNull: false },
  { name: 'external_ref', type: { name: 'uuid' }, notNull: false },
  { name: 'score', type: { name: 'double precision' }, notNull: false },
  { name: 'tags', type: { name: 'text', arrayDims: 1 }, notNull: false },
  { name: 'updated_at', type: { name: 'timestamp with time zone' }, notNull: false },
];

/** mulberry32: a tiny deterministic generator, enough for shapes (not for secrets). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Ctx {
  rnd: () => number;
  tables: Table[];
}

const pick = <T>(ctx: Ctx, items: readonly T[]): T => items[Math.floor(ctx.rnd() * items.length)];

function tableName(index: number): string {
  const noun = NOUNS[index % NOUNS.length];
  const suffix = SUFFIXES[Math.floor(index / NOUNS.length) % SUFFIXES.length];
  return `${noun}${suffix}_${index}`;
}

function column(schema: string, table: string, spec: Omit<Column, 'id'>): Column {
  return { id: derivedId.column(schema, table, spec.name), ...spec };
}

/** Foreign keys to earlier tables, mostly recent ones (modules reference their neighbours). */
function addForeignKeys(ctx: Ctx, table: Table, columns: Column[], wanted: number): void {
  const used = new Set<string>();
  for (let k = 0; k < wanted && ctx.tables.length; k++) {
    const near = ctx.rnd() < 0.8;
    const back = near ? 1 + Math.floor(ctx.rnd() * Math.min(40, ctx.tables.length)) : 1 + Math.floor(ctx.rnd() * ctx.tables.length);
    const parent = ctx.tables[ctx.tables.length - back];
    if (used.has(parent.id) || !parent.primaryKey) continue;
    used.add(parent.id);
    const col = column(table.schema, table.name, { name: `${parent.name}_id`, type: { name: 'bigint' }, notNull: ctx.rnd() < 0.7 });
    columns.push(col);
    const fkName = `${table.name}_${col.name}_fkey`.slice(0, 63);
    const fk: ForeignKey = {
      id: derivedId.constraint('fk', table.schema, table.name, fkName), columns: [col.id], refTableId: parent.id,
      refColumns: parent.primaryKey.columns, onDelete: pick(ctx, ['no-action', 'cascade', 'restrict'] as const),
      onUpdate: 'no-action', match: 'simple',
    };
    table.foreignKeys.push(fk);
    if (ctx.rnd() < 0.7) table.indexes.push(index(table, `${table.name}_${col.name}_idx`, col.id, false));
  }
}

function index(table: Table, name: string, columnId: string, unique: boolean): Index {
  const short = name.slice(0, 63);
  return { id: derivedId.index(table.schema, short), name: short, unique, items: [{ column: columnId }] };
}

function makeTable(ctx: Ctx, i: number): Table {
  const schema = SCHEMAS[Math.floor((i * SCHEMAS.length) / 2000) % SCHEMAS.length];
  const name = tableName(i);
  const id = column(schema, name, { name: 'id', type: { name: 'bigint' }, notNull: true, identity: { kind: 'by-default' } });
  const table: Table = {
    id: derivedId.table(schema, name), schema, name, columns: [],
    primaryKey: { id: derivedId.primaryKey(schema, name), columns: [id.id] },
    uniques: [], checks: [], foreignKeys: [], indexes: [],
  };
  const columns = [id];
  const size = 5 + Math.floor(ctx.rnd() * 11);
  addForeignKeys(ctx, table, columns, Math.floor(ctx.rnd() * 4));
  const plain = [...PLAIN_COLUMNS].sort(() => ctx.rnd() - 0.5);
  for (const spec of plain.slice(0, Math.max(0, size - columns.length - 1))) columns.push(column(schema, name, spec));
  const created = column(schema, name, { name: 'created_at', type: { name: 'timestamp with time zone' }, notNull: true, default: 'now()' });
  columns.push(created);
  if (ctx.rnd() < 0.2) {
    const code = column(schema, name, { name: 'code', type: { name: 'character varying', args: [40] }, notNull: true });
    columns.push(code);
    table.uniques.push({ id: derivedId.constraint('uq', schema, name, `${name}_code_key`), columns: [code.id] });
  }
  if (ctx.rnd() < 0.25) table.indexes.push(index(table, `${name}_created_at_idx`, created.id, false));
  table.columns = columns;
  return table;
}

/** A model of `tables` tables (same seed, same model). */
export function generateModel({ tables, seed = 42 }: GenerateOptions): Model {
  const ctx: Ctx = { rnd: random(seed), tables: [] };
  for (let i = 0; i < tables; i++) ctx.tables.push(makeTable(ctx, i));
  const model = emptyModel();
  model.schemas = SCHEMAS.map((name) => ({ id: derivedId.schema(name), name }));
  model.tables = ctx.tables;
  return model;
}
