/**
 * The page's copy of PostgreSQL's parser, which `parseDocument` needs to check every SQL field of a
 * document (`shared/model/sql-fields.ts`). Await it before opening any document; the first call
 * fetches `libpg-query.wasm` from the site root (see `chrome/wasm-location.ts`), later calls return at
 * once. Outside a page (tests in Node) the parser was loaded when the model modules were imported.
 */
import { loadSqlParser } from '../shared/io/parser.ts';

export async function sqlParserReady(): Promise<void> {
  if (typeof document !== 'undefined') await import('./chrome/wasm-location.ts');
  await loadSqlParser();
}
