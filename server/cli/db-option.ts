/**
 * The `--db <url>` (and repeated `--schema <name>`) options every live command reads, and the
 * database they open: one place, so `introspect`, `history`, `diff`, `apply` and `revert` read and
 * refuse them alike.
 */
import { openSqlClient, type SqlClient } from '../db/sql-client.ts';
import { CliError } from './command.ts';

export interface DbArgs {
  db?: string;
  schemas: string[];
  rest: string[];
}

/** Reads `--db <url>` (or `--db=<url>`) and repeated `--schema <name>`; the rest is returned. */
export function parseDbArgs(args: string[]): DbArgs {
  const out: DbArgs = { schemas: [], rest: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flag === '--db' || flag === '--schema') {
      const value = inline ?? args[++i];
      if (value === undefined || value === '') throw new CliError(`${flag} needs a value`);
      if (flag === '--db') out.db = value;
      else out.schemas.push(value);
    } else {
      out.rest.push(arg);
    }
  }
  return out;
}

/** `parseDbArgs`, with `--db` required. */
export function parseRequiredDb(args: string[]): DbArgs & { db: string } {
  const parsed = parseDbArgs(args);
  if (!parsed.db) throw new CliError('--db <url> is required (postgres://… or pglite:<directory>)');
  return { ...parsed, db: parsed.db };
}

/** Opens the database of `--db` (never created when missing), runs `fn`, and closes it. */
export async function withDatabase<T>(url: string, fn: (client: SqlClient) => Promise<T>): Promise<T> {
  const client = await openSqlClient(url, { createMissing: false });
  try {
    return await fn(client);
  } finally {
    await client.close();
  }
}
