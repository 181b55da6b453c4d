/** Whichever dialog the session has open. */
import { lazy, Suspense } from 'react';
import { useStore } from '../store/index.ts';
import { selectDialog } from '../store/selectors.ts';
import { CommandPalette } from './CommandPalette.tsx';
import { ShortcutHelp } from './ShortcutHelp.tsx';
import { ProjectsDialog } from '../projects/ProjectsDialog.tsx';
import { VersionsDialog } from '../projects/VersionsDialog.tsx';
import { ImportDialog } from '../io/ImportDialog.tsx';
import { ImportReportDialog } from '../io/ImportReportDialog.tsx';
import { UserNameDialog } from './UserNameDialog.tsx';

// The exporters (three dialects, DBML, the planner) load when the dialog opens.
const ExportDialog = lazy(() => import('../io/ExportDialog.tsx'));

export function Dialogs() {
  const dialog = useStore(selectDialog);
  if (dialog === 'palette') return <CommandPalette />;
  if (dialog === 'shortcuts') return <ShortcutHelp />;
  if (dialog === 'projects') return <ProjectsDialog />;
  if (dialog === 'versions') return <VersionsDialog />;
  if (dialog === 'import') return <ImportDialog />;
  if (dialog === 'import-report') return <ImportReportDialog />;
  if (dialog === 'user-name') return <UserNameDialog />;
  if (dialog === 'export') return <Suspense fallback={null}><ExportDialog /></Suspense>;
  return null;
}
