import type { TargetService } from './targets.ts';

/** The studio has no target service (its store is not open): answered 503. */
export class TargetsUnavailable extends Error {
  constructor() {
    super('targets are not available: the studio store is not open');
  }
}

/** The target service, or `TargetsUnavailable` when there is none. */
export function targetsOf(targets: TargetService | undefined): TargetService {
  if (!targets) throw new TargetsUnavailable();
  return targets;
}
