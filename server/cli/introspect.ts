/** `introspect --db <url> [--schema <name>]...` → the live schema as a document (JSON) on stdout. */
import { makeDocument } from '../../shared/model/empty.ts';
import { openSqlClient } from '../db/sql-client.ts';
import { introspect } from '../introspect/introspect.ts';
import { CliError, type CliCommand } from './command.ts';

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

export const introspectCommand: CliCommand = {
  name: 'introspect',
  usage: 'introspect --db <postgres://…|pglite:<dir>> [--schema <name>]...   print the live schema as a document (JSON)',
  async run(args, io) {
    const parsed = parseDbArgs(args);
    if (!parsed.db) throw new CliError('--db <url> is required (postgres://… or pglite:<directory>)');
    if (parsed.rest.length) throw new CliError(`unexpected argument "${parsed.rest[0]}"`);
    const client = await openSqlClient(parsed.db, { createMissing: false });
    try {
      const model = await introspect(client, { schemas: parsed.schemas });
      io.stdout(JSON.stringify(makeDocument(model), null, 2) + '\n');
      return 0;
    } finally {
      await client.close();
    }
  },
};
