/**
 * DBML lexical pieces: quoted names, strings, default values, colors, and the layout blocks
 * (table groups, sticky notes). The one place DBML quoting rules live.
 */
import type { Layout, Table } from '../../model/document.ts';

/** `we"ird` → `"we\"ird"`. DBML double-quoted names take backslash escapes. */
export function dbmlIdent(name: string): string {
  return `"${name.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** A single-quoted DBML string; newlines and tabs are escaped, so no indentation is stripped. */
export function dbmlString(value: string): string {
  const escaped = value
    .replace(/\\/g, '\\\\').replace(/'/g, "\\'")
    .replace(/\r/g, '\\r').replace(/\n/g, '\\n').replace(/\t/g, '\\t');
  return `'${escaped}'`;
}

/**
 * A column default as DBML writes it: a plain string literal as a string, a number as a number,
 * `true`/`false` as booleans, anything else as a backtick expression. `undefined` when the
 * expression holds a backtick (DBML expressions cannot escape one).
 * Ex: `dbmlDefault("'it''s'")` → `'it\'s'`; `dbmlDefault('now()')` → `` `now()` ``.
 */
export function dbmlDefault(sql: string): string | undefined {
  const literal = sql.match(/^'((?:[^']|'')*)'$/);
  if (literal) return dbmlString(literal[1].replace(/''/g, "'"));
  if (/^-?\d+(\.\d+)?$/.test(sql) && String(Number(sql)) === sql) return sql;
  if (sql === 'true' || sql === 'false') return sql;
  if (sql.includes('`')) return undefined;
  return `\`${sql}\``;
}

/** DBML accepts only hex color literals (`#abc`, `#aabbcc`). */
export function hexColor(color: string | undefined): string | undefined {
  return color && /^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.test(color) ? color : undefined;
}

/** Subject areas as TableGroups. A DBML table belongs to one group at most: later groups skip it. */
export function dbmlTableGroups(layout: Layout, tables: Map<string, Table>, exported: Set<string>, warnings: string[]): string[] {
  const placed = new Set<string>();
  return layout.areas.map((area) => {
    const members = area.tableIds.filter((id) => exported.has(id) && tables.has(id));
    const lines: string[] = [];
    for (const id of members) {
      const table = tables.get(id)!;
      if (placed.has(id)) {
        warnings.push(`subject area ${area.name}: ${table.name} is already in another group (DBML allows one)`);
        continue;
      }
      placed.add(id);
      lines.push(`  ${table.schema === 'public' ? '' : `${dbmlIdent(table.schema)}.`}${dbmlIdent(table.name)}`);
    }
    const color = hexColor(area.color);
    if (!color) warnings.push(`subject area ${area.name}: color ${area.color} is not a hex color and was dropped`);
    if (area.note) lines.push(`  Note: ${dbmlString(area.note)}`);
    return `TableGroup ${dbmlIdent(area.name)}${color ? ` [color: ${color}]` : ''} {\n${lines.join('\n')}${lines.length ? '\n' : ''}}`;
  });
}

/** Free-standing canvas notes as DBML sticky notes; the name comes from a `note:<name>` id. */
export function dbmlStickyNotes(layout: Layout): string[] {
  return layout.notes.map((note, i) => {
    const name = note.id.startsWith('note:') ? note.id.slice(5) : `note_${i + 1}`;
    return `Note ${dbmlIdent(name)} {\n  ${dbmlString(note.text)}\n}`;
  });
}
