/**
 * Every field of a document that the DDL writers paste into SQL, checked to be exactly what the field
 * allows (see `sql-fragments.ts`): a problem names the field's JSON path, e.g.
 * `model.tables[0].columns[1].default: is not exactly one expression`. `parseDocument` adds these to
 * zod's and the reference problems, so the CLI, the API and the page all refuse such a document.
 */
import type { ColumnType, Index, Model, ModelDocument, RawObject, Table } from './document.ts';
import {
  expressionProblem, methodProblem, nameProblem, parseStatements, partitionBoundProblem, partitionKeyProblem,
  storageProblems, typeProblem, viewQueryProblem,
} from './sql-fragments.ts';
import { rawDefinitionProblem } from './sql-raw-objects.ts';
import type { DocumentProblem } from './document-problem.ts';
import { excerpt } from '../io/excerpt.ts';

/** A problem with the object it sits on, for the lint panel to jump to. */
export interface SqlFieldProblem extends DocumentProblem {
  objectId: string;
  /** The table (or view) that holds the object. */
  tableId?: string;
}

/**
 * Verdicts by check and text, kept across calls: models repeat defaults and types, and the lint
 * panel re-checks the whole model on every edit. Cleared when it grows past `VERDICTS_KEPT`.
 */
const verdicts = new Map<string, string | undefined>();
const VERDICTS_KEPT = 50_000;

function verdict(kind: string, text: string, checkText: (text: string) => string | undefined): string | undefined {
  const key = `${kind}\u0000${text}`;
  if (verdicts.has(key)) return verdicts.get(key);
  if (verdicts.size >= VERDICTS_KEPT) verdicts.clear();
  const message = checkText(text);
  verdicts.set(key, message);
  return message;
}

/**
 * Collects problems of the object `on` names (set before checking each object's fields). With
 * `pending`, checks nothing: it lists the checks no earlier call has a verdict for instead.
 */
class SqlFieldChecker {
  readonly problems: SqlFieldProblem[] = [];
  on: { objectId: string; tableId?: string } = { objectId: '' };
  private readonly queued = new Set<string>();

  constructor(readonly pending?: (() => void)[]) {}

  check(path: string, text: string | undefined, kind: string, checkText: (text: string) => string | undefined): void {
    if (text === undefined) return;
    const message = this.verdictOf(kind, text, checkText);
    if (message) this.problems.push({ path, message: `${message}: ${excerpt(text, 80)}`, ...this.on });
  }

  /** `check` for a verdict kept under `key` (all the check reads), whose message names no text. */
  checkKeyed(path: string, key: string, kind: string, checkKey: () => string | undefined): void {
    this.add(path, this.verdictOf(kind, key, checkKey));
  }

  private verdictOf(kind: string, text: string, checkText: (text: string) => string | undefined): string | undefined {
    if (!this.pending) return verdict(kind, text, checkText);
    const key = `${kind}\u0000${text}`;
    if (!verdicts.has(key) && !this.queued.has(key)) {
      this.queued.add(key);
      this.pending.push(() => void verdict(kind, text, checkText));
    }
    return undefined;
  }

  type(path: string, type: ColumnType): void {
    this.check(path, JSON.stringify(type), 'type', () => typeProblem(type));
  }

  add(path: string, message: string | undefined): void {
    if (message) this.problems.push({ path, message, ...this.on });
  }

  storage(path: string, options: Record<string, string> | undefined): void {
    for (const { key, message } of storageProblems(options ?? {})) this.problems.push({ path: `${path}.${key}`, message, ...this.on });
  }

  index(path: string, index: Index): void {
    if (index.method !== undefined) this.check(`${path}.method`, index.method, 'method', methodProblem);
    index.items.forEach((item, k) => {
      this.check(`${path}.items[${k}].expression`, item.expression, 'expression', expressionProblem);
      this.check(`${path}.items[${k}].opclass`, item.opclass, 'name', nameProblem);
      this.check(`${path}.items[${k}].collation`, item.collation, 'name', nameProblem);
    });
    this.check(`${path}.where`, index.where, 'expression', expressionProblem);
    this.storage(`${path}.with`, index.with);
  }
}

/**
 * The argument list a drop statement takes from a carried callable's id
 * (`raw:function:public.f(integer)` → `(integer)`): it must be one list of types.
 */
