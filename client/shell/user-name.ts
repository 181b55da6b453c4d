/**
 * The user's name in this browser (asked once by the studio; shown in presence, comments and the apply
 * history). Kept in localStorage; `useUserName` re-renders on every change, in this tab (the setter
 * notifies) and in other tabs (the `storage` event), so two open tabs never show different names.
 * A browser that refuses storage simply has no name (and is asked again next time).
 */
import { useSyncExternalStore } from 'react';
import { normalizeUserName } from '../../shared/api/user-name.ts';

export const USER_NAME_KEY = 'schemata.userName';

const listeners = new Set<() => void>();

export function getUserName(): string | null {
  try {
    return normalizeUserName(localStorage.getItem(USER_NAME_KEY));
  } catch {
    return null;
  }
}

/** Stores the name (normalized: trimmed, at most 60 characters); an empty name forgets it. */
export function setUserName(name: string): void {
  const normalized = normalizeUserName(name);
  try {
    if (normalized) localStorage.setItem(USER_NAME_KEY, normalized);
    else localStorage.removeItem(USER_NAME_KEY);
  } catch {
    // storage refused: the name lives until the page closes in no one's memory; asked again next time
  }
  for (const listener of listeners) listener();
}

function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  const onStorage = (event: StorageEvent) => {
    if (event.key === USER_NAME_KEY || event.key === null) onChange();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener('storage', onStorage);
  };
}

export function useUserName(): string | null {
  return useSyncExternalStore(subscribe, getUserName, () => null);
}
