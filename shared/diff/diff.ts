/**
 * `diff(from, to)`: the typed changes that turn model `from` into model `to`, matched by id, so a
 * renamed object (same id, new name) is a RENAME that keeps its data (ARCHITECTURE.md §1 rule 7).
 * Order does not matter here: `plan()` orders.
 */
import type { Domain, Enum, Extension, Model, RawObject, Schema, Sequence, View } from '../model/document.ts';
import { withEffectiveNames } from '../model/names.ts';
import { sameType } from '../model/types.ts';
import { diffIndexes, diffTables } from './diff-table.ts';
import { pairById, schemaRenames, sameComment, sameExcept, sameFields, sameSqlText, stableJson, viewDefaults, type Moved } from './match.ts';
import type { Change, EnumValueAddition } from './types.ts';

/** Studio bookkeeping (apply history) lives here in a target; a diff never touches it. */
export const BOOKKEEPING_SCHEMA = '_schemata';

/**
 * Ex: `diff(model, { ...model, tables: [] })` → one `table.drop` per table.
 * Equal models give `[]`.
 */
export function diff(from: Model, to: Model): Change[] {
  // Default names made explicit on both sides: a constraint whose default name follows a renamed
  // table or column is then a plain rename.
  const [a, b] = [withEffectiveNames(withoutBookkeeping(from)), withEffectiveNames(withoutBookkeeping(to))];
  const moved = movedAfter(a.schemas, b.schemas);
  return [
    ...diffSchemas(a.schemas, b.schemas),
    ...diffExtensions(a.extensions, b.extensions),
    ...diffEnums(a.enums, b.enums, moved),
    ...diffDomains(a.domains, b.domains, moved),
    ...diffSequences(a.sequences, b.sequences, moved),
    ...diffTables(a.tables, b.tables, moved),
    ...diffViews(a.views, b.views, moved),
    ...diffRaw(a.rawObjects, b.rawObjects),
  ];
}

function withoutBookkeeping(model: Model): Model {
  const keep = <T extends { schema?: string }>(list: T[]) => list.filter((o) => o.schema !== BOOKKEEPING_SCHEMA);
  return {
    schemas: model.schemas.filter((s) => s.name !== BOOKKEEPING_SCHEMA),
    extensions: model.extensions,
    enums: keep(model.enums),
    domains: keep(model.domains),
    sequences: keep(model.sequences),
    tables: keep(model.tables),
    views: keep(model.views),
    rawObjects: keep(model.rawObjects),
  };
}


function movedAfter(from: Schema[], to: Schema[]): Moved {
  const renamed = schemaRenames(from, to);
  return (a, b) => (renamed.get(a.schema) ?? a.schema) !== b.schema || a.name !== b.name;
}

function diffSchemas(from: Schema[], to: Schema[]): Change[] {
  const { added, removed, kept } = pairById(from, to);
  const changes: Change[] = [
    ...removed.map((schema): Change => ({ kind: 'schema.drop', schema })),
    ...added.map((schema): Change => ({ kind: 'schema.create', schema })),
  ];
  for (const [a, b] of kept) {
    if (a.name !== b.name) changes.push({ kind: 'schema.rename', from: a, to: b });
    if (!sameComment(a.comment, b.comment)) changes.push({ kind: 'schema.comment', from: a, to: b });
  }
  return changes;
}

/** Extensions are matched by name: an extension has no identity beyond it. */
function diffExtensions(from: Extension[], to: Extension[]): Change[] {
  const byName = (list: Extension[]) => list.map((e) => ({ ...e, id: e.name }));
  const { added, removed, kept } = pairById(byName(from), byName(to));
  const changes: Change[] = [
    ...removed.map((extension): Change => ({ kind: 'extension.drop', extension })),
    ...added.map((extension): Change => ({ kind: 'extension.create', extension })),
  ];
  for (const [a, b] of kept) {
    const versionChanged = a.version !== undefined && b.version !== undefined && a.version !== b.version;
    const schemaChanged = a.schema !== undefined && b.schema !== undefined && a.schema !== b.schema;
    if (versionChanged || schemaChanged || !sameComment(a.comment, b.comment)) {
      changes.push({ kind: 'extension.alter', from: a, to: b });
    }
  }
  return changes;
}

/**
 * New values placed where `to` has them; `undefined` when values were removed or reordered
 * (then the type must be recreated). Ex: `['a','c']` → `['a','b','c']` gives `b AFTER a`.
 */
export function enumAdditions(from: string[], to: string[]): EnumValueAddition[] | undefined {
  const kept = to.filter((v) => from.includes(v));
  if (kept.length !== from.length || kept.some((v, i) => v !== from[i])) return undefined;
  const additions: EnumValueAddition[] = [];
  to.forEach((value, i) => {
    if (from.includes(value)) return;
    if (i > 0) additions.push({ value, after: to[i - 1] });
    else if (from.length > 0) additions.push({ value, before: from[0] });
    else additions.push({ value });
  });
  return additions;
}

