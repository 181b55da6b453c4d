/** Product name, what is open, and the document actions. */
import { useStore, undo, redo, useHistory } from '../store/index.ts';
import { selectProject, selectSaveState } from '../store/selectors.ts';
import { nextTheme, useResolvedTheme } from './theme.ts';
import { FileMenu } from '../io/FileMenu.tsx';
import { NameField } from '../projects/NameField.tsx';
import { renameOpenDocument } from '../projects/rename.ts';
import { PresenceBar } from '../together/PresenceBar.tsx';
import { useLive } from '../together/live-state.ts';

/** Where the open document came from; only a project is saved. */
const SOURCE_TEXT = { project: 'project', draft: 'unsaved draft', template: 'template · not saved', file: 'file · not saved' };
const SAVE_TEXT = { unsaved: 'Not saved', saving: 'Saving…', saved: 'Saved', conflict: 'Save refused: changed elsewhere', error: 'Save failed' };

export function TopBar() {
  const project = useStore(selectProject);
  const saveState = useStore(selectSaveState);
  const theme = useStore((s) => s.theme);
  const resolved = useResolvedTheme();
  // Co-editing, undo reverts only this person's edits (together/store-binding.ts).
  const live = useLive((s) => s.status !== 'off');
  const liveUndo = useLive((s) => s.canUndo);
  const liveRedo = useLive((s) => s.canRedo);
  const ownUndo = useHistory((h) => h.pastStates.length > 0);
  const ownRedo = useHistory((h) => h.futureStates.length > 0);
  const canUndo = live ? liveUndo : ownUndo;
  const canRedo = live ? liveRedo : ownRedo;
  return (
    <header className="topbar" data-testid="topbar">
      <div className="brand"><span className="brand-mark">S</span>Schemata</div>
      <div className="divider" />
      <NameField key={`${project.id ?? project.source}:${project.name}`} className="doc-name" testId="doc-name" name={project.name} onRename={renameOpenDocument} />
      <span className="doc-source" data-testid="doc-source">{SOURCE_TEXT[project.source]}</span>
      {project.source === 'project' && (
        <span className={`save-state ${saveState}`} data-testid="save-state">{SAVE_TEXT[saveState]}</span>
      )}
      <div className="spacer" />
      <PresenceBar />
      <div className="actions">
        <FileMenu />
        <button className="btn icon" data-testid="undo" title="Undo (Ctrl+Z)" disabled={!canUndo} onClick={undo}>↶</button>
        <button className="btn icon" data-testid="redo" title="Redo (Ctrl+Shift+Z)" disabled={!canRedo} onClick={redo}>↷</button>
        <button
          className="btn icon"
          data-testid="theme-toggle"
          title={`Switch to ${resolved === 'dark' ? 'light' : 'dark'} mode`}
          onClick={() => useStore.getState().setTheme(nextTheme(theme, resolved))}
        >
          {resolved === 'dark' ? '☀' : '☾'}
        </button>
      </div>
    </header>
  );
}
