/** Light/dark: follows the system unless the user picks one (remembered in localStorage). */
import { useEffect, useSyncExternalStore } from 'react';
import { useStore } from '../store/index.ts';
import type { Theme } from '../store/session-slice.ts';

const KEY = 'schemata.theme';
const query = () => window.matchMedia('(prefers-color-scheme: dark)');

function subscribeSystem(onChange: () => void) {
  const q = query();
  q.addEventListener('change', onChange);
  return () => q.removeEventListener('change', onChange);
}

export function storedTheme(): Theme {
  const value = localStorage.getItem(KEY);
  return value === 'light' || value === 'dark' ? value : 'system';
}

/** The theme in effect: the user's pick, or the system's. */
export function useResolvedTheme(): 'light' | 'dark' {
  const theme = useStore((s) => s.theme);
  const systemDark = useSyncExternalStore(subscribeSystem, () => query().matches);
  return theme === 'system' ? (systemDark ? 'dark' : 'light') : theme;
}

/** Mirrors the picked theme onto <html data-theme> (CSS variables switch on it) and remembers it. */
export function useThemeAttribute(): void {
  const theme = useStore((s) => s.theme);
  useEffect(() => {
    if (theme === 'system') {
      delete document.documentElement.dataset.theme;
      localStorage.removeItem(KEY);
    } else {
      document.documentElement.dataset.theme = theme;
      localStorage.setItem(KEY, theme);
    }
  }, [theme]);
}

/** system → the opposite of what is shown → … : one click always changes what you see. */
export function nextTheme(current: Theme, resolved: 'light' | 'dark'): Theme {
  if (current === 'system') return resolved === 'dark' ? 'light' : 'dark';
  return current === 'dark' ? 'light' : 'dark';
}
