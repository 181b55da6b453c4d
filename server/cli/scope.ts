/**
 * Which schemas of a live database `diff --db` and `apply` compare with a document. A document
 * read with `introspect --schema s2` stands for s2 only: planning it against the whole database
 * would drop every other schema. So:
 * - `--schema <name>...` given: exactly those schemas are read and compared; a document object in
 *   another schema is an error (it could not be compared).
 * - no `--schema`: the schemas the document names (its schema list and its objects' schemas). When
 *   the database has others, they are left alone and the command says so on stderr.
 * A schema in the scope that the document does not name is planned as dropped (with its hazards):
 * that is how a schema is removed on purpose.
 */
import type { Model } from '../../shared/model/document.ts';
import { isPostgresUrl, type SqlClient } from '../db/sql-client.ts';
import { canonicalFor, ModelDoesNotLoad, type Canonical } from '../diff/canonical.ts';
import { namedSchemas } from '../diff/outside-schemas.ts';
import { runCatalogQuery } from '../introspect/catalog-query.ts';
import { schemasQuery } from '../introspect/queries-types.ts';
import { CliError, type CliIo } from './command.ts';

export interface LiveScope {
  /** The schemas compared; absent: the whole database (the document names every schema it has). */
  schemas?: string[];
  /** Schemas of the database outside the scope, left as they are. */
  leftAlone: string[];
  /** The scope is the document's schemas (no `--schema`): worth telling the user. */
  fromDocument?: boolean;
}

/**
 * Takes `--shadow-url <postgres://…>` out of `args`: a scratch server where the document's SQL may
 * run in throwaway databases (for extensions the embedded engine lacks). Never the database compared.
 */
export function takeShadowUrl(args: string[]): { shadowUrl?: string; rest: string[] } {
  const rest: string[] = [];
  let shadowUrl: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg !== '--shadow-url' && !arg.startsWith('--shadow-url=')) {
      rest.push(arg);
      continue;
    }
    const value = arg === '--shadow-url' ? args[++i] : arg.slice('--shadow-url='.length);
    if (!value || !isPostgresUrl(value)) throw new CliError('--shadow-url needs a postgres://… URL of a scratch server (the document\'s SQL runs there; never production)');
    shadowUrl = value;
  }
  return { shadowUrl, rest };
}

/** `"a", "b"`: schema names as the CLI's messages quote them. */
export const list = (names: string[]) => names.map((n) => `"${n}"`).join(', ');

/** The user schemas of the database (every schema but the system ones and Schemata's bookkeeping). */
export async function liveSchemas(client: SqlClient): Promise<string[]> {
  return (await runCatalogQuery(client, schemasQuery({}))).map((r) => r.name);
}

/** The scope of a live command, from `--schema` (may be empty) and the document's model. */
export async function resolveScope(client: SqlClient, model: Model, requested: string[]): Promise<LiveScope> {
  const live = await liveSchemas(client);
  const named = namedSchemas(model);
  if (requested.length) {
    const outside = named.filter((s) => !requested.includes(s));
    if (outside.length) {
      throw new CliError(`the document has objects in schema ${list(outside)}, which --schema leaves out: add --schema ${outside[0]}, or drop --schema to compare the schemas the document names`);
    }
    const schemas = [...new Set(requested)].sort();
    return { schemas, leftAlone: live.filter((s) => !schemas.includes(s)) };
  }
  if (!named.length) throw new CliError('the document names no schema: say which schemas of the database it stands for with --schema <name>');
  const leftAlone = live.filter((s) => !named.includes(s));
  return leftAlone.length ? { schemas: named, leftAlone, fromDocument: true } : { leftAlone };
}

/** The stderr line of a scope chosen from the document: what was not compared, and how to include it. */
function scopeNote(command: string, scope: LiveScope): string | undefined {
  if (!scope.fromDocument || !scope.schemas) return undefined;
  return `schemata ${command}: compared schema ${list(scope.schemas)} (the ones the document names); left alone: ${list(scope.leftAlone)} (give --schema <name> for each schema the document stands for)\n`;
}

/**
 * The document's model in PostgreSQL's spelling, read back from the shadow for the scope only. A
 * model that needs an object of a schema outside the scope (a view on s1.a, a column of an s1 type)
 * cannot load into the empty shadow: the error says how to bring that schema in.
 */
async function canonicalInScope(p: { client: SqlClient; shadowUrl?: string; model: Model; scope: LiveScope }): Promise<Canonical> {
  try {
    return await canonicalFor({ model: p.model, schemas: p.scope.schemas, shadowUrl: p.shadowUrl, target: p.client });
  } catch (error) {
    if (!(error instanceof ModelDoesNotLoad)) throw error;
    if (error.needsShadowServer && !p.shadowUrl) throw new CliError(`${error.message}: give --shadow-url <postgres://…>`);
    if (!p.scope.schemas) throw new CliError(error.message);
    const message = (error as Error).message.split('\n')[0];
    throw new CliError(`${message} (the document stands for schema ${list(p.scope.schemas)} only; when it uses an object of another schema, introspect and compare with --schema for that schema too)`);
  }
}

/**
 * What `diff --db` and `apply` start from: the scope (said on stderr when the document chose it)
 * and the document's model in PostgreSQL's own spelling, so the plan and its verification are exact.
 * The document's SQL runs in the embedded engine, or on `shadowUrl` (`--shadow-url`, a scratch
 * server) when given: never on the database compared.
 */
export async function modelInScope(p: { command: string; client: SqlClient; shadowUrl?: string; written: Model; requested: string[]; io: CliIo }): Promise<Canonical & { scope: LiveScope }> {
  const scope = await resolveScope(p.client, p.written, p.requested);
  const note = scopeNote(p.command, scope);
  if (note) p.io.stderr(note);
  return { scope, ...await canonicalInScope({ client: p.client, shadowUrl: p.shadowUrl, model: p.written, scope }) };
}
