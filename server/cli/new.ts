import { templates } from '../../shared/model/templates/index.ts';
import { CliError, type CliCommand } from './command.ts';
import { parseOptions } from './read-document.ts';

export function findTemplate(name: string) {
  const template = templates.find((t) => t.name === name);
  if (!template) throw new CliError(`unknown template "${name}" (available: ${templates.map((t) => t.name).join(', ')})`);
  return template;
}

export const newCommand: CliCommand = {
  usage: 'new --template <name>            print a new document (JSON) built from a template',
  async run(args, io) {
    const { options, positional } = parseOptions(args, ['template']);
    if (positional.length) throw new CliError(`unexpected argument "${positional[0]}"`);
    if (!options.template) throw new CliError('which template? use --template <name> (see "templates")');
    io.stdout(`${JSON.stringify(findTemplate(options.template).build(), null, 2)}\n`);
    return 0;
  },
};
