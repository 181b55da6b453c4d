/** `introspect --db <url> [--schema <name>]...` → the live schema as a document (JSON) on stdout. */
import { makeDocument } from '../../shared/model/empty.ts';
import { CliError, type CliCommand } from './command.ts';
import { parseRequiredDb, withDatabase } from './db-option.ts';

export const introspectCommand: CliCommand = {
  usage: 'introspect --db <postgres://…|pglite:<dir>> [--schema <name>]...   print the live schema as a document (JSON)',
  async run(args, io) {
    const parsed = parseRequiredDb(args);
    if (parsed.rest.length) throw new CliError(`unexpected argument "${parsed.rest[0]}"`);
    // Introspection's modules (its queries, the SQL parser) load while the connection is being made.
    const loading = import('../introspect/two-connections.ts');
    loading.catch(() => undefined); // a failed connection is the error to report
    return withDatabase(parsed.db, async (client) => {
      const { introspectOnTwoConnections } = await loading;
      const model = await introspectOnTwoConnections(client, { schemas: parsed.schemas });
      io.stdout(JSON.stringify(makeDocument(model), null, 2) + '\n');
      return 0;
    });
  },
};
