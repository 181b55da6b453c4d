/**
 * `history --db <url> [--json]`: the journal the database carries itself (`_schemata.journal`, written
 * by every apply that reached it, from the studio or the CLI), newest first: id, time, status, steps,
 * the entry it reverted, and whether it can be reverted (`revert --db <url> <id>`). `--json` prints
 * the entries as JSON. A database never applied to has an empty history.
 */
import { readTargetJournal, type TargetJournalEntry } from '../db/target-journal.ts';
import { CliError, type CliCommand } from './command.ts';
import { parseRequiredDb, withDatabase } from './db-option.ts';

const HEADERS = ['ID', 'APPLIED AT (UTC)', 'STATUS', 'STEPS', 'REVERT OF', 'REVERTIBLE'];

/** One row per entry, columns padded to their widest cell. */
export function historyTable(entries: TargetJournalEntry[]): string {
  const rows = entries.map((e) => [e.id, e.appliedAt, e.status, String(e.stepCount ?? '?'), e.revertOf ?? '-', e.revertible ? 'yes' : 'no']);
  const widths = HEADERS.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  return [HEADERS, ...rows].map((cells) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd()).join('\n') + '\n';
}

export const historyCommand: CliCommand = {
  usage: 'history --db <url> [--json]   the applies the database journaled itself (_schemata.journal), newest first, and which can be reverted',
  async run(args, io) {
    const parsed = parseRequiredDb(args);
    if (parsed.schemas.length) throw new CliError('--schema does not apply: the history is the whole database\'s');
    const json = parsed.rest.includes('--json');
    const extra = parsed.rest.find((a) => a !== '--json');
    if (extra) throw new CliError(extra.startsWith('--') ? `unknown option "${extra}"` : `unexpected argument "${extra}"`);
    const entries = await withDatabase(parsed.db, readTargetJournal);
    if (json) io.stdout(JSON.stringify(entries, null, 2) + '\n');
    else if (entries.length) io.stdout(historyTable(entries));
    else io.stderr('schemata history: nothing was applied to this database yet (no _schemata.journal)\n');
    return 0;
  },
};
