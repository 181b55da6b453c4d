/**
 * The typed data of a migration (ARCHITECTURE.md §1 rule 6): a diff is a list of `Change`s (a
 * discriminated union, matched by id), a plan is ordered `Step`s, each carrying its SQL, the phase it
 * belongs to and the hazards attached when the step was made. Nothing here is ever parsed back out
 * of SQL text.
 */
import type {
  Check, Column, Domain, Enum, Extension, ForeignKey, Index, PrimaryKey, RawObject, Schema, Sequence,
  Table, Unique, View,
} from '../model/document.ts';
import type { DataCheck } from './data-check-types.ts';
import type { Hazard } from './hazards.ts';

// The hazard kinds live with their helpers (order, severity, acceptance) in `hazards.ts`; a step's
// hazards are part of the plan's data, so the types are also reachable from here.
export { HAZARD_KINDS, type Hazard, type HazardKind } from './hazards.ts';

/**
 * Phases, in execution order. `pre` drops what stands in the way (dependent views, foreign keys,
 * constraints and indexes that change) and still uses the OLD names; every later phase uses the
 * NEW names (renames happen at the start of their own phase). Foreign keys come after the indexes
 * (the key they reference may be a unique index, not a constraint), in a phase of their own so a
 * plan says what its steps do. `post` drops what nothing uses any
 * more (old types, sequences, schemas) and attaches sequence ownership.
 */
export const PHASES = [
  'pre', 'schemas', 'extensions', 'types', 'sequences', 'tables', 'columns', 'constraints', 'indexes',
  'foreign-keys', 'views', 'post',
] as const;
export type Phase = (typeof PHASES)[number];

/** One step of a plan: complete SQL statement(s), each ending with `;`. */
export interface Step {
  sql: string;
  hazards: Hazard[];
  phase: Phase;
  /** What to look at in a live database before running it (steps that may fail on rows or delete them). */
  checks?: DataCheck[];
}

/** An ordered migration. Empty `steps` means the two sides are equal. */
export interface Plan {
  steps: Step[];
}

/** A table constraint, tagged by what it is. Names are compared by their effective name. */
export type TableConstraint =
  | { type: 'primary-key'; value: PrimaryKey }
  | { type: 'unique'; value: Unique }
  | { type: 'check'; value: Check }
  | { type: 'foreign-key'; value: ForeignKey };

/** What an index belongs to: a table, or a materialized view. */
export type IndexOwner = { type: 'table'; table: Table } | { type: 'view'; view: View };

/** An enum value added in place: `ALTER TYPE … ADD VALUE 'v' BEFORE 'b'` / `AFTER 'a'`. */
export interface EnumValueAddition {
  value: string;
  before?: string;
  after?: string;
}

/**
 * One difference between two models. `from`/`to` carry both sides where both exist; column,
 * constraint and index changes carry their table (the `to` side, or the `from` side for drops).
 */
export type Change =
  | { kind: 'schema.create'; schema: Schema }
  | { kind: 'schema.drop'; schema: Schema }
  | { kind: 'schema.rename'; from: Schema; to: Schema }
  | { kind: 'schema.comment'; from: Schema; to: Schema }
  | { kind: 'extension.create'; extension: Extension }
  | { kind: 'extension.drop'; extension: Extension }
  | { kind: 'extension.alter'; from: Extension; to: Extension }
  | { kind: 'enum.create'; enum: Enum }
  | { kind: 'enum.drop'; enum: Enum }
  /** Name and/or schema changed (same id). */
  | { kind: 'enum.rename'; from: Enum; to: Enum }
  | { kind: 'enum.add-values'; from: Enum; to: Enum; added: EnumValueAddition[] }
  /** Values removed or reordered: rename the old type, create the new, convert columns, drop old. */
  | { kind: 'enum.recreate'; from: Enum; to: Enum }
  | { kind: 'enum.comment'; from: Enum; to: Enum }
  | { kind: 'domain.create'; domain: Domain }
  | { kind: 'domain.drop'; domain: Domain }
  | { kind: 'domain.rename'; from: Domain; to: Domain }
  /** Default, NOT NULL, checks or comment changed (base type changes recreate the domain). */
  | { kind: 'domain.alter'; from: Domain; to: Domain }
  | { kind: 'domain.recreate'; from: Domain; to: Domain }
  | { kind: 'sequence.create'; sequence: Sequence }
  | { kind: 'sequence.drop'; sequence: Sequence }
  | { kind: 'sequence.rename'; from: Sequence; to: Sequence }
  | { kind: 'sequence.alter'; from: Sequence; to: Sequence }
  | { kind: 'table.create'; table: Table }
  | { kind: 'table.drop'; table: Table }
  /** Name and/or schema changed (same id). */
  | { kind: 'table.rename'; from: Table; to: Table }
  /** Comment, UNLOGGED, storage parameters, inheritance. */
  | { kind: 'table.alter'; from: Table; to: Table }
  /** Partitioning or partition bound changed: PostgreSQL cannot alter these in place. */
  | { kind: 'table.recreate'; from: Table; to: Table }
  | { kind: 'column.add'; table: Table; column: Column }
  | { kind: 'column.drop'; table: Table; column: Column }
  | { kind: 'column.rename'; table: Table; from: Column; to: Column }
  /** Type, nullability, default, identity, generated, collation or comment changed. */
  | { kind: 'column.alter'; fromTable: Table; table: Table; from: Column; to: Column }
  /** A generated column dropped and added again around a type change of a column it reads (implied). */
  | { kind: 'column.rebuild'; fromTable: Table; table: Table; from: Column; to: Column }
  | { kind: 'constraint.add'; table: Table; constraint: TableConstraint }
  | { kind: 'constraint.drop'; table: Table; constraint: TableConstraint }
  | { kind: 'constraint.rename'; table: Table; from: TableConstraint; to: TableConstraint }
  | { kind: 'constraint.comment'; table: Table; from: TableConstraint; to: TableConstraint }
  | { kind: 'index.add'; owner: IndexOwner; index: Index }
  | { kind: 'index.drop'; owner: IndexOwner; index: Index }
  | { kind: 'index.rename'; owner: IndexOwner; from: Index; to: Index }
  | { kind: 'index.comment'; owner: IndexOwner; from: Index; to: Index }
  | { kind: 'view.create'; view: View }
  | { kind: 'view.drop'; view: View }
  | { kind: 'view.rename'; from: View; to: View }
  /** Definition or options changed: drop and create again (dependent views follow). */
  | { kind: 'view.recreate'; from: View; to: View }
  | { kind: 'view.comment'; from: View; to: View }
  /** Column defaults set, changed or dropped (`ALTER VIEW … ALTER COLUMN … SET/DROP DEFAULT`: catalog only, no data touched). */
  | { kind: 'view.defaults'; from: View; to: View }
  /** A kept materialized view emptied (`withNoData` set) or populated (cleared): `REFRESH MATERIALIZED VIEW … [WITH NO DATA]`. */
  | { kind: 'view.with-no-data'; from: View; to: View }
  | { kind: 'raw.create'; object: RawObject }
  | { kind: 'raw.drop'; object: RawObject };

export type ChangeKind = Change['kind'];