function signatureProblem(o: RawObject): string | undefined {
  const prefix = `raw:${o.kind}:${o.schema ?? ''}.${o.name}(`;
  if (!o.id.startsWith(prefix) || !o.id.endsWith(')')) return undefined;
  const signature = o.id.slice(prefix.length - 1);
  const frame = o.kind === 'operator' ? `DROP OPERATOR + ${signature}` : o.kind === 'aggregate' ? `DROP AGGREGATE _f${signature}` : `DROP FUNCTION _f${signature}`;
  if (!['function', 'procedure', 'aggregate', 'operator'].includes(o.kind)) return undefined;
  const statements = parseStatements(frame);
  const objects = typeof statements === 'string' || statements.length !== 1 ? undefined : (statements[0].node.objects as unknown[] | undefined);
  if (/[;]|--|\/\*/.test(signature) || objects?.length !== 1) return 'ends in an argument list that is not one list of types';
  if (o.kind === 'operator' && !/^[+\-*/<>=~!@#%^&|`?]{1,63}$/.test(o.name)) return 'is not an operator name';
  return undefined;
}

function rawObjectProblems(checker: SqlFieldChecker, o: RawObject, path: string): void {
  checker.check(`${path}.definition`, o.definition, `raw:${o.kind}`, (text) => rawDefinitionProblem(o.kind, text));
  checker.checkKeyed(`${path}.id`, JSON.stringify([o.kind, o.schema, o.name, o.id]), 'signature', () => signatureProblem(o));
}

/** Problems of every SQL-bearing field, each with its JSON path. Needs the SQL parser (loaded on import in Node). */
export function sqlProblems(doc: ModelDocument): DocumentProblem[] {
  return sqlFieldProblems(doc.model).map(({ path, message }) => ({ path, message }));
}

/**
 * The same problems with the object each sits on (for the lint panel); paths start at `model.`.
 * With `reuseTables`, a table object checked before at the same place in the list gives the problems
 * it had then (the model is immutable: an edit replaces the tables it changes), so linting an edit of
 * 2,000 tables checks one table, not 80,000 fields. Only for advice: what decides whether a document
 * is accepted (`sqlProblems`) checks every field of it.
 */
export function sqlFieldProblems(model: Model, { reuseTables = false } = {}): SqlFieldProblem[] {
  const checker = new SqlFieldChecker();
  visitSqlFields(model, checker, reuseTables);
  return checker.problems;
}

/**
 * The checks `sqlFieldProblems(model)` would run that no earlier call has a verdict for, one
 * function each (a text repeated in the model is one check). The page runs them in slices while it
 * is idle, so the first lint of a large model (musicbrainz: ~0.4 s of PostgreSQL's parser) is not
 * one long task; `sqlFieldProblems` then only reads verdicts.
 */
export function pendingSqlFieldChecks(model: Model): (() => void)[] {
  const pending: (() => void)[] = [];
  visitSqlFields(model, new SqlFieldChecker(pending), true);
  return pending;
}

/** A table's problems at its place in the list, as `sqlFieldProblems(…, { reuseTables: true })` last found them. */
const checkedTables = new WeakMap<Table, { index: number; problems: SqlFieldProblem[] }>();

function visitSqlFields(model: Model, checker: SqlFieldChecker, reuseTables: boolean): void {
  model.tables.forEach((table, i) => {
    const checked = reuseTables ? checkedTables.get(table) : undefined;
    if (checked?.index === i) {
      // Its checks all ran when its problems were kept: listing pending checks, it has none.
      if (!checker.pending) checker.problems.push(...checked.problems);
      return;
    }
    const from = checker.problems.length;
    visitTable(checker, table, i);
    if (reuseTables && !checker.pending) checkedTables.set(table, { index: i, problems: checker.problems.slice(from) });
  });
  visitOtherObjects(model, checker);
}

function visitTable(checker: SqlFieldChecker, table: Table, i: number): void {
  const at = `model.tables[${i}]`;
  checker.on = { objectId: table.id, tableId: table.id };
  table.columns.forEach((column, j) => {
    const col = `${at}.columns[${j}]`;
    checker.on = { objectId: column.id, tableId: table.id };
    checker.type(`${col}.type`, column.type);
    checker.check(`${col}.default`, column.default, 'expression', expressionProblem);
    checker.check(`${col}.generated`, column.generated, 'expression', expressionProblem);
    checker.check(`${col}.collation`, column.collation, 'name', nameProblem);
  });
  table.checks.forEach((check, k) => {
    checker.on = { objectId: check.id, tableId: table.id };
    checker.check(`${at}.checks[${k}].expression`, check.expression, 'expression', expressionProblem);
  });
  table.indexes.forEach((index, k) => {
    checker.on = { objectId: index.id, tableId: table.id };
    checker.index(`${at}.indexes[${k}]`, index);
  });
  checker.on = { objectId: table.id, tableId: table.id };
  checker.check(`${at}.partitioning.key`, table.partitioning?.key, 'partition-key', partitionKeyProblem);
  checker.check(`${at}.partitionOf.bound`, table.partitionOf?.bound, 'partition-bound', partitionBoundProblem);
  checker.storage(`${at}.with`, table.with);
}

function visitOtherObjects(model: Model, checker: SqlFieldChecker): void {
  model.views.forEach((view, i) => {
    const at = `model.views[${i}]`;
    checker.on = { objectId: view.id };
    checker.check(`${at}.definition`, view.definition.trim().replace(/;\s*$/, ''), 'view', viewQueryProblem);
    view.columns?.forEach((column, k) => checker.check(`${at}.columns[${k}].default`, column.default, 'expression', expressionProblem));
    view.indexes?.forEach((index, k) => checker.index(`${at}.indexes[${k}]`, index));
    checker.storage(`${at}.with`, view.with);
  });
  model.domains.forEach((domain, i) => {
    const at = `model.domains[${i}]`;
    checker.on = { objectId: domain.id };
    checker.type(`${at}.type`, domain.type);
    checker.check(`${at}.default`, domain.default, 'expression', expressionProblem);
    checker.check(`${at}.collation`, domain.collation, 'name', nameProblem);
    domain.checks.forEach((check, k) => checker.check(`${at}.checks[${k}].expression`, check.expression, 'expression', expressionProblem));
  });
  model.rawObjects.forEach((o, i) => {
    checker.on = { objectId: o.id, ...(o.tableId ? { tableId: o.tableId } : {}) };
    rawObjectProblems(checker, o, `model.rawObjects[${i}]`);
  });
}
