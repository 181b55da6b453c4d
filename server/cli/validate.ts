import { parseDocument } from '../../shared/model/upgrade.ts';
import { CliError, type CliCommand } from './command.ts';
import { formatProblems, readJson } from './read-document.ts';

export const validateCommand: CliCommand = {
  usage: 'validate [<document.json>|-]     exit 0 when valid, else 1 with each problem and its JSON path',
  async run(args, io) {
    if (args.length > 1) throw new CliError(`unexpected argument "${args[1]}"`);
    const result = parseDocument(await readJson(args[0], io));
    if (result.ok) {
      io.stderr('valid\n');
      return 0;
    }
    const count = result.problems.length;
    io.stderr(`invalid document: ${count} problem${count === 1 ? '' : 's'}\n${formatProblems(result.problems)}`);
    return 1;
  },
};
