/** One CLI command. `run` returns the exit code; stdout carries only the result, stderr the rest. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Reads a file given on the command line (relative to the caller's directory). */
  readFile: (path: string) => Promise<string>;
  /** The environment (defaults such as `SCHEMATA_LOCK_TIMEOUT_MS`), given by the CLI's entry (`cli.ts`); absent: none set. */
  env?: Record<string, string | undefined>;
}

/** A command's module; its name is where `server/cli.ts` lists it (the one place that loads it). */
export interface CliCommand {
  /** One line: arguments and what it does, shown by `cli help`. */
  usage: string;
  run: (args: string[], io: CliIo) => Promise<number>;
}

/** An error whose message is the one line the user sees; `exitCode` defaults to 1. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
  }
}
