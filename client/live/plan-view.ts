/**
 * What the migration and history panels show of a plan, computed once: the SQL text with a header
 * comment per step (so hazards are visible in the editor too), the lines each step occupies, and
 * the counts of the summary. Pure: no DOM, no store.
 */
import { HAZARD_KINDS, type Hazard, type HazardKind } from '../../shared/diff/hazards.ts';
import type { Step } from '../../shared/diff/types.ts';
import type { HistoryEntryResponse } from '../../shared/api/plans.ts';

export interface StepLines {
  /** 1-based, inclusive: the header comment through the step's last SQL line. */
  start: number;
  end: number;
}

export interface PlanText {
  text: string;
  lines: StepLines[];
}

/** A header per step, e.g. `-- 2/5 · columns · deletes-data: drops column "a"`, then its SQL. */
export function planText(steps: readonly Step[]): PlanText {
  const chunks: string[] = [];
  const lines: StepLines[] = [];
  let next = 1;
  steps.forEach((step, i) => {
    const header = [`-- ${i + 1}/${steps.length} · ${step.phase}`, ...step.hazards.map((h) => `--   ⚠ ${h.kind}: ${h.message}`)];
    const body = step.sql.replace(/\s+$/, '').split('\n');
    const chunk = [...header, ...body];
    lines.push({ start: next, end: next + chunk.length - 1 });
    next += chunk.length + 1;
    chunks.push(chunk.join('\n'));
  });
  return { text: chunks.join('\n\n') + (chunks.length ? '\n' : ''), lines };
}

export interface PlanSummary {
  steps: number;
  stepsWithHazards: number;
  /** Count of hazards per kind, worst kind first; kinds that do not occur are left out. */
  byKind: Array<{ kind: HazardKind; count: number }>;
}

export function summarize(steps: readonly Step[]): PlanSummary {
  const counts = new Map<HazardKind, number>();
  for (const hazard of steps.flatMap((s) => s.hazards)) counts.set(hazard.kind, (counts.get(hazard.kind) ?? 0) + 1);
  return {
    steps: steps.length,
    stepsWithHazards: steps.filter((s) => s.hazards.length > 0).length,
    byKind: HAZARD_KINDS.filter((k) => counts.has(k)).map((kind) => ({ kind, count: counts.get(kind)! })),
  };
}

/** Every hazard with the (0-based) step it belongs to: the confirmation lists each one. */
export function hazardList(steps: readonly Step[]): Array<{ stepIndex: number; hazard: Hazard }> {
  return steps.flatMap((step, stepIndex) => step.hazards.map((hazard) => ({ stepIndex, hazard })));
}

/** The first meaningful line of a step, for a one-line list entry. */
export function stepTitle(step: Step): string {
  const line = step.sql.split('\n').map((l) => l.trim()).find((l) => l && !l.startsWith('--')) ?? step.sql.trim();
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}

/** `1.2 s`, `340 ms`. */
export function formatDuration(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

const STATUS_TEXT: Record<HistoryEntryResponse['status'], string> = {
  applied: 'Applied', 'dry-run': 'Dry run passed', failed: 'Failed', refused: 'Refused', running: 'Running', interrupted: 'Interrupted',
};
const DRY_RUN_TEXT: Partial<Record<HistoryEntryResponse['status'], string>> = {
  failed: 'Dry run failed', refused: 'Dry run refused', running: 'Dry run running', interrupted: 'Dry run interrupted',
};

export interface HistoryLabel {
  /** What the badge says, e.g. "Dry run failed". */
  status: string;
  dryRun: boolean;
  /** The hazards a person accepted (a dry run accepts none): no line when empty. */
  hazardsAccepted: HistoryEntryResponse['hazardsAccepted'];
}

/** How the history lists an attempt: a dry run that failed is a failed dry run, not a failed apply. */
export function historyLabel(entry: Pick<HistoryEntryResponse, 'status' | 'error' | 'hazardsAccepted'>): HistoryLabel {
  const dryRun = entry.status === 'dry-run' || entry.error?.dryRun === true;
  return {
    status: (dryRun ? DRY_RUN_TEXT[entry.status] : undefined) ?? STATUS_TEXT[entry.status],
    dryRun,
    hazardsAccepted: dryRun ? [] : entry.hazardsAccepted,
  };
}
