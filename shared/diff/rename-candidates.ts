/**
 * Renames by shape, which the user confirms (issue 9): a live table that matches no model table and
 * a model table that matches no live table, with the same columns (names and types), may be one
 * table renamed outside the model's history (a baseline lost, a rename made by hand, a model drawn
 * anew). The plan lists such pairs; a pair the user confirms is matched before diffing
 * (`matchToBaseline(…, renames)`), so the table is renamed with its rows instead of dropped.
 */
import type { Model, Table } from '../model/document.ts';
import { stableJson } from './match.ts';

/** A live table (`schema.name`) the user confirmed is the model table `toId`, renamed. */
export interface ConfirmedRename {
  from: string;
  toId: string;
}

/** A pair the plan offers to treat as a rename: live `from` (`schema.name`) → model table `toId` (`to`, its `schema.name`). */
export interface RenameCandidate extends ConfirmedRename {
  to: string;
}

const qualified = (t: Table) => `${t.schema}.${t.name}`;
const shapeOf = (t: Table) => stableJson(t.columns.map((c) => [c.name, c.type]).sort((a, b) => String(a[0]).localeCompare(String(b[0]))));

/**
 * Pairs of an unmatched live table and an unmatched model table of the same shape, when the shape
 * names exactly one of each (two candidates for one table are left to the user's model).
 * Ex: live `public.items (id bigint, title text)` and model `public.goods (id bigint, title text)`,
 * neither matched → `[{ from: 'public.items', toId: <goods' id>, to: 'public.goods' }]`.
 */
export function renameCandidates(live: Model, model: Model): RenameCandidate[] {
  const modelIds = new Set(model.tables.map((t) => t.id));
  const liveIds = new Set(live.tables.map((t) => t.id));
  const byShape = (tables: Table[]) => {
    const out = new Map<string, Table[]>();
    for (const t of tables) out.set(shapeOf(t), [...(out.get(shapeOf(t)) ?? []), t]);
    return out;
  };
  const dropped = byShape(live.tables.filter((t) => !modelIds.has(t.id) && t.columns.length));
  const created = byShape(model.tables.filter((t) => !liveIds.has(t.id)));
  const out: RenameCandidate[] = [];
  for (const [shape, [from, ...more]] of dropped) {
    const [to, ...others] = created.get(shape) ?? [];
    if (to && !more.length && !others.length) out.push({ from: qualified(from), toId: to.id, to: qualified(to) });
  }
  return out;
}
