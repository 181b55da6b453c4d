/**
 * What of a PostgreSQL error from a target may leave the server (an HTTP answer, the CLI's line, the
 * apply history and the target's journal). A model's SQL can read rows and files and push them into
 * an error (`RAISE EXCEPTION '%', pg_read_file(…)`, `pg_read_file(…)::int`), so the rule is:
 *
 * 1. `detail`, `where` (context) and internal-query fields are never passed on: they quote rows
 *    (`Key (email)=(…) is duplicated`) and the statements of the code that ran.
 * 2. An error raised by user code — SQLSTATE class P0 (PL/pgSQL RAISE, ASSERT, …) or any error with
 *    a context (it happened inside a function, DO block or trigger the statement ran) — has its
 *    message and hint replaced by `the step raised an exception (SQLSTATE …)`: that code chose the
 *    text, so it may be anything it read.
 * 3. Any other error is PostgreSQL's own message about the statement. PostgreSQL quotes the names
 *    and values it complains about (`relation "t" does not exist`, `invalid input syntax for type
 *    integer: "…"`); a name comes from the statement, a value read from a row or a file does not.
 *    So when the statement's SQL is known, the quoted part of the message is kept only if every
 *    quoted span is a name (`t`, `public.t`) the SQL contains as a word; otherwise, and always for
 *    class 22 (data exception: its quotes hold values), everything from the first quote to the last
 *    becomes `"…"` (a value may itself contain quotes, hence first to last).
 */

export interface PgErrorFields {
  code?: string;
  message?: string;
  hint?: string;
  where?: string;
}

const sqlstateOf = (e: PgErrorFields) => (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) ? e.code : undefined);

/** True when user code (a RAISE, a function or DO block) produced the error: its text is not PostgreSQL's. */
export function raisedByUserCode(e: PgErrorFields): boolean {
  return sqlstateOf(e)?.startsWith('P0') === true || (typeof e.where === 'string' && e.where.trim() !== '');
}

const NAME = /^[A-Za-z_][A-Za-z0-9_$]*(\.[A-Za-z_][A-Za-z0-9_$]*)*$/;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A name the statement wrote: as a word (`public.t`), or as a quoted identifier (`"My t"`). */
function namedBy(sql: string, span: string): boolean {
  if (sql.includes(`"${span}"`)) return true;
  return NAME.test(span) && new RegExp(`(^|[^A-Za-z0-9_$])${escapeRegExp(span)}($|[^A-Za-z0-9_$])`).test(sql);
}

/** Keeps the quoted spans of `text` only when each is a name the SQL wrote (rule 3). */
function maskUnknownQuotes(text: string, sql: string, sqlstate: string | undefined): string {
  const first = text.indexOf('"');
  const last = text.lastIndexOf('"');
  if (first < 0) return text;
  if (first === last) return `${text.slice(0, first)}"…"`;
  const spans = text.slice(first + 1, last).split('"').filter((_, i) => i % 2 === 0);
  if (!sqlstate?.startsWith('22') && spans.every((span) => namedBy(sql, span))) return text;
  return `${text.slice(0, first)}"…"${text.slice(last + 1)}`;
}

/** The message that may be shown (rules 2 and 3). `sql`: the statement that failed, when known. */
export function disclosedMessage(e: PgErrorFields, sql?: string): string {
  const message = e.message ?? 'unknown error';
  if (raisedByUserCode(e)) {
    return `the step raised an exception (SQLSTATE ${sqlstateOf(e) ?? 'unknown'}); its message is not shown, as it may carry data the code read`;
  }
  return sql === undefined ? message : maskUnknownQuotes(message, sql, sqlstateOf(e));
}

/** PostgreSQL's hint when the message is its own (rule 2 drops a user's), masked like the message. */
export function disclosedHint(e: PgErrorFields, sql?: string): string | undefined {
  if (!e.hint || raisedByUserCode(e)) return undefined;
  return sql === undefined ? e.hint : maskUnknownQuotes(e.hint, sql, sqlstateOf(e));
}
