/**
 * Text on one line (each run of white space one space), cut to `max` characters with an ellipsis:
 * how a message quotes SQL. Ex: `excerpt('CREATE TABLE t (\n  id int\n)', 20)` → `CREATE TABLE t ( id…`.
 */
export function excerpt(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
