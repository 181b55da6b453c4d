/**
 * The page's copy of PostgreSQL's parser, which `parseDocument` needs to check every SQL field of a
 * document (`shared/model/sql-fields.ts`). Await it before checking one: an import, an introspection,
 * a file, a draft (a project or version the store hands back was checked on its way in). The page fetches
 * `libpg-query.wasm` as soon as the parser module is evaluated, beside the page (`/p/` for a project)
 * or the worker's script (`/assets/`): the server answers that name in any directory (server/app.ts).
 * In Node the model modules load the parser themselves.
 */
import { loadSqlParser } from '../../shared/io/parser.ts';

export function sqlParserReady(): Promise<void> {
  return loadSqlParser();
}
