/**
 * Reading a document named on the command line (`-` or no name: standard input), with one-line
 * errors: a missing file, invalid JSON (with line and column), or an invalid document.
 */
import type { ModelDocument } from '../../shared/model/document.ts';
import { parseDocument, type DocumentProblem } from '../../shared/model/upgrade.ts';
import { CliError, type CliIo } from './command.ts';

const STDIN = '/dev/stdin';

/** `position N` of a JSON.parse message as `line L column C` of `text`. */
function whereInText(text: string, message: string): string {
  const match = /at position (\d+)/.exec(message);
  if (!match) return /end of JSON/i.test(message) ? 'it ends too early' : message;
  const offset = Number(match[1]);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  const reason = message.replace(/ in JSON at position \d+.*$/, '');
  return `${reason} at line ${line} column ${column}`;
}

export async function readJson(path: string | undefined, io: CliIo): Promise<unknown> {
  const source = !path || path === '-' ? STDIN : path;
  const label = source === STDIN ? 'standard input' : path;
  if (source === STDIN && process.stdin.isTTY) throw new CliError('no document: give a file name, or pipe a document in');
  let text: string;
  try {
    text = await io.readFile(source);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT') throw new CliError(`cannot read ${label}: no such file`);
    if (code === 'EISDIR') throw new CliError(`cannot read ${label}: it is a directory`);
    throw new CliError(`cannot read ${label}: ${(error as Error).message}`);
  }
  if (!text.trim()) throw new CliError(`${label} is empty: expected a Schemata document (JSON)`);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError(`${label} is not valid JSON: ${whereInText(text, (error as Error).message)}`);
  }
}

export function formatProblems(problems: DocumentProblem[]): string {
  return problems.map((p) => `  ${p.path}: ${p.message}\n`).join('');
}

/** Reads and validates; an invalid document is one line naming the first problem and the count. */
export async function readDocument(path: string | undefined, io: CliIo): Promise<ModelDocument> {
  const result = parseDocument(await readJson(path, io));
  if (result.ok) return result.document;
  const [first] = result.problems;
  const more = result.problems.length > 1 ? ` (and ${result.problems.length - 1} more; run "validate" to list them)` : '';
  throw new CliError(`invalid document: ${first.path}: ${first.message}${more}`);
}

/** Splits `--name value` options from positional arguments; unknown options are errors. */
export function parseOptions(args: string[], known: string[]): { options: Record<string, string>; positional: string[] } {
  const options: Record<string, string> = {};
  const positional: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (!known.includes(name)) throw new CliError(`unknown option --${name}`);
    const value = inline ?? args[++i];
    if (value === undefined || value === '') throw new CliError(`--${name} needs a value`);
    options[name] = value;
  }
  return { options, positional };
}
