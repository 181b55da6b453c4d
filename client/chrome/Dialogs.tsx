/** Whichever dialog the session has open. */
import { useStore } from '../store/index.ts';
import { selectDialog } from '../store/selectors.ts';
import { CommandPalette } from './CommandPalette.tsx';
import { ShortcutHelp } from './ShortcutHelp.tsx';
import { ProjectsDialog } from './ProjectsDialog.tsx';

export function Dialogs() {
  const dialog = useStore(selectDialog);
  if (dialog === 'palette') return <CommandPalette />;
  if (dialog === 'shortcuts') return <ShortcutHelp />;
  if (dialog === 'projects') return <ProjectsDialog />;
  return null;
}
