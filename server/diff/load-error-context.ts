/**
 * Which statement of the model's DDL a load error is about. PostgreSQL's message alone names what
 * is missing ("function musicbrainz.musicbrainz_unaccent(character varying) does not exist") but
 * not what asked for it; its cursor (`position`) falls in one statement of the script, whose
 * opening is added: `…, in CREATE INDEX artist_idx_lower_unaccent_name_comment ON musicbrainz.artist …`.
 */
import { codePointToCharOffset, loadSqlParser, parseScript } from '../../shared/io/parser.ts';
import { excerpt } from '../../shared/io/excerpt.ts';

const SHOWN_CHARS = 100;

/** `message`, with the statement `error`'s cursor points into; unchanged without a cursor. */
export async function withFailingStatement(message: string, error: unknown, sql: string): Promise<string> {
  const cursor = Number((error as { position?: unknown } | undefined)?.position);
  if (!Number.isInteger(cursor) || cursor < 1) return message;
  try {
    await loadSqlParser();
    const offset = codePointToCharOffset(sql, cursor - 1);
    const statement = parseScript(sql).statements.find((s) => s.start <= offset && offset < s.end);
    if (!statement) return message;
    return `${message}, in ${excerpt(statement.text, SHOWN_CHARS)}`;
  } catch {
    return message; // the DDL does not parse back: the message alone is still true
  }
}
