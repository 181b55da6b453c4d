/**
 * Whether the studio's API lets this page in. The server wants its access token (a cookie set by
 * the start-up link `…/?token=…`): without it every API call answers 401, and instead of a broken app
 * the page shows the access screen. A studio restarted without `SCHEMATA_TOKEN` has a new token, so
 * a 401 can also arrive later, on any call.
 */
import { useSyncExternalStore } from 'react';
import { accessStatus } from '../data/access.ts';

let denied = false;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Called on any 401 from the API: the page switches to the access screen. */
export function markAccessDenied(): void {
  if (denied) return;
  denied = true;
  listeners.forEach((listener) => listener());
}

export function useAccessDenied(): boolean {
  return useSyncExternalStore(subscribe, () => denied);
}

/**
 * Asks the server once at boot (`GET /api/access`: 204 with the token, 401 without). Anything but a
 * 401 (a server that is down, an older server) lets the app open as before: its own calls will say
 * what is wrong.
 */
export async function checkAccess(): Promise<boolean> {
  try {
    if ((await accessStatus()) === 401) markAccessDenied();
  } catch {
    // No server: not an access problem.
  }
  return !denied;
}
