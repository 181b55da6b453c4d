/**
 * `diff … --out <dir> --layout flyway|migrate|plain|dbmate [--name <name>]`: writes a plan (and its
 * reverse) as migration files into a directory. The version of numbered layouts continues after
 * the highest one already in the directory; existing files are never overwritten.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Plan } from '../../shared/diff/types.ts';
import { MIGRATION_LAYOUTS, migrationFiles, type MigrationLayout } from '../../shared/io/migration-files.ts';
import { CliError } from './command.ts';

export interface WriteMigrationParams {
  plan: Plan;
  reverse?: Plan;
  dir: string;
  /** `--layout`; checked here so callers can pass the raw option. */
  layout: string;
  name?: string;
  at?: Date;
}

/** The `--layout` value as a layout, or a one-line error. */
export function parseLayout(value: string): MigrationLayout {
  if ((MIGRATION_LAYOUTS as readonly string[]).includes(value)) return value as MigrationLayout;
  throw new CliError(`unknown layout "${value}" (known: ${MIGRATION_LAYOUTS.join(', ')})`);
}

export interface MigrationOutOptions {
  dir: string;
  layout: string;
  name?: string;
}

/**
 * Takes `--out <dir>`, `--layout <layout>` and `--name <name>` out of a command's arguments.
 * Ex: `takeMigrationOptions(['a.json', '--out', 'db/migrations'])` → `{ rest: ['a.json'], out: { dir: 'db/migrations', layout: 'plain' } }`.
 */
export function takeMigrationOptions(args: string[]): { rest: string[]; out?: MigrationOutOptions } {
  const values: Record<string, string> = {};
  const rest: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const [flag, inline] = args[i].includes('=') ? [args[i].slice(0, args[i].indexOf('=')), args[i].slice(args[i].indexOf('=') + 1)] : [args[i], undefined];
    if (!['--out', '--layout', '--name'].includes(flag)) { rest.push(args[i]); continue; }
    const value = inline ?? args[++i];
    if (!value) throw new CliError(`${flag} needs a value`);
    values[flag.slice(2)] = value;
  }
  if (!values.out) {
    if (values.layout || values.name) throw new CliError('--layout and --name go with --out <dir>');
    return { rest };
  }
  return { rest, out: { dir: values.out, layout: parseLayout(values.layout ?? 'plain'), ...(values.name ? { name: values.name } : {}) } };
}

/** One more than the highest `V<n>__` (flyway) or `<nnnn>_` (plain) version in `files`. */
export function nextVersion(files: string[], layout: MigrationLayout): number {
  const pattern = layout === 'flyway' ? /^[VU](\d+)__/ : /^(\d{1,6})_/;
  const versions = files.map((f) => f.match(pattern)?.[1]).filter((v): v is string => v !== undefined).map(Number);
  return versions.length ? Math.max(...versions) + 1 : 1;
}

/** Writes the files; returns their paths (empty when the plan is empty). */
export async function writeMigrationFiles(params: WriteMigrationParams): Promise<string[]> {
  const layout = parseLayout(params.layout);
  await mkdir(params.dir, { recursive: true });
  const existing = await readdir(params.dir);
  const files = migrationFiles({
    plan: params.plan, reverse: params.reverse, layout, name: params.name ?? 'migration',
    version: nextVersion(existing, layout), at: params.at,
  });
  const clash = files.find((f) => existing.includes(f.path));
  if (clash) throw new CliError(`${join(params.dir, clash.path)} already exists`);
  for (const file of files) await writeFile(join(params.dir, file.path), file.content, { flag: 'wx' });
  return files.map((f) => join(params.dir, f.path));
}
