/**
 * The command-line interface: `bin/schemata <command> [args]` (the launcher that starts this file), or
 * `npm run --silent cli -- <command> [args]`, which first rebuilds a stale dist/.
 * Results go to stdout (clean for pipes); errors are one line on stderr with exit code 1.
 */
import { readFile } from 'node:fs/promises';
import { CliError, type CliCommand, type CliIo } from './cli/command.ts';
import { tuneOneShotProcess } from './cli/one-shot.ts';
import { MOVED_EXTRA_CA_VARIABLE, trustExtraCaFile } from './db/extra-ca.ts';

/**
 * One line per command; each lives in server/cli/<name>.ts and is loaded only when it runs (or for
 * `help`), so a command pays only for its own modules: `templates` never loads the SQL parser's
 * WASM, PGlite, pg or @dbml/core.
 */
const commands: Record<string, () => Promise<CliCommand>> = {
  new: async () => (await import('./cli/new.ts')).newCommand,
  templates: async () => (await import('./cli/templates.ts')).templatesCommand,
  ddl: async () => (await import('./cli/ddl.ts')).ddlCommand,
  'export-dbml': async () => (await import('./cli/dbml.ts')).exportDbmlCommand,
  validate: async () => (await import('./cli/validate.ts')).validateCommand,
  introspect: async () => (await import('./cli/introspect.ts')).introspectCommand,
  apply: async () => (await import('./cli/apply.ts')).applyCommand,
  diff: async () => (await import('./cli/diff.ts')).diffCommand,
  history: async () => (await import('./cli/history.ts')).historyCommand,
  revert: async () => (await import('./cli/revert.ts')).revertCommand,
  import: async () => (await import('./cli/import.ts')).importCommand,
  docs: async () => (await import('./cli/docs.ts')).docsCommand,
};

async function usage(): Promise<string> {
  const loaded = await Promise.all(Object.values(commands).map((load) => load()));
  return ['Usage: bin/schemata <command> [options]   (or npm run --silent cli -- <command> [options])', '', ...loaded.map((c) => `  ${c.usage}`)].join('\n');
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (!name) {
    // No command is a mistake: the usage goes to stderr, so stdout stays clean for a pipe.
    io.stderr((await usage()) + '\n');
    return 1;
  }
  if (name === 'help' || name === '--help') {
    io.stdout((await usage()) + '\n');
    return 0;
  }
  const load = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!load) {
    io.stderr(`schemata: unknown command "${name}" (try "help")\n`);
    return 1;
  }
  try {
    const command = await load();
    return await command.run(args, io);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`schemata ${name}: ${message.split('\n')[0]}\n`);
    return error instanceof CliError ? error.exitCode : 1;
  }
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (isMain) {
  tuneOneShotProcess();
  // NODE_EXTRA_CA_CERTS, which the launcher (bin/schemata) keeps from Node's start-up.
  trustExtraCaFile(process.env[MOVED_EXTRA_CA_VARIABLE]);
  const io: CliIo = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readFile: (path) => readFile(path, 'utf8'),
    // The one place the CLI reads the environment; commands take their defaults from `io.env`.
    env: process.env,
  };
  runCli(process.argv.slice(2), io).then((code) => {
    // Every command has finished (its database closed) when runCli settles; what may remain is the
    // socket of a closed connection, which the server can take a good part of a second to shut. So
    // exit once the output is flushed rather than when the event loop empties.
    process.stderr.write('', () => process.stdout.write('', () => process.exit(code)));
  });
}
