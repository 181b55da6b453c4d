import { templateCatalog as templates } from '../../shared/model/templates/catalog.ts';
import { CliError, type CliCommand } from './command.ts';

export const templatesCommand: CliCommand = {
  usage: 'templates                        list the templates (name and title)',
  async run(args, io) {
    if (args.length) throw new CliError(`unexpected argument "${args[0]}"`);
    const width = Math.max(...templates.map((t) => t.name.length));
    io.stdout(templates.map((t) => `${t.name.padEnd(width)}  ${t.title}\n`).join(''));
    return 0;
  },
};
