/** `introspect --db <url> [--schema <name>]...` → the live schema as a document (JSON) on stdout. */
import { makeDocument } from '../../shared/model/empty.ts';
import { introspect } from '../introspect/introspect.ts';
import { CliError, type CliCommand } from './command.ts';
import { parseRequiredDb, withDatabase } from './db-option.ts';

export const introspectCommand: CliCommand = {
  usage: 'introspect --db <postgres://…|pglite:<dir>> [--schema <name>]...   print the live schema as a document (JSON)',
  async run(args, io) {
    const parsed = parseRequiredDb(args);
    if (parsed.rest.length) throw new CliError(`unexpected argument "${parsed.rest[0]}"`);
    return withDatabase(parsed.db, async (client) => {
      const model = await introspect(client, { schemas: parsed.schemas });
      io.stdout(JSON.stringify(makeDocument(model), null, 2) + '\n');
      return 0;
    });
  },
};
