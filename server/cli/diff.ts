/**
 * `diff --db <url> <document.json> [--json]`: the SQL that turns the database into the document's
 * model; `diff <from.json> <to.json> [--json]`: the same between two documents, both first put in
 * PostgreSQL's own spelling (`--as-written` compares their text as it is). Nothing at all is printed
 * when the two are equal. `--json` prints the plan (steps with phase and hazards) instead.
 * Against a database, each risky step's data checks run first (read-only, bounded: `runDataChecks`)
 * and what they found is printed as `-- data check:` comments under its hazards (`dataChecks` in JSON).
 * A table dropped and one created with the same columns is named on stderr as a rename candidate
 * (`renameCandidates` in JSON), with the `apply --rename` that confirms it.
 * Against a database, `--schema <name>...` (repeatable) compares those schemas only; without it,
 * the schemas the document names are compared and any other schema of the database is left alone
 * (named on stderr), so a document from `introspect --schema s2` diffs empty against its database.
 * See `scope.ts`. The document's SQL is loaded into the embedded engine to put it in PostgreSQL's
 * spelling, never into the database compared; `--shadow-url <postgres://…>` names a scratch server
 * to use instead (for extensions the embedded engine lacks).
 */
import { describeDataCheck } from '../../shared/diff/data-check-text.ts';
import type { StepDataCheck } from '../../shared/diff/data-checks.ts';
import { planBetween } from '../../shared/diff/plan.ts';
import type { RenameCandidate } from '../../shared/diff/rename-candidates.ts';
import { hazardKinds } from '../../shared/diff/hazards.ts';
import type { Step } from '../../shared/diff/types.ts';
import { runDataChecks } from '../db/data-checks.ts';
import { openSqlClient } from '../db/sql-client.ts';
import { migrationBetween } from '../diff/migration-between.ts';
import { planLive } from '../live/plan.ts';
import { CliError, type CliCommand, type CliIo } from './command.ts';
import { parseDbArgs } from './db-option.ts';
import { readDocument } from './read-document.ts';
import { modelInScope, takeShadowUrl } from './scope.ts';
import { takeMigrationOptions, writeMigrationFiles, type MigrationOutOptions } from './migration-out.ts';

/** Each step's hazards, and what its data checks found, as SQL comments above its statements. */
export function stepsAsSql(steps: Step[], dataChecks: StepDataCheck[] = []): string {
  return steps.map((s, i) => {
    const hazards = s.hazards.map((h) => `-- hazard ${h.kind}: ${h.message}\n`).join('');
    const found = dataChecks.filter((c) => c.step === i).map((c) => `-- data check: ${describeDataCheck(c.check, c.result)}\n`).join('');
    return `${hazards}${found}${s.sql}\n`;
  }).join('');
}

interface DiffArgs { db?: string; shadowUrl?: string; schemas: string[]; files: string[]; json: boolean; asWritten: boolean; out?: MigrationOutOptions }

function parseDiffArgs(args: string[]): DiffArgs {
  const parsed = parseDbArgs(args);
  if (parsed.schemas.length && !parsed.db) throw new CliError('--schema goes with --db: diff --db <url> --schema <name> <document.json>');
  const shadow = takeShadowUrl(parsed.rest);
  if (shadow.shadowUrl && !parsed.db) throw new CliError('--shadow-url goes with --db: diff --db <url> --shadow-url <url> <document.json>');
  const { rest, out } = takeMigrationOptions(shadow.rest);
  const json = rest.includes('--json');
  const asWritten = rest.includes('--as-written');
  if (asWritten && parsed.db) throw new CliError('--as-written is for two documents; a database is always compared in its own spelling');
  const files = rest.filter((a) => a !== '--json' && a !== '--as-written');
  const unknown = files.find((a) => a.startsWith('--'));
  if (unknown) throw new CliError(`unknown option "${unknown}"`);
  const wanted = parsed.db ? 1 : 2;
  if (files.length !== wanted) {
    throw new CliError(parsed.db ? 'give one document: diff --db <url> <document.json>' : 'give two documents: diff <from.json> <to.json> (or --db <url> <document.json>)');
  }
  return { db: parsed.db, shadowUrl: shadow.shadowUrl, schemas: parsed.schemas, files, json, asWritten, out };
}

/** The database (the scope's schemas) → the document, and back. */
async function diffLive(options: DiffArgs & { db: string }, io: CliIo): Promise<{ steps: Step[]; reverse: Step[]; dataChecks: StepDataCheck[]; renameCandidates: RenameCandidate[] }> {
  const written = (await readDocument(options.files[0], io)).model;
  const client = await openSqlClient(options.db, { createMissing: false });
  try {
    // With no studio store, live objects are matched to the document itself by name.
    const { scope, model, respell } = await modelInScope({ command: 'diff', client, shadowUrl: options.shadowUrl, written, requested: options.schemas, io });
    const live = await planLive(client, model, model, { schemas: scope.schemas, respell });
    const dataChecks = options.out ? [] : await runDataChecks(client, live.steps);
    // A table dropped and one created with the same columns may be a rename only the user can confirm.
    for (const c of live.renameCandidates) {
      io.stderr(`schemata diff: ${c.from} and ${c.to} have the same columns: if it is a rename, apply with --rename ${c.from}=${c.toId}\n`);
    }
    return { steps: live.steps, reverse: planBetween(model, live.from).steps, dataChecks, renameCandidates: live.renameCandidates };
  } finally {
    await client.close();
  }
}

export const diffCommand: CliCommand = {
  usage: 'diff (--db <url> [--schema <name>]... [--shadow-url <url>] <document.json> | <from.json> <to.json> [--as-written]) [--json] [--out <dir> --layout plain|flyway|migrate|dbmate --name <name>]   the migration SQL (nothing when equal), or migration files (up and down) in <dir>',
  async run(args, io) {
    const options = parseDiffArgs(args);
    let steps: Step[];
    let reverse: Step[];
    let dataChecks: StepDataCheck[] | undefined;
    let renameCandidates: RenameCandidate[] | undefined;
    if (options.db) {
      ({ steps, reverse, dataChecks, renameCandidates } = await diffLive({ ...options, db: options.db }, io));
    } else {
      const written = { from: (await readDocument(options.files[0], io)).model, to: (await readDocument(options.files[1], io)).model };
      // Compared in PostgreSQL's spelling (the embedded engine), unless asked for the text as written:
      // the same path as the studio's migration export (`POST /api/migration-files`).
      const between = await migrationBetween({ ...written, asWritten: options.asWritten });
      if (between.asWritten) io.stderr(`schemata diff: compared as written (${between.asWritten})\n`);
      steps = between.plan.steps;
      reverse = between.reverse.steps;
    }
    if (options.out) {
      const written = await writeMigrationFiles({ plan: { steps }, reverse: { steps: reverse }, ...options.out });
      io.stdout(written.map((path) => `${path}\n`).join(''));
      return 0;
    }
    if (options.json) io.stdout(JSON.stringify({ steps, hazards: hazardKinds(steps), ...(dataChecks ? { dataChecks } : {}), ...(renameCandidates ? { renameCandidates } : {}) }, null, 2) + '\n');
    else io.stdout(stepsAsSql(steps, dataChecks));
    return 0;
  },
};
