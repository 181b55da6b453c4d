/**
 * The model of the catalog answers, built as they arrive. The answers of an introspection come in
 * over 50-100 ms (musicbrainz, two connections), and building the tables after the last of them
 * took 25-40 ms more. Each step here runs as soon as the answers it reads are in, while the server
 * still works on the others; what is left for the end is putting the model together.
 */
import type { Domain, Enum, Extension, Index, Model, RawObject, Schema, Sequence, Table } from '../../shared/model/document.ts';
import { derivedId } from '../../shared/model/ids.ts';
import type { CatalogQuery, RowOf } from './catalog-query.ts';
import type { introspectionQueries } from './introspect.ts';
import type { viewsQuery } from './queries-objects.ts';
import type { domainsQuery, sequencesQuery } from './queries-types.ts';
import { columnType, compact, parseCheckDefinition, sequenceOptions } from './to-model-parts.ts';
import {
  buildViews, collationObjects, functionObjects, onTableObjects, operatorObjects, ruleRows, textSearchObjects, triggerRows,
} from './to-model-raw.ts';
import { policyObjects, typeObjects } from './to-model-extra.ts';
import { attachConstraints, attachIndexes, buildTables, type ColumnIndex } from './to-model-tables.ts';
import { loadViewParser, makeReparseSafe, mayHaveUnnamedTargets } from './reparse-safe.ts';

type Queries = ReturnType<typeof introspectionQueries>;
/** Every query's validated rows, by query name. */
export type CatalogRows = { [K in keyof Queries]: Queries[K] extends CatalogQuery<infer T> ? T[] : never };
type QueryName = keyof CatalogRows;

interface Step {
  /** The answers the step reads; it runs once all of them are in. */
  needs: QueryName[];
  run: () => void;
}

export interface ModelBuilder {
  /**
   * The `onRows` of `runCatalogQueries`. An answer delivered again is ignored: a second connection
   * that failed part-way is read again on the first, in the same snapshot.
   */
  arrived: (name: string, validated: unknown[]) => void;
  /** The model, once every answer is in; throws what a step threw. */
  model: () => Promise<Model>;
}

/** `queries`: the name of every query whose answer the model is built from (`introspectionQueries`). */
export function modelBuilder(queries: readonly string[]): ModelBuilder {
  const rows: Partial<CatalogRows> = {};
  let tables: Table[] = [];
  let columnIndex: ColumnIndex = new Map();
  let exclusions: RawObject[] = [];
  let viewIndexes = new Map<string, Index[]>();
  let failure: { error: unknown } | undefined;
  // In dependency order: when one answer completes several steps, they run in this order.
  const steps: Step[] = [
    { needs: ['views'], run: () => loadViewParserWhenNeeded(rows.views!) },
    { needs: ['tables', 'columns'], run: () => ({ tables, columnIndex } = buildTables(rows.tables!, rows.columns!)) },
    { needs: ['tables', 'columns', 'constraints'], run: () => { exclusions = attachConstraints(tables, rows.constraints!, columnIndex); } },
    { needs: ['tables', 'columns', 'indexes'], run: () => { viewIndexes = attachIndexes(tables, rows.indexes!, columnIndex); } },
  ];
  const has = (name: QueryName) => Object.hasOwn(rows, name);
  return {
    arrived(name, validated) {
      if (has(name as QueryName)) return;
      (rows as Record<string, unknown[]>)[name] = validated;
      for (const step of steps.filter((s) => s.needs.every(has))) {
        steps.splice(steps.indexOf(step), 1);
        try {
          step.run();
        } catch (error) {
          failure ??= { error };
        }
      }
    },
    async model() {
      if (failure) throw failure.error;
      const missing = queries.find((name) => !has(name as QueryName));
      if (missing !== undefined) throw new Error(`introspection: no answer to "${missing}"`);
      return makeReparseSafe(assemble(rows as CatalogRows, tables, exclusions, viewIndexes));
    },
  };
}

/**
 * Only a view with a set operation needs the SQL parser (see reparse-safe.ts); it warms up while the
 * remaining queries run. Its failure is reported by makeReparseSafe.
 */
function loadViewParserWhenNeeded(views: RowOf<typeof viewsQuery>[]): void {
  if (views.some((v) => mayHaveUnnamedTargets(v.definition))) loadViewParser().catch(() => undefined);
}

/** The model of the rows and of the tables the steps built from them. */
function assemble(rows: CatalogRows, tables: Table[], exclusions: RawObject[], viewIndexes: Map<string, Index[]>): Model {
  const tableIds = new Set(tables.map((t) => t.id));
  const viewIds = new Set(rows.views.map((v) => derivedId.view(v.schema, v.name)));
  const known = new Set([...tableIds, ...viewIds]);
  const columnIds = new Set(tables.flatMap((t) => t.columns.map((c) => c.id)));
  return {
    schemas: rows.schemas.map((r): Schema => compact({ id: derivedId.schema(r.name), name: r.name, comment: r.comment })),
    extensions: rows.extensions.map((r): Extension =>
      compact({ id: derivedId.extension(r.name), name: r.name, schema: r.schema, version: r.version, comment: r.comment })),
    enums: rows.enums.map((r): Enum =>
      compact({ id: derivedId.enum(r.schema, r.name), schema: r.schema, name: r.name, values: r.values, comment: r.comment })),
    domains: rows.domains.map(toDomain),
    sequences: rows.sequences.map((r) => toSequence(r, columnIds)),
    tables,
    views: buildViews(rows.views, viewIndexes, known),
    rawObjects: [
      ...collationObjects(rows.collations),
      ...typeObjects(rows.types),
      ...textSearchObjects(rows.textSearchConfigs, rows.textSearchDictionaries),
      ...functionObjects(rows.functions),
      ...operatorObjects(rows.operators),
      ...onTableObjects('trigger', triggerRows(rows.triggers), known),
      ...onTableObjects('rule', ruleRows(rows.rules), known),
      ...policyObjects(rows.policies, tableIds),
      ...exclusions,
    ],
  };
}

function toDomain(r: RowOf<typeof domainsQuery>): Domain {
  return compact({
    id: derivedId.domain(r.schema, r.name), schema: r.schema, name: r.name, type: columnType(r.type), notNull: r.notNull,
    default: r.default, collation: r.collation,
    checks: r.checks.map((c) => ({
      id: derivedId.domainCheck(r.schema, r.name, c.name), name: c.name, expression: parseCheckDefinition(c.definition).expression,
    })),
    comment: r.comment,
  });
}

function toSequence(r: RowOf<typeof sequencesQuery>, columnIds: Set<string>): Sequence {
  const sequence: Sequence = { id: derivedId.sequence(r.schema, r.name), schema: r.schema, name: r.name, ...sequenceOptions(r, 'bigint') };
  if (r.ownerSchema && r.ownerTable && r.ownerColumn) {
    const columnId = derivedId.column(r.ownerSchema, r.ownerTable, r.ownerColumn);
    if (columnIds.has(columnId)) sequence.ownedBy = { tableId: derivedId.table(r.ownerSchema, r.ownerTable), columnId };
  }
  if (r.comment !== undefined) sequence.comment = r.comment;
  return sequence;
}
