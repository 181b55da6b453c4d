import { describe, expect, it } from 'vitest';
import { isCopyFromStdin, stripPsqlLines } from './psql-commands.ts';

/** The 172-byte import that hung the server: a blank run before a statement holding a backslash. */
const HANG_INPUT = `CREATE TABLE a (id int);${'\n'.repeat(45)}CREATE TABLE b (n text DEFAULT E'x\\n');`;

describe('isCopyFromStdin', () => {
  it.each([
    ['plain', 'COPY t (a) FROM stdin', true],
    ['lower case, after blanks', '\n\n  copy t from STDIN', true],
    ['after line and block comments', '--\n-- Data for Name: t\n--\n/* x */\nCOPY public.t (a) FROM stdin', true],
    ['from a file', 'COPY t FROM \'/tmp/x\'', false],
    ['a table named copy_log', 'INSERT INTO copy_log SELECT 1 FROM stdin_view', false],
    ['an unterminated comment', '/* COPY t FROM stdin', false],
    ['only blanks', ' \n\t ', false],
    ['COPY … TO stdout', 'COPY t TO stdout', false],
  ])('%s', (_title, statement, expected) => {
    expect(isCopyFromStdin(statement)).toBe(expected);
  });
});

describe('linear time on hostile input', () => {
  // Each input took exponential time with the old nested-quantifier pattern (45 blank lines were
  // enough to hang); linear, each takes milliseconds. The bound is loose for a loaded machine.
  it.each([
    ['the 172-byte attack', HANG_INPUT],
    ['200 000 blank lines before a statement with a backslash', `SELECT 1;${'\n'.repeat(200_000)}SELECT E'\\n';`],
    ['200 000 mixed blanks', `SELECT 1;${' \t\r\n'.repeat(50_000)}x\\`],
    ['ten thousand comments', `SELECT 1;${'/* c */ '.repeat(10_000)}SELECT E'\\n';`],
    ['a long line comment run', `SELECT 1;${'--\n'.repeat(50_000)}x\\`],
  ])('%s finishes in well under a second', (_title, input) => {
    const started = Date.now();
    const { text } = stripPsqlLines(input);
    expect(text.length).toBe(input.length);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
