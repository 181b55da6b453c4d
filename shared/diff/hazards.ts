/**
 * Everything about hazard kinds in one place, for the planner, the server's apply, the CLI and the
 * page: the kinds in the order a reviewer should read them, how loud each one is, the distinct kinds
 * of a plan (what an apply must accept) and which of them a request did not accept.
 */

/** Every hazard kind, in the order a reviewer should read them (worst first). */
export const HAZARD_KINDS = [
  /** A carried statement that runs code when applied (a DO block, SELECT, COPY, CREATE ROLE, …). */
  'runs-custom-sql',
  /** An object dropped and another of the same name created (a different id, or a table that becomes a view): its data is lost. */
  'recreates-object',
  'deletes-data',
  'rewrites-table',
  'may-fail-on-existing-data',
  'breaks-dependents',
  'locks-table',
  'index-build',
] as const;
export type HazardKind = (typeof HAZARD_KINDS)[number];

/** Why a step deserves a second look, e.g. `{ kind: 'deletes-data', message: 'drops column "a"' }`. */
export interface Hazard {
  kind: HazardKind;
  message: string;
}

/** What carries hazards: a plan step (kept structural so this module needs nothing of `types.ts`). */
interface WithHazards {
  hazards: readonly Hazard[];
}

export type HazardSeverity = 'danger' | 'warning' | 'info';

const DANGER: ReadonlySet<HazardKind> = new Set(['runs-custom-sql', 'recreates-object', 'deletes-data', 'breaks-dependents']);

/** How loud a kind is (the badge color): data or code at stake is `danger`, an index build is `info`. */
export function hazardSeverity(kind: HazardKind): HazardSeverity {
  if (DANGER.has(kind)) return 'danger';
  if (kind === 'index-build') return 'info';
  return 'warning';
}

/** Ex: `isHazardKind('deletes-data')` → true; for reading `--allow deletes-data,…`. */
export function isHazardKind(value: string): value is HazardKind {
  return (HAZARD_KINDS as readonly string[]).includes(value);
}

/** The distinct hazard kinds of `steps`, worst first: what an apply of them has to accept. */
export function hazardKinds(steps: readonly WithHazards[]): HazardKind[] {
  const present = new Set(steps.flatMap((s) => s.hazards.map((h) => h.kind)));
  return HAZARD_KINDS.filter((k) => present.has(k));
}

/** Hazard kinds of `steps` that are not in `accepted`, each once, in the order the steps raise them. */
export function unacceptedHazards(steps: readonly WithHazards[], accepted: readonly HazardKind[]): HazardKind[] {
  const ok = new Set(accepted);
  return [...new Set(steps.flatMap((s) => s.hazards.map((h) => h.kind)).filter((k) => !ok.has(k)))];
}

/** Running `steps` deletes data (the reverse of a migration says so before it is exported). */
export function deletesData(steps: readonly WithHazards[]): boolean {
  return steps.some((s) => s.hazards.some((h) => h.kind === 'deletes-data'));
}
