/**
 * What `createApp` is given. Everything optional has a sensible default, so tests pass only what they
 * use; the access token is not optional: a studio without one would let any local process migrate.
 */
import type { TargetService } from '../db/targets.ts';
import type { ApplyTimeouts } from '../db/timeouts.ts';
import type { Store } from '../store/index.ts';
import type { ErrorLog } from './errors.ts';
import type { OriginGuardOptions } from './origin-guard.ts';
import type { TokenGuardOptions } from './token.ts';

export interface AppDeps extends OriginGuardOptions, TokenGuardOptions {
  /** The project store; without it the projects API answers 503. */
  store?: Store;
  /** Databases the studio reads and migrates (the sandbox and PostgreSQL URLs); without it those routes answer 503. */
  targets?: TargetService;
  /** Reported by `/api/health`; defaults to package.json's version. */
  version?: string;
  /** The built client (default `dist/client`); absent files give a JSON 404 for `/` too. */
  clientDir?: string;
  log?: ErrorLog;
  /** An apply's lock and statement timeouts when the request sets none (`index.ts` reads them from the environment); default: the built-in ones. */
  timeouts?: ApplyTimeouts;
  /**
   * Co-editing rooms: told when a project's comments change so its open pages read them again, and
   * asked to save what they hold before a version snapshots the stored document.
   */
  live?: { commentsChanged(projectId: string): void; flush(projectId: string): Promise<void> };
  /** How long an import may parse (`SCHEMATA_IMPORT_TIMEOUT_MS`, read by `index.ts`); default 30 s. */
  importTimeoutMs?: number;
}
