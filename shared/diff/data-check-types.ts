/**
 * The shapes of the data checks (`data-checks.ts` makes them, `server/db/data-checks.ts` runs them),
 * apart from the planner so the plan's own types (`types.ts`) can name them without importing it.
 */
import type { ColumnType } from '../model/document.ts';

/** A table as the live database names it, with its primary key columns (samples name rows by them). */
export interface LiveTable {
  schema: string;
  name: string;
  /** Primary key column names; empty: rows are named by `ctid`. */
  key: string[];
}

/** A live column exposed under the name an expression uses (its new name, or `value` in a domain check). */
export interface ColumnAlias {
  live: string;
  as: string;
}

export type DataCheck =
  /** Rows holding NULL (SET NOT NULL, a new primary key, a domain becoming NOT NULL). */
  | { kind: 'not-null'; table: LiveTable; column: string }
  /** Groups of rows sharing a value (a new UNIQUE, PRIMARY KEY or unique index). */
  | { kind: 'unique'; table: LiveTable; columns: string[]; nullsNotDistinct?: boolean }
  /** Rows for which `expression` (validated model SQL, written with `columns`' `as` names) is false. */
  | { kind: 'check'; table: LiveTable; expression: string; columns: ColumnAlias[] }
  /** Rows whose key is not found in `refTable` (MATCH SIMPLE: a NULL in the key passes). */
  | { kind: 'foreign-key'; table: LiveTable; columns: string[]; refTable: { schema: string; name: string }; refColumns: string[] }
  /** Values that do not convert to `toType` (out of range, not parsable, too long). */
  | { kind: 'cast'; table: LiveTable; column: string; fromType: ColumnType; toType: ColumnType }
  /** Rows holding enum labels the new type no longer has. */
  | { kind: 'enum-values'; table: LiveTable; column: string; values: string[]; array: boolean }
  /**
   * Rows of the table, or those whose `column` holds a value: what a drop `deletes`, or what `fails`
   * (a NOT NULL column without a default added to a table that has rows).
   */
  | { kind: 'row-count'; table: LiveTable; column?: string; effect: 'deletes' | 'fails' }
  /** The planner cannot say what to look at; `reason` is shown instead of a result. */
  | { kind: 'unavailable'; reason: string };

export type DataCheckKind = DataCheck['kind'];

/**
 * The outcome of one check. `fails`: `count` failing rows (duplicate groups for `unique`, rows
 * deleted for `row-count`) with up to 5 sample keys; `sampled`: the table holds about
 * `estimatedRows`, so only `sampledRows` of them were read (`count` is within the sample);
 * `skipped`: not run or not finished, `reason` says why.
 */
export type DataCheckResult =
  | { status: 'ok' }
  | { status: 'fails'; count: number; samples: string[] }
  | { status: 'sampled'; count: number; samples: string[]; sampledRows: number; estimatedRows: number }
  | { status: 'skipped'; reason: string };

/** One check of the plan's step `step` (its index in `steps`) and what it found. */
export interface StepDataCheck {
  step: number;
  check: DataCheck;
  result: DataCheckResult;
}
