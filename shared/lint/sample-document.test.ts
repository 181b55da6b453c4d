import { describe, expect, it } from 'vitest';
import { lintModel, LINT_RULES } from './lint.ts';
import { buildLintSample } from './sample-document.ts';
import { parseDocument } from '../model/upgrade.ts';

/**
 * Rules whose mistake a valid document cannot hold (a name over 63 bytes is refused when read, as
 * PostgreSQL would truncate it; so is a SQL field that is not exactly what it allows).
 */
const NOT_IN_A_VALID_DOCUMENT = ['empty-name', 'fk-missing-table', 'name-too-long', 'sql-field'];

describe('the lint sample', () => {
  it('is a valid document', () => {
    const parsed = parseDocument(JSON.parse(JSON.stringify(buildLintSample())));
    expect(parsed.ok ? [] : parsed.problems).toEqual([]);
  });

  it('trips every rule a valid document can trip', () => {
    const found = new Set(lintModel(buildLintSample().model).map((i) => i.code));
    const expected = Object.keys(LINT_RULES).filter((code) => !NOT_IN_A_VALID_DOCUMENT.includes(code));
    expect(expected.filter((code) => !found.has(code))).toEqual([]);
  });
});
