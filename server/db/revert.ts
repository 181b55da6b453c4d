/**
 * Revert from history: an applied journal entry records the live model just before it (`before`);
 * reverting it is an ordinary plan and apply whose model is that one, against the database as it is
 * now. So the review, hazards (data a revert would drop included), confirmation and journal are the
 * ones every apply has, and a revert of a revert works the same way. The recorded model is always
 * read from the journal of whoever applies (the studio's store, or the target's own for the CLI),
 * never taken from a client.
 */
import type { JournalStatus, RevertBase } from './history.ts';

/** An entry as a revert sees it (the studio's store and the target's journal both give this). */
export interface RevertableEntry {
  id: string;
  status: JournalStatus;
  before?: RevertBase;
}

/** The entry exists but cannot be reverted: the message says why (HTTP 409, CLI exit 1). */
export class NotRevertible extends Error {}

/** The model to revert to, or throws `NotRevertible` saying why there is none. */
export function revertBaseOf(entry: RevertableEntry): RevertBase {
  if (entry.status !== 'applied') {
    throw new NotRevertible(`history entry "${entry.id}" is ${entry.status}: only an applied entry can be reverted (it changed nothing)`);
  }
  if (!entry.before) {
    throw new NotRevertible(`history entry "${entry.id}" has no recorded model from before it (an apply from an older version, or one with no step): it cannot be reverted; compare an older model instead`);
  }
  return entry.before;
}
