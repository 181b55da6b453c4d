/**
 * The whole-model PostgreSQL script, in an order PostgreSQL accepts: schemas and extensions, types,
 * sequences, early carried objects (functions…), tables, sequence ownership, indexes, foreign keys
 * (after every table, so cycles work, and after the unique indexes they may rely on), views in
 * dependency order (each followed by its column defaults), late carried objects (triggers, rules,
 * policies…), comments. Every constraint and index is named explicitly (its effective name, see
 * `names.ts`), so the database ends up with exactly the model's names.
 */
import type { Model, RawObject, Table } from '../model/document.ts';
import { withEffectiveNames } from '../model/names.ts';
import { EARLY_RAW_KINDS, needsTables, orderDomains, orderForIndexes, orderTables, orderViews } from './order.ts';
import {
  addConstraint, addForeignKey, commentStatements, createDomain, createEnum, createExtension, createIndex,
  createSchema, createSequence, createTable, createView, rawObjectSql, sequenceOwnedBy, tableConstraints, type ColumnOwner,
} from './postgres.ts';
import { viewColumnDefaults } from './postgres-alter.ts';

export interface GenerateOptions {
  /** Emit COMMENT ON statements (default true). */
  comments?: boolean;
}

/** One part of the script, e.g. `{ section: 'tables', statements: ['CREATE TABLE …;'] }`. */
export interface ScriptSection {
  section: string;
  statements: string[];
}

function schemaNames(model: Model): string[] {
  const names = new Set<string>(model.schemas.map((s) => s.name));
  const objects = [...model.extensions, ...model.enums, ...model.domains, ...model.sequences, ...model.tables, ...model.views];
  for (const o of objects) if (o.schema) names.add(o.schema);
  for (const r of model.rawObjects) if (r.schema && r.kind !== 'trigger' && r.kind !== 'rule' && r.kind !== 'policy') names.add(r.schema);
  names.delete('public');
  names.delete('pg_catalog');
  return [...names];
}

function ownedBy(model: Model, tables: ReadonlyMap<string, Table>): string[] {
  return model.sequences.flatMap((sequence) => {
    const table = sequence.ownedBy && tables.get(sequence.ownedBy.tableId);
    return table ? [sequenceOwnedBy({ sequence, table, columnId: sequence.ownedBy!.columnId })] : [];
  });
}

function tableStatements(ordered: Table[], tables: ReadonlyMap<string, Table>): string[] {
  return ordered.flatMap((table) => {
    const parent = table.partitionOf ? tables.get(table.partitionOf.parentId) : undefined;
    const { after } = tableConstraints({ table, parent });
    return [createTable({ table, tables }), ...after.map((spec) => addConstraint({ table, ...spec }))];
  });
}

function foreignKeys(ordered: Table[], tables: ReadonlyMap<string, Table>): string[] {
  return ordered.flatMap((table) => table.foreignKeys.map((foreignKey) => {
    const refTable = tables.get(foreignKey.refTableId) ?? { schema: table.schema, name: foreignKey.refTableId, columns: [] };
    return addForeignKey({ table, foreignKey, refTable });
  }));
}

function viewStatements(model: Model): string[] {
  return orderViews(model.views).flatMap((view) => {
    const owner: ColumnOwner = { schema: view.schema, name: view.name, columns: [] };
    return [createView({ view }), ...viewColumnDefaults({ view }), ...(view.indexes ?? []).map((index) => createIndex({ owner, index }))];
  });
}

const rawSql = (raw: RawObject) => rawObjectSql({ raw });

/**
 * Where carried objects go: types and callables before the tables (ready for defaults and checks),
 * unless their signature names a table (then after the tables) or a view (after the views);
 * triggers, rules, policies and the rest at the end.
 */
function placeRawObjects(model: Model): Record<'collations' | 'early' | 'afterTables' | 'afterViews' | 'late', RawObject[]> {
  const tableNames = model.tables.map((t) => t.name);
  const viewNames = model.views.map((v) => v.name);
  const placed = { collations: [] as RawObject[], early: [] as RawObject[], afterTables: [] as RawObject[], afterViews: [] as RawObject[], late: [] as RawObject[] };
  // Domains and enums' neighbours may be declared COLLATE a custom collation: those come first.
  placed.collations = model.rawObjects.filter((r) => r.kind === 'collation');
  for (const kind of EARLY_RAW_KINDS.filter((k) => k !== 'collation')) {
    for (const raw of model.rawObjects.filter((r) => r.kind === kind)) {
      if (needsTables(raw, viewNames)) placed.afterViews.push(raw);
      else if (needsTables(raw, tableNames)) placed.afterTables.push(raw);
      else placed.early.push(raw);
    }
  }
  placed.late = model.rawObjects.filter((r) => !EARLY_RAW_KINDS.includes(r.kind));
  return placed;
}

/** The script as ordered sections of statements (empty sections left out). */
export function generatePostgresSections(input: Model, options: GenerateOptions = {}): ScriptSection[] {
  const model = withEffectiveNames(input);
  const tables = new Map(model.tables.map((t) => [t.id, t]));
  const ordered = orderTables(model.tables);
  const raw = placeRawObjects(model);
  const hasFunctions = model.rawObjects.some((r) => ['function', 'procedure', 'aggregate'].includes(r.kind));
  const sections: ScriptSection[] = [
    { section: 'settings', statements: hasFunctions ? ['SET check_function_bodies = false;'] : [] },
    { section: 'schemas', statements: schemaNames(model).map((name) => createSchema({ schema: { name } })) },
    { section: 'extensions', statements: model.extensions.map((extension) => createExtension({ extension })) },
    { section: 'collations', statements: raw.collations.map(rawSql) },
    { section: 'enums', statements: model.enums.map((enumType) => createEnum({ enumType })) },
    { section: 'domains', statements: orderDomains(model.domains).map((domain) => createDomain({ domain })) },
    { section: 'sequences', statements: model.sequences.map((sequence) => createSequence({ sequence })) },
    { section: 'objects', statements: raw.early.map(rawSql) },
    { section: 'tables', statements: tableStatements(ordered, tables) },
    { section: 'sequence ownership', statements: ownedBy(model, tables) },
    // Indexes first: a foreign key may reference columns that only a unique index covers.
    { section: 'indexes', statements: orderForIndexes(ordered).flatMap((owner) => owner.indexes.map((index) => createIndex({ owner, index }))) },
    { section: 'foreign keys', statements: foreignKeys(ordered, tables) },
    { section: 'functions on tables', statements: raw.afterTables.map(rawSql) },
    { section: 'views', statements: viewStatements(model) },
    { section: 'functions on views', statements: raw.afterViews.map(rawSql) },
    { section: 'triggers, rules, policies and other objects', statements: raw.late.map(rawSql) },
    { section: 'comments', statements: options.comments === false ? [] : commentStatements({ model }) },
  ];
  return sections.filter((s) => s.statements.length > 0);
}

/** The ordered statements of the script. */
export function generatePostgresStatements(model: Model, options: GenerateOptions = {}): string[] {
  return generatePostgresSections(model, options).flatMap((s) => s.statements);
}

/**
 * The complete script for a model: statements in dependency order, a blank line between sections
 * and between multi-line statements. Ex: `generatePostgres(emptyModel())` → `''`.
 */
export function generatePostgres(model: Model, options: GenerateOptions = {}): string {
  const sections = generatePostgresSections(model, options);
  if (!sections.length) return '';
  const text = sections.map((s) => s.statements.join(s.statements.some((x) => x.includes('\n')) ? '\n\n' : '\n'));
  return `${text.join('\n\n')}\n`;
}
