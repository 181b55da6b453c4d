/** `introspect --db <url> [--schema <name>]...` → the live schema as a document (JSON) on stdout. */
import { makeDocument } from '../../shared/model/empty.ts';
import type { SqlClient } from '../db/sql-client.ts';
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
      const missing = parsed.schemas.filter((name) => !model.schemas.some((schema) => schema.name === name));
      if (missing.length) throw new CliError(await noSuchSchema(client, missing));
      io.stdout(JSON.stringify(makeDocument(model), null, 2) + '\n');
      return 0;
    });
  },
};

/**
 * A `--schema` the database does not have is a mistake to report (a misspelt name would otherwise
 * print an empty document, and a pipeline would go on with it), with the schemas it has. Loaded on
 * this path only: `scope.ts` brings the diff's modules.
 */
async function noSuchSchema(client: SqlClient, missing: string[]): Promise<string> {
  const { list, liveSchemas } = await import('./scope.ts');
  const live = await liveSchemas(client);
  return `the database has no schema ${list(missing)} (it has ${live.length ? list(live) : 'none besides the system ones'})`;
}
