/**
 * Every advisory-lock key the studio takes, in one place, so no two jobs pick the same key by chance
 * and a new job can see which keys are taken. Advisory locks are per database: the store's keys
 * live in the studio's store, the apply key in each target.
 */

/**
 * The store's schema upgrade (`server/store/migrations.ts`) and its one-time data upgrades: every
 * studio sharing a store takes it before touching the store's tables, so studios starting together
 * upgrade once. The single-number key older studios took for their project tables, so an older
 * studio still running on a shared store is excluded as well.
 */
export const STORE_LOCK = 4780_0001;

/**
 * One apply at a time per target database (`server/db/apply.ts`): the same key in every studio, so
 * two applies to one database queue instead of interleaving, whichever studio runs them.
 */
export const APPLY_LOCK: [number, number] = [4780, 3];

/**
 * First key of the journal owners' session locks (`journal-owner.ts`), on the store; the second key
 * is the hash of the owning studio instance's id.
 */
export const OWNER_LOCK_CLASS = 4781;
