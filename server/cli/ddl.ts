import { DEFAULT_DIALECT, DIALECTS, findDialect } from '../../shared/ddl/dialects.ts';
import { CliError, type CliCommand } from './command.ts';
import { parseOptions, readDocument } from './read-document.ts';

export const ddlCommand: CliCommand = {
  usage: `ddl [<document.json>|-] [--dialect ${DIALECTS.map((d) => d.id).join('|')}]  print the DDL script of a document (- or none: stdin)`,
  async run(args, io) {
    const { options, positional } = parseOptions(args, ['dialect']);
    if (positional.length > 1) throw new CliError(`unexpected argument "${positional[1]}"`);
    if (options.dialect?.toLowerCase() === 'dbml') throw new CliError('DBML is not an SQL dialect: use "export-dbml <document.json>"');
    const found = findDialect(options.dialect ?? DEFAULT_DIALECT);
    if ('error' in found) throw new CliError(found.error);
    const { sql, warnings } = found.generate((await readDocument(positional[0], io)).model);
    for (const warning of warnings) io.stderr(`warning: ${warning}\n`);
    io.stdout(sql.endsWith('\n') ? sql : `${sql}\n`);
    return 0;
  },
};
