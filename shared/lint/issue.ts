/** The shape of a design-lint finding, shared by the rules and the lint panel. */

export type LintSeverity = 'error' | 'warning' | 'info';

export interface LintIssue {
  /** Stable rule code, e.g. `no-primary-key`. */
  code: string;
  severity: LintSeverity;
  message: string;
  /** The object to jump to: a table, column, constraint, index, enum or domain id. */
  objectId: string;
  /** The table that holds the object (absent for enums, domains and schemas). */
  tableId?: string;
}

export const SEVERITY_ORDER: LintSeverity[] = ['error', 'warning', 'info'];
