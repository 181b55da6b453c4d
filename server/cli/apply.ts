/**
 * `apply --db <url> <document.json> [--allow <hazard>,...] [--allow-all] [--dry-run]`: turns the
 * database into the document's model. Prints the SQL of the steps run on stdout; a summary on
 * stderr. Exit 3 (nothing changed) when the plan has hazards not allowed; exit 1 on any error.
 */
import { HAZARD_KINDS, type HazardKind } from '../../shared/diff/types.ts';
import { parseDocument } from '../../shared/model/upgrade.ts';
import { HazardsNotAccepted } from '../db/apply.ts';
import { applyLive, planLive } from '../db/migrate.ts';
import { openSqlClient } from '../db/sql-client.ts';
import { canonicalModel } from '../diff/canonical.ts';
import { CliError, type CliCommand, type CliIo } from './command.ts';
import { parseDbArgs } from './introspect.ts';

interface ApplyArgs {
  db: string;
  file: string;
  allowed: HazardKind[];
  dryRun: boolean;
}

function parseApplyArgs(args: string[]): ApplyArgs {
  const parsed = parseDbArgs(args);
  if (!parsed.db) throw new CliError('--db <url> is required (postgres://… or pglite:<directory>)');
  if (parsed.schemas.length) throw new CliError('--schema is not an option of apply');
  const allowed = new Set<HazardKind>();
  let dryRun = false;
  let file: string | undefined;
  const rest = parsed.rest;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--dry-run') dryRun = true;
    else if (arg === '--allow-all') HAZARD_KINDS.forEach((k) => allowed.add(k));
    else if (arg === '--allow' || arg.startsWith('--allow=')) {
      const value = arg === '--allow' ? rest[++i] : arg.slice('--allow='.length);
      if (!value) throw new CliError('--allow needs a list of hazards');
      for (const kind of value.split(',').map((s) => s.trim()).filter(Boolean)) {
        if (!(HAZARD_KINDS as readonly string[]).includes(kind)) throw new CliError(`unknown hazard "${kind}" (known: ${HAZARD_KINDS.join(', ')})`);
        allowed.add(kind as HazardKind);
      }
    } else if (arg.startsWith('--')) throw new CliError(`unknown option "${arg}"`);
    else if (file === undefined) file = arg;
    else throw new CliError(`unexpected argument "${arg}"`);
  }
  if (!file) throw new CliError('the document to apply is required: apply --db <url> <document.json>');
  return { db: parsed.db, file, allowed: [...allowed], dryRun };
}

async function readModel(io: CliIo, file: string) {
  let json: unknown;
  try {
    json = JSON.parse(await io.readFile(file));
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${(error as Error).message.split('\n')[0]}`);
  }
  const parsed = parseDocument(json);
  if (!parsed.ok) throw new CliError(`${file} is not a valid document: ${parsed.problems[0].path}: ${parsed.problems[0].message}`);
  return parsed.document.model;
}

export const applyCommand: CliCommand = {
  name: 'apply',
  usage: 'apply --db <url> <document.json> [--allow <hazard>,...] [--allow-all] [--dry-run]   migrate the database to the document',
  async run(args, io) {
    const options = parseApplyArgs(args);
    const written = await readModel(io, options.file);
    const client = await openSqlClient(options.db);
    try {
      // The model in PostgreSQL's own spelling, so the plan and its verification are exact.
      const model = await canonicalModel({ url: options.db, model: written });
      // Without a studio store there is no baseline: live objects are matched to the document by name.
      const planned = await planLive(client, model, model);
      const target = {
        id: client.displayUrl, client, baseline: model, setBaseline: async () => undefined, record: async () => undefined,
      };
      const result = await applyLive(target, { model, hash: planned.hash, acceptedHazards: options.allowed, dryRun: options.dryRun })
        .catch((error: unknown) => {
          if (error instanceof HazardsNotAccepted) throw new CliError(`${error.message} (allow them with --allow ${error.hazards.join(',')} or --allow-all)`, 3);
          throw error;
        });
      for (const step of result.steps) io.stdout(`${step.sql}\n`);
      const what = options.dryRun ? 'dry run: executed and rolled back' : 'applied';
      const verified = result.verified === undefined ? '' : result.verified ? '; the database now equals the model' : `; ${result.remainingSteps} step(s) still differ`;
      io.stderr(`${what} ${result.steps.length} step(s) in ${Math.round(result.durationMs)} ms${verified}\n`);
      return 0;
    } finally {
      await client.close();
    }
  },
};

