/**
 * The user's name in this browser (asked once by the studio; shown in presence, comments and the apply
 * history). Kept in localStorage; `useUserName` re-renders on every change, in this tab (the setter
 * notifies) and in other tabs (the `storage` event), so two open tabs never show different names.
 * A browser that refuses storage simply has no name (and is asked again next time).
 */
import { useSyncExternalStore } from 'react';
import { normalizeUserName } from '../../shared/api/user-name.ts';

export const USER_NAME_KEY = 'schemata.userName';
/** Set once the studio asked for the name (answered or put off): it never asks again. */
export const USER_NAME_ASKED_KEY = 'schemata.userNameAsked';

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

/** Calls `onChange` whenever the name changes (here or in another tab); returns the unsubscribe function. */
export const onUserNameChange = subscribe;

export function useUserName(): string | null {
  return useSyncExternalStore(subscribe, getUserName, () => null);
}

/** Whether the studio already asked this browser for a name (or cannot remember that it did). */
export function wasAskedForName(): boolean {
  try {
    return localStorage.getItem(USER_NAME_ASKED_KEY) !== null;
  } catch {
    return true;
  }
}

export function rememberAskedForName(): void {
  try {
    localStorage.setItem(USER_NAME_ASKED_KEY, new Date().toISOString());
  } catch {
    // storage refused: asked again next time
  }
}
