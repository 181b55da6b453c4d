/**
 * What an apply costs in the expensive operations: shadow builds (the model's SQL loaded into the
 * embedded engine or a shadow server, `canonicalFor`) and reads of the live schema (introspections).
 * Counted in process so a test can say how many one plan and apply take (`live/cost.test.ts`).
 */
export const liveCost = { shadowBuilds: 0, introspections: 0 };

export function resetLiveCost(): void {
  liveCost.shadowBuilds = 0;
  liveCost.introspections = 0;
}
