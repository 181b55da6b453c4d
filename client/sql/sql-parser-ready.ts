/**
 * The page's copy of PostgreSQL's parser, which `parseDocument` needs to check every SQL field of a
 * document (`shared/model/sql-fields.ts`). Await it before opening any document. The page fetches
 * `libpg-query.wasm` from the site root as soon as the parser module is evaluated (`main.tsx` imports
 * `chrome/wasm-location.ts` first for that); in Node the model modules load the parser themselves.
 */
import { loadSqlParser } from '../../shared/io/parser.ts';

export function sqlParserReady(): Promise<void> {
  return loadSqlParser();
}
