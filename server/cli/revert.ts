/**
 * `revert --db <url> <entry> [--apply | --dry-run] [--allow <hazard>,...] [--allow-all] [--shadow-url <url>]
 * [--lock-timeout <ms>] [--statement-timeout <ms>]`: the way back from an entry of the database's own
 * journal (`history --db <url>` lists them). It plans back to the model recorded before that entry,
 * against the database as it is now, and prints the plan like `diff --db` (hazards and data checks as
 * comments); nothing changes. `--apply` applies it as `apply` does (hazards allowed with `--allow`,
 * exit 3 when one is not; exit 1 on an error, everything rolled back) and journals it as a revert of
 * the entry; `--dry-run` runs it and rolls back. An entry that recorded no model (failed, or from an
 * older version) cannot be reverted: exit 1 saying why. The scope is the one the entry's apply had.
 */
import { runDataChecks } from '../db/data-checks.ts';
import { NotRevertible, revertBaseOf } from '../db/revert.ts';
import { openSqlClient, type SqlClient } from '../db/sql-client.ts';
import { readTargetJournalEntry } from '../db/target-journal.ts';
import type { RevertBase } from '../db/history.ts';
import { canonicalFor, ModelDoesNotLoad, type Canonical } from '../diff/canonical.ts';
import { applyWithoutStore } from '../live/apply.ts';
import { planLive } from '../live/plan.ts';
import { cliErrorOf, parseApplyArgs, reportApplied, timeoutsFor } from './apply.ts';
import { CliError, type CliCommand } from './command.ts';
import { stepsAsSql } from './diff.ts';

/** The model recorded before `entryId` in the database's journal, or a CliError saying why there is none. */
async function recordedBefore(client: SqlClient, entryId: string): Promise<RevertBase> {
  const entry = await readTargetJournalEntry(client, entryId);
  if (!entry) throw new CliError(`no entry "${entryId}" in the database's journal (_schemata.journal): history --db <url> lists them`);
  try {
    return revertBaseOf(entry);
  } catch (error) {
    throw error instanceof NotRevertible ? new CliError(error.message) : error;
  }
}

/** That model in PostgreSQL's spelling (embedded engine, or `--shadow-url`), for the entry's scope. */
async function canonicalBefore(client: SqlClient, before: RevertBase, shadowUrl: string | undefined): Promise<Canonical> {
  try {
    return await canonicalFor({ model: before.model, schemas: before.schemas, shadowUrl, target: client });
  } catch (error) {
    throw error instanceof ModelDoesNotLoad ? new CliError(error.message) : error;
  }
}

export const revertCommand: CliCommand = {
  usage: 'revert --db <url> <entry> [--apply | --dry-run] [--allow <hazard>,...] [--allow-all] [--shadow-url <url>] [--lock-timeout <ms>] [--statement-timeout <ms>]   plan (and with --apply run) the way back from a history entry',
  async run(args, io) {
    const applying = args.includes('--apply');
    const options = parseApplyArgs(args.filter((a) => a !== '--apply'), 'the entry to revert is required: revert --db <url> <entry> (history --db <url> lists them)');
    if (options.schemas.length) throw new CliError('--schema does not apply: a revert has the scope of the apply it reverts');
    const timeouts = timeoutsFor(options, io);
    const client = await openSqlClient(options.db, { createMissing: false });
    try {
      const before = await recordedBefore(client, options.file);
      const { model, respell } = await canonicalBefore(client, before, options.shadowUrl);
      const scope = { schemas: before.schemas, respell };
      if (!applying && !options.dryRun) {
        // With no studio store, live objects are matched by name to the recorded model itself.
        const planned = await planLive(client, model, model, scope);
        io.stdout(stepsAsSql(planned.steps, await runDataChecks(client, planned.steps)));
        io.stderr(`revert of ${options.file}: ${planned.steps.length} step(s) planned, nothing changed (run it with --apply)\n`);
        return 0;
      }
      const request = { model, acceptedHazards: options.allowed, dryRun: options.dryRun, ...timeouts, scope, revertOf: options.file };
      reportApplied(await applyWithoutStore(client, request).catch((error: unknown) => { throw cliErrorOf(error); }), options.dryRun, io);
      return 0;
    } finally {
      await client.close();
    }
  },
};
