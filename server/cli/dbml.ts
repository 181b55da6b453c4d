/**
 * `export-dbml [<document.json>|-]`: the document as DBML (dbdiagram.io's language) on stdout, one
 * `warning:` line on stderr per thing DBML cannot hold. The way back is `import <file.dbml>`.
 */
import { exportDbmlWithWarnings } from '../../shared/io/dbml/export.ts';
import { CliError, type CliCommand } from './command.ts';
import { parseOptions, readDocument } from './read-document.ts';

export const exportDbmlCommand: CliCommand = {
  usage: 'export-dbml [<document.json>|-]  print the document as DBML (- or none: stdin); what DBML cannot hold is warned on stderr',
  async run(args, io) {
    const { positional } = parseOptions(args, []);
    if (positional.length > 1) throw new CliError(`unexpected argument "${positional[1]}"`);
    const { dbml, warnings } = exportDbmlWithWarnings(await readDocument(positional[0], io));
    for (const warning of warnings) io.stderr(`warning: ${warning}\n`);
    io.stdout(dbml.endsWith('\n') ? dbml : `${dbml}\n`);
    return 0;
  },
};
