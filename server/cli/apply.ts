/**
 * `apply --db <url> <document.json|-> [--allow <hazard>,...] [--allow-all] [--dry-run]
 * [--lock-timeout <ms>] [--statement-timeout <ms>]`: turns the database into the document's model.
 * Prints the SQL of the steps run on stdout; a summary on stderr. Exit 3 (nothing changed) when the
 * plan has hazards not allowed; exit 1 on any error, a failed step as one line with PostgreSQL's
 * detail and hint. Timeouts default to `SCHEMATA_LOCK_TIMEOUT_MS` / `SCHEMATA_STATEMENT_TIMEOUT_MS`.
 * `--schema <name>...` (repeatable) applies to those schemas only; without it, to the schemas the
 * document names (a document from `introspect --schema s2` changes s2 only). Schemas outside the
 * scope are never read, planned or touched; stderr names them (see `scope.ts`). `--shadow-url
 * <postgres://…>`: a scratch server where the document's SQL is loaded instead of the embedded engine.
 */
import type { ConfirmedRename } from '../../shared/diff/rename-candidates.ts';
import { HAZARD_KINDS, isHazardKind, type HazardKind } from '../../shared/diff/hazards.ts';
import { describeFailure, HazardsNotAccepted, StepFailed } from '../db/apply.ts';
import { applyWithoutStore, type ApplyResult } from '../live/apply.ts';
import { parseTimeoutMs, TIMEOUT_MAX, timeoutDefaults, type ApplyTimeouts } from '../db/timeouts.ts';
import { CliError, type CliCommand, type CliIo } from './command.ts';
import { parseRequiredDb, withDatabase } from './db-option.ts';
import { readDocument } from './read-document.ts';
import { modelInScope, takeShadowUrl } from './scope.ts';

interface ApplyArgs {
  db: string;
  shadowUrl?: string;
  file: string;
  schemas: string[];
  allowed: HazardKind[];
  dryRun: boolean;
  timeouts: Partial<ApplyTimeouts>;
  /** `--rename <schema.table>=<model table id>`: live tables confirmed as model tables renamed (`diff --db` lists candidates). */
  renames: ConfirmedRename[];
}

const TIMEOUT_FLAGS: Record<string, keyof ApplyTimeouts> = { '--lock-timeout': 'lockTimeoutMs', '--statement-timeout': 'statementTimeoutMs' };

function allowedKinds(value: string | undefined): HazardKind[] {
  if (!value) throw new CliError('--allow needs a list of hazards');
  return value.split(',').map((s) => s.trim()).filter(Boolean).map((kind) => {
    if (!isHazardKind(kind)) throw new CliError(`unknown hazard "${kind}" (known: ${HAZARD_KINDS.join(', ')})`);
    return kind;
  });
}

function renameOf(value: string | undefined): ConfirmedRename {
  const [from, toId] = value?.split(/=(.*)/s, 2) ?? [];
  if (!from || !toId) throw new CliError('--rename needs <schema.table>=<model table id>, e.g. --rename public.items=table_k3x9q0ab12');
  return { from, toId };
}

function timeoutOf(flag: string, value: string | undefined): number {
  if (value === undefined || value === '') throw new CliError(`${flag} needs a value in milliseconds`);
  try {
    return parseTimeoutMs(value, flag, TIMEOUT_MAX[TIMEOUT_FLAGS[flag]]);
  } catch (error) {
    throw new CliError((error as Error).message);
  }
}

