/**
 * `docs <document.json>|- --out <dir> [--format html|markdown|both]`: the document's data dictionary
 * as files a CI job can publish: `index.html` (one self-contained page: diagrams, search, works
 * offline) and `README.md` (GitHub Markdown). Existing files of those names are replaced, so a
 * pipeline regenerates them in place; the paths written are printed, one a line.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { docsHtml } from '../../shared/io/docs/html.ts';
import { docsMarkdown } from '../../shared/io/docs/markdown.ts';
import { CliError, type CliCommand } from './command.ts';
import { parseOptions, readDocument } from './read-document.ts';

const FORMATS = ['html', 'markdown', 'both'] as const;
type Format = (typeof FORMATS)[number];

export const DOCS_FILES = { html: 'index.html', markdown: 'README.md' } as const;

export const docsCommand: CliCommand = {
  usage: 'docs [<document.json>|-] --out <dir> [--format html|markdown|both]   write the data dictionary (index.html, README.md)',
  async run(args, io) {
    const { options, positional } = parseOptions(args, ['out', 'format']);
    if (positional.length > 1) throw new CliError(`unexpected argument "${positional[1]}"`);
    if (!options.out) throw new CliError('--out <dir> is required (the folder for index.html and README.md)');
    const format = (options.format ?? 'both').toLowerCase() as Format;
    if (!FORMATS.includes(format)) throw new CliError(`unknown format "${options.format}" (known: ${FORMATS.join(', ')})`);
    const doc = await readDocument(positional[0], io);
    // An unnamed document is titled after its file (`shop.json` → shop).
    if (!doc.name && positional[0] && positional[0] !== '-') doc.name = basename(positional[0]).replace(/\.json$/i, '');
    const files: [name: string, content: string][] = [];
    if (format !== 'markdown') files.push([DOCS_FILES.html, docsHtml(doc, { generatedAt: new Date().toISOString().replace(/:\d\d\.\d+Z$/, ' UTC').replace('T', ' ') })]);
    if (format !== 'html') files.push([DOCS_FILES.markdown, docsMarkdown(doc)]);
    await mkdir(options.out, { recursive: true });
    for (const [name, content] of files) {
      const path = join(options.out, name);
      await writeFile(path, content);
      io.stdout(`${path}\n`);
    }
    return 0;
  },
};
