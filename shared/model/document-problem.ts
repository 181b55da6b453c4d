/**
 * A reason a document does not load, at a JSON path. Its own module because `upgrade.ts` reports
 * them and the checks it runs (`references.ts`, `sql-fields.ts`) make them.
 */
export interface DocumentProblem {
  /** JSON path, e.g. `model.tables[2].columns[0].name`. */
  path: string;
  message: string;
}