/** `missing`: what to say when the positional argument (the document; for `revert`, the entry) is absent. */
export function parseApplyArgs(args: string[], missing = 'the document to apply is required: apply --db <url> <document.json> (- reads standard input)'): ApplyArgs {
  const parsed = parseRequiredDb(args);
  const { shadowUrl, rest } = takeShadowUrl(parsed.rest);
  const out: Omit<ApplyArgs, 'file'> & { file?: string } = { db: parsed.db, shadowUrl, schemas: parsed.schemas, allowed: [], dryRun: false, timeouts: {}, renames: [] };
  for (let i = 0; i < rest.length; i++) {
    const [flag, inline] = rest[i].startsWith('--') && rest[i].includes('=') ? rest[i].split(/=(.*)/s, 2) : [rest[i], undefined];
    const value = () => inline ?? rest[++i];
    if (flag === '--dry-run') out.dryRun = true;
    else if (flag === '--allow-all') out.allowed.push(...HAZARD_KINDS);
    else if (flag === '--allow') out.allowed.push(...allowedKinds(value()));
    else if (flag === '--rename') out.renames.push(renameOf(value()));
    else if (flag in TIMEOUT_FLAGS) out.timeouts[TIMEOUT_FLAGS[flag]] = timeoutOf(flag, value());
    else if (flag.startsWith('--')) throw new CliError(`unknown option "${flag}"`);
    else if (out.file === undefined) out.file = flag;
    else throw new CliError(`unexpected argument "${flag}"`);
  }
  if (!out.file) throw new CliError(missing);
  return { ...out, file: out.file, allowed: [...new Set(out.allowed)] };
}

/** Flags first, then the environment, then the built-in defaults. */
export function timeoutsFor(options: ApplyArgs, io: CliIo): ApplyTimeouts {
  let defaults: ApplyTimeouts;
  try {
    defaults = timeoutDefaults(io.env ?? {});
  } catch (error) {
    throw new CliError((error as Error).message);
  }
  return { ...defaults, ...options.timeouts };
}

/** The library's errors as the CLI's one line and exit code. */
export function cliErrorOf(error: unknown): unknown {
  if (error instanceof HazardsNotAccepted) return new CliError(`${error.message} (allow them with --allow ${error.hazards.join(',')} or --allow-all)`, 3);
  if (error instanceof StepFailed) return new CliError(`${describeFailure(error.failure)}; everything was rolled back`);
  return error;
}

/** The steps run on stdout, the summary on stderr (`apply` and `revert`). */
export function reportApplied(result: ApplyResult, dryRun: boolean, io: CliIo): void {
  for (const step of result.steps) io.stdout(`${step.sql}\n`);
  const what = dryRun ? 'dry run: executed and rolled back' : 'applied';
  const verified = result.verified === undefined ? '' : result.verified ? '; the database now equals the model' : `; ${result.remainingSteps} step(s) still differ`;
  io.stderr(`${what} ${result.steps.length} step(s) in ${Math.round(result.durationMs)} ms${verified}\n`);
  // Exit 0 all the same: the database did change, and exit 1 promises it did not.
  if (result.afterCommitError) io.stderr(`warning: the migration was committed, but ${result.afterCommitError}\n`);
}

/**
 * Through the studio's own path (`live/apply.ts`), on the scope's schemas: planned under the apply
 * lock from the one read of the database there (no plan was reviewed, so there is no hash to compare).
 */
export const applyCommand: CliCommand = {
  usage: 'apply --db <url> <document.json|-> [--schema <name>]... [--shadow-url <url>] [--allow <hazard>,...] [--allow-all] [--rename <schema.table>=<id>]... [--dry-run] [--lock-timeout <ms>] [--statement-timeout <ms>]   migrate the database to the document',
  async run(args, io) {
    const options = parseApplyArgs(args);
    const timeouts = timeoutsFor(options, io);
    const written = (await readDocument(options.file, io)).model;
    return withDatabase(options.db, async (client) => {
      const { scope, model, respell } = await modelInScope({ command: 'apply', client, shadowUrl: options.shadowUrl, written, requested: options.schemas, io });
      const request = { model, acceptedHazards: options.allowed, dryRun: options.dryRun, ...timeouts, scope: { schemas: scope.schemas, respell, renames: options.renames } };
      const result = await applyWithoutStore(client, request).catch((error: unknown) => { throw cliErrorOf(error); });
      reportApplied(result, options.dryRun, io);
      return 0;
    });
  },
};
