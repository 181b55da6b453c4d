/** Thrown when an edit cannot be applied as asked (e.g. a many-to-many between tables without keys). */
export class ModelOpError extends Error {
  override name = 'ModelOpError';
}
