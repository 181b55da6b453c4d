import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './theme.css';
import { App } from './App.tsx';
import { openFromLocation } from './boot.ts';
import { storedTheme } from './chrome/theme.ts';
import { useStore } from './store/index.ts';
import { installTestHook } from './store/test-hook.ts';
import { startAutosave } from './projects.ts';

installTestHook();
startAutosave();
window.addEventListener('popstate', () => void openFromLocation());
useStore.getState().setTheme(storedTheme());
void openFromLocation().finally(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
