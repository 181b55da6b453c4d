/**
 * The `recreates-object` hazard: a plan that drops an object and creates another of the same
 * schema-qualified name (two different ids) replaces it, data and grants included, which is rarely
 * what a user means. Name matching (`baseline.ts`) prevents it by accident; what is left is a
 * deliberate new id or a kind change (a table that becomes a view), and it must be accepted.
 */
import type { Draft } from './plan-context.ts';
import { hazard } from './plan-context.ts';
import type { Change } from './types.ts';

interface Replaceable { id: string; schema?: string; name: string }

/** Tables, views and sequences share PostgreSQL's relation names; enums and domains its type names. */
function identityOf(c: Change): { key: string; kind: string; object: Replaceable; drop: boolean } | undefined {
  const at = (family: string, kind: string, object: Replaceable, drop: boolean) =>
    ({ key: `${family}\u0000${object.schema ?? ''}\u0000${object.name}`, kind, object, drop });
  switch (c.kind) {
    case 'table.drop': return at('relation', 'table', c.table, true);
    case 'table.create': return at('relation', 'table', c.table, false);
    case 'view.drop': return at('relation', c.view.materialized ? 'materialized view' : 'view', c.view, true);
    case 'view.create': return at('relation', c.view.materialized ? 'materialized view' : 'view', c.view, false);
    case 'sequence.drop': return at('relation', 'sequence', c.sequence, true);
    case 'sequence.create': return at('relation', 'sequence', c.sequence, false);
    case 'enum.drop': return at('type', 'enum', c.enum, true);
    case 'enum.create': return at('type', 'enum', c.enum, false);
    case 'domain.drop': return at('type', 'domain', c.domain, true);
    case 'domain.create': return at('type', 'domain', c.domain, false);
    case 'raw.drop': return at(`raw ${c.object.kind} ${c.object.tableId ?? ''}`, c.object.kind, c.object, true);
    case 'raw.create': return at(`raw ${c.object.kind} ${c.object.tableId ?? ''}`, c.object.kind, c.object, false);
    default: return undefined;
  }
}

const qualifiedName = (o: Replaceable) => (o.schema ? `${o.schema}.${o.name}` : o.name);

/**
 * Drop changes whose name a create of another id takes again, each with the reason to show.
 * Ex: drop of table public.items (id a) + create of table public.items (id b) → that drop ↦
 * `the model's table public.items is a different object (id b) from the database's (id a) …`.
 */
export function recreatedObjects(changes: readonly Change[]): Map<Change, string> {
  const created = new Map<string, { kind: string; object: Replaceable }>();
  for (const c of changes) {
    const identity = identityOf(c);
    if (identity && !identity.drop) created.set(identity.key, identity);
  }
  const out = new Map<Change, string>();
  for (const c of changes) {
    const dropped = identityOf(c);
    const replacement = dropped?.drop ? created.get(dropped.key) : undefined;
    if (!dropped || !replacement || replacement.object.id === dropped.object.id) continue;
    out.set(c, `the model's ${replacement.kind} ${qualifiedName(replacement.object)} is a different object (id ${replacement.object.id}) `
      + `from the database's ${dropped.kind} (id ${dropped.object.id}): it is dropped, with its data, and created again empty`);
  }
  return out;
}

/** The drop's last step (the DROP itself) carries the hazard when the change is a recreation. */
export function withRecreateHazard(change: Change, drafts: Draft[], recreated: ReadonlyMap<Change, string>): Draft[] {
  const reason = recreated.get(change);
  if (!reason || !drafts.length) return drafts;
  const last = drafts[drafts.length - 1];
  return [...drafts.slice(0, -1), { ...last, hazards: [hazard('recreates-object', reason), ...last.hazards] }];
}