function diffEnums(from: Enum[], to: Enum[], moved: Moved): Change[] {
  const { added, removed, kept } = pairById(from, to);
  const changes: Change[] = [
    ...removed.map((e): Change => ({ kind: 'enum.drop', enum: e })),
    ...added.map((e): Change => ({ kind: 'enum.create', enum: e })),
  ];
  for (const [a, b] of kept) {
    if (moved(a, b)) changes.push({ kind: 'enum.rename', from: a, to: b });
    if (stableJson(a.values) !== stableJson(b.values)) {
      const added = enumAdditions(a.values, b.values);
      changes.push(added ? { kind: 'enum.add-values', from: a, to: b, added } : { kind: 'enum.recreate', from: a, to: b });
    }
    if (!sameComment(a.comment, b.comment)) changes.push({ kind: 'enum.comment', from: a, to: b });
  }
  return changes;
}

function diffDomains(from: Domain[], to: Domain[], moved: Moved): Change[] {
  const { added, removed, kept } = pairById(from, to);
  const changes: Change[] = [
    ...removed.map((domain): Change => ({ kind: 'domain.drop', domain })),
    ...added.map((domain): Change => ({ kind: 'domain.create', domain })),
  ];
  for (const [a, b] of kept) {
    if (moved(a, b)) changes.push({ kind: 'domain.rename', from: a, to: b });
    if (!sameType(a.type, b.type) || (a.collation ?? '') !== (b.collation ?? '')) {
      changes.push({ kind: 'domain.recreate', from: a, to: b });
    } else if (a.notNull !== b.notNull || !sameSqlText(a.default, b.default) || !sameComment(a.comment, b.comment)
      || stableJson(a.checks) !== stableJson(b.checks)) {
      changes.push({ kind: 'domain.alter', from: a, to: b });
    }
  }
  return changes;
}

const SEQUENCE_OPTIONS = ['dataType', 'start', 'increment', 'minValue', 'maxValue', 'cache', 'cycle', 'ownedBy', 'comment'] as const;

function diffSequences(from: Sequence[], to: Sequence[], moved: Moved): Change[] {
  const { added, removed, kept } = pairById(from, to);
  const changes: Change[] = [
    ...removed.map((sequence): Change => ({ kind: 'sequence.drop', sequence })),
    ...added.map((sequence): Change => ({ kind: 'sequence.create', sequence })),
  ];
  for (const [a, b] of kept) {
    if (moved(a, b)) changes.push({ kind: 'sequence.rename', from: a, to: b });
    if (!sameFields(a, b, SEQUENCE_OPTIONS)) changes.push({ kind: 'sequence.alter', from: a, to: b });
  }
  return changes;
}

/** The view parts that need the view dropped and created again when they change. */
function viewRebuilt(a: View, b: View): boolean {
  return !sameSqlText(a.definition, b.definition) || a.materialized !== b.materialized
    || stableJson(a.with) !== stableJson(b.with);
}

function viewCommentsDiffer(a: View, b: View): boolean {
  const comments = (v: View) => stableJson((v.columns ?? []).filter((c) => c.comment).map((c) => [c.name, c.comment]));
  return !sameComment(a.comment, b.comment) || comments(a) !== comments(b);
}

function viewDefaultsDiffer(a: View, b: View): boolean {
  const [before, after] = [viewDefaults(a), viewDefaults(b)];
  return before.size !== after.size || [...after].some(([name, text]) => !sameSqlText(before.get(name), text));
}

function diffViews(from: View[], to: View[], moved: Moved): Change[] {
  const { added, removed, kept } = pairById(from, to);
  const changes: Change[] = [
    ...removed.map((view): Change => ({ kind: 'view.drop', view })),
    ...added.map((view): Change => ({ kind: 'view.create', view })),
  ];
  for (const [a, b] of kept) {
    if (moved(a, b)) changes.push({ kind: 'view.rename', from: a, to: b });
    if (viewRebuilt(a, b)) {
      changes.push({ kind: 'view.recreate', from: a, to: b });
      continue;
    }
    if (viewCommentsDiffer(a, b)) changes.push({ kind: 'view.comment', from: a, to: b });
    if (viewDefaultsDiffer(a, b)) changes.push({ kind: 'view.defaults', from: a, to: b });
    // Only a materialized view has rows to hold or not; one becoming (or ceasing to be) one was recreated above.
    if (a.materialized && !a.withNoData !== !b.withNoData && !b.populationUnspecified) changes.push({ kind: 'view.with-no-data', from: a, to: b });
    changes.push(...diffIndexes({ type: 'view', view: a }, { type: 'view', view: b }, a.indexes ?? [], b.indexes ?? []));
  }
  return changes;
}

function diffRaw(from: RawObject[], to: RawObject[]): Change[] {
  const { added, removed, kept } = pairById(from, to);
  const changes: Change[] = [
    ...removed.map((object): Change => ({ kind: 'raw.drop', object })),
    ...added.map((object): Change => ({ kind: 'raw.create', object })),
  ];
  for (const [a, b] of kept) {
    if (sameExcept(a, b, ['id'])) continue;
    changes.push({ kind: 'raw.drop', object: a }, { kind: 'raw.create', object: b });
  }
  return changes;
}
