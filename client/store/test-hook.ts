/**
 * `window.__schemata` for Playwright: read the store and drive undo in tests. Present only in test
 * builds (`vite build --mode test` or `VITE_TEST_HOOK=1`), never in what users get.
 */
import { useStore } from './index.ts';

declare global {
  interface Window {
    __schemata?: { store: typeof useStore };
  }
}

export function installTestHook(): void {
  if (import.meta.env.MODE === 'test' || import.meta.env.VITE_TEST_HOOK) {
    window.__schemata = { store: useStore };
  }
}
