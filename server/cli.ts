/**
 * The command-line interface: `npm run --silent cli -- <command> [args]`.
 * Results go to stdout (clean for pipes); errors are one line on stderr with exit code 1.
 */
import { readFile } from 'node:fs/promises';
import { applyCommand } from './cli/apply.ts';
import { CliError, type CliCommand, type CliIo } from './cli/command.ts';
import { ddlCommand } from './cli/ddl.ts';
import { exportDbmlCommand } from './cli/dbml.ts';
import { diffCommand } from './cli/diff.ts';
import { historyCommand } from './cli/history.ts';
import { importCommand } from './cli/import.ts';
import { introspectCommand } from './cli/introspect.ts';
import { newCommand } from './cli/new.ts';
import { revertCommand } from './cli/revert.ts';
import { templatesCommand } from './cli/templates.ts';
import { validateCommand } from './cli/validate.ts';

// One line per command; each lives in server/cli/<name>.ts.
const commands: CliCommand[] = [
  newCommand,
  templatesCommand,
  ddlCommand,
  exportDbmlCommand,
  validateCommand,
  introspectCommand,
  applyCommand,
  diffCommand,
  historyCommand,
  revertCommand,
  importCommand,
];

function usage(): string {
  return ['Usage: npm run --silent cli -- <command> [options]', '', ...commands.map((c) => `  ${c.usage}`)].join('\n');
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (!name) {
    // No command is a mistake: the usage goes to stderr, so stdout stays clean for a pipe.
    io.stderr(usage() + '\n');
    return 1;
  }
  if (name === 'help' || name === '--help') {
    io.stdout(usage() + '\n');
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`schemata: unknown command "${name}" (try "help")\n`);
    return 1;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`schemata ${name}: ${message.split('\n')[0]}\n`);
    return error instanceof CliError ? error.exitCode : 1;
  }
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (isMain) {
  const io: CliIo = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readFile: (path) => readFile(path, 'utf8'),
    // The one place the CLI reads the environment; commands take their defaults from `io.env`.
    env: process.env,
  };
  runCli(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
