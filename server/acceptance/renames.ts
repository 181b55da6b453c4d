/**
 * Renames in acceptance cases. Two SQL files cannot say that `clients` *is* `customers` renamed: a
 * case lists such renames in `renames.json`, and the `after` model is given the `before` objects'
 * ids for them (as a model edited in the studio would have), using the baseline matcher.
 */
import type { Model } from '../../shared/model/document.ts';
import { matchToBaseline } from '../../shared/diff/baseline.ts';

/**
 * `before`/`after` names: `schema` for schemas; `schema.name` for tables, enums, domains, sequences
 * and views; `schema.table.name` for columns, constraints and indexes (the table named as it is on
 * that side).
 */
export interface Rename {
  kind: 'schema' | 'table' | 'column' | 'enum' | 'domain' | 'sequence' | 'view' | 'constraint' | 'index';
  before: string;
  after: string;
}

type Named = { schema?: string; name: string };

function findNamed(model: Model, kind: Rename['kind'], path: string[]): Named | undefined {
  const [schema, name, part] = path;
  const inSchema = <T extends Named>(list: T[]) => list.find((o) => o.schema === schema && o.name === name);
  switch (kind) {
    case 'schema': return model.schemas.find((s) => s.name === schema);
    case 'table': return inSchema(model.tables);
    case 'enum': return inSchema(model.enums);
    case 'domain': return inSchema(model.domains);
    case 'sequence': return inSchema(model.sequences);
    case 'view': return inSchema(model.views);
    default: break;
  }
  const table = inSchema(model.tables);
  if (!table) return undefined;
  if (kind === 'column') return table.columns.find((c) => c.name === part);
  if (kind === 'index') return table.indexes.find((x) => x.name === part) as Named | undefined;
  const constraints = [table.primaryKey, ...table.uniques, ...table.checks, ...table.foreignKeys];
  return constraints.find((c) => c?.name === part) as Named | undefined;
}

function rename(model: Model, r: Rename, direction: 'to-before' | 'to-after'): void {
  const [fromPath, toPath] = direction === 'to-before' ? [r.after, r.before] : [r.before, r.after];
  const path = r.kind === 'schema' ? [fromPath] : fromPath.split('.');
  const target = toPath.split('.');
  const object = findNamed(model, r.kind, path);
  if (!object) throw new Error(`renames.json: no ${r.kind} ${fromPath}`);
  if (r.kind === 'schema') {
    for (const list of [model.tables, model.enums, model.domains, model.sequences, model.views]) {
      for (const o of list as Named[]) if (o.schema === object.name) o.schema = toPath;
    }
    object.name = toPath;
  } else if (['column', 'constraint', 'index'].includes(r.kind)) object.name = target[target.length - 1];
  else [object.schema, object.name] = target;
}

/** Parts inside tables first (their paths name the table as it is on that side), then the rest. */
const ORDER: Rename['kind'][] = ['column', 'constraint', 'index', 'table', 'enum', 'domain', 'sequence', 'view', 'schema'];

/** `after` with the ids of `before` for the renamed objects (and, by name, for everything else). */
export function applyRenames(p: { after: Model; before: Model; renames: Rename[] }): Model {
  const sorted = [...p.renames].sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
  const reverted = structuredClone(p.after);
  for (const r of sorted) rename(reverted, r, 'to-before');
  const matched = matchToBaseline(reverted, p.before);
  for (const r of sorted) rename(matched, r, 'to-after');
  return matched;
}
