/**
 * Renames that trade names (`a → b` while `b → a`, or a chain `a → b → c`) must run in the right
 * order, and a cycle needs a temporary name. Renames of one namespace (columns of a table,
 * constraints of a table, indexes of a schema, tables of a schema) are reordered here, with a hop
 * through `<name>__tmp` where names go round in a circle.
 */
import { clipBytes } from '../model/names.ts';
import type { Change } from './types.ts';

type Rename = Extract<Change, { kind: 'column.rename' | 'constraint.rename' | 'index.rename' | 'table.rename' }>;

interface Access {
  namespace: (c: Rename) => string | undefined;
  from: (c: Rename) => string;
  to: (c: Rename) => string;
  /** A copy of `c` renaming from `from` to `to` (either may be a temporary name). */
  hop: (c: Rename, from: string, to: string) => Rename;
}

function access(c: Rename): Access {
  switch (c.kind) {
    case 'column.rename':
      return {
        namespace: (r) => `column:${(r as typeof c).table.id}`,
        from: (r) => (r as typeof c).from.name, to: (r) => (r as typeof c).to.name,
        hop: (r, from, to) => ({ ...(r as typeof c), from: { ...(r as typeof c).from, name: from }, to: { ...(r as typeof c).to, name: to } }),
      };
    case 'constraint.rename':
      return {
        namespace: (r) => `constraint:${(r as typeof c).table.id}`,
        from: (r) => (r as typeof c).from.value.name!, to: (r) => (r as typeof c).to.value.name!,
        hop: (r, from, to) => {
          const x = r as typeof c;
          return { ...x, from: { ...x.from, value: { ...x.from.value, name: from } }, to: { ...x.to, value: { ...x.to.value, name: to } } } as Rename;
        },
      };
    case 'index.rename':
      return {
        namespace: (r) => {
          const o = (r as typeof c).owner;
          return `index:${o.type === 'table' ? o.table.schema : o.view.schema}`;
        },
        from: (r) => (r as typeof c).from.name!, to: (r) => (r as typeof c).to.name!,
        hop: (r, from, to) => ({ ...(r as typeof c), from: { ...(r as typeof c).from, name: from }, to: { ...(r as typeof c).to, name: to } }),
      };
    case 'table.rename':
      return {
        // Only plain renames inside one schema can trade names; moves between schemas run as they are.
        namespace: (r) => ((r as typeof c).from.schema === (r as typeof c).to.schema ? `table:${(r as typeof c).to.schema}` : undefined),
        from: (r) => (r as typeof c).from.name, to: (r) => (r as typeof c).to.name,
        hop: (r, from, to) => ({ ...(r as typeof c), from: { ...(r as typeof c).from, name: from }, to: { ...(r as typeof c).to, name: to } }),
      };
  }
}

const temporary = (name: string) => `${clipBytes(name, 58)}__tmp`;

/** One namespace's renames in a safe order, cycles broken with a temporary name. */
function orderGroup(group: Rename[]): Rename[] {
  const out: Rename[] = [];
  let pending = group.map((c) => ({ change: c, from: access(c).from(c), to: access(c).to(c) }));
  while (pending.length) {
    const ready = pending.find((p) => !pending.some((q) => q !== p && q.from === p.to));
    if (ready) {
      out.push(access(ready.change).hop(ready.change, ready.from, ready.to));
      pending = pending.filter((p) => p !== ready);
      continue;
    }
    // Every target name is still taken by another rename: move one out of the way first.
    const first = pending[0];
    const tmp = temporary(first.from);
    out.push(access(first.change).hop(first.change, first.from, tmp));
    first.from = tmp;
  }
  return out;
}

/** `changes` with every namespace's renames reordered (in place of the first of them). */
export function orderRenames(changes: Change[]): Change[] {
  const groups = new Map<string, Rename[]>();
  const isRename = (c: Change): c is Rename =>
    c.kind === 'column.rename' || c.kind === 'constraint.rename' || c.kind === 'index.rename' || c.kind === 'table.rename';
  for (const c of changes) {
    if (!isRename(c)) continue;
    const key = access(c).namespace(c);
    if (key) groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const placed = new Set<string>();
  const out: Change[] = [];
  for (const c of changes) {
    const key = isRename(c) ? access(c).namespace(c) : undefined;
    if (!key) { out.push(c); continue; }
    if (placed.has(key)) continue;
    placed.add(key);
    out.push(...orderGroup(groups.get(key)!));
  }
  return out;
}
