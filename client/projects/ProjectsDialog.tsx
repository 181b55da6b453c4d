/** The saved projects: open, rename (in place), duplicate, delete. */
import { useState } from 'react';
import type { ProjectSummary } from '../../shared/api/projects.ts';
import { becomeDraft, readyToLeave } from '../data/project-autosave.ts';
import { projectsApi } from '../data/projects.ts';
import { useProjectList } from '../data/use-projects.ts';
import { openProject } from '../shell/boot.ts';
import { NameField } from './NameField.tsx';
import { renameProject } from './rename.ts';
import { useStore } from '../store/index.ts';
import { Dialog } from '../shell/Dialog.tsx';
import './projects.css';

export function ProjectsDialog() {
  const { items: projects, error, setError, reload } = useProjectList();
  const current = useStore((s) => s.project.id);
  const close = () => useStore.getState().openDialog(null);
  const act = (action: () => Promise<unknown>) => () => void action().then(reload, (e: Error) => setError(e.message));

  const open = async (id: string) => {
    if (!(await readyToLeave())) return;
    close();
    window.history.pushState(null, '', `/p/${encodeURIComponent(id)}`);
    await openProject(id);
  };
  const [renaming, setRenaming] = useState<string>();
  const remove = async (p: ProjectSummary) => {
    if (!window.confirm(`Delete the project "${p.name}"? This cannot be undone.`)) return;
    await projectsApi.remove(p.id);
    if (useStore.getState().project.id === p.id) becomeDraft(p.name);
  };

  return (
    <Dialog className="projects" label="Projects" testId="projects-dialog">
      {error && <div className="dialog-error" role="alert">{error}</div>}
      {!projects && !error && <div className="dialog-empty">Loading…</div>}
      {projects?.length === 0 && <div className="dialog-empty">No saved projects yet. Use File → Save as project.</div>}
      <ul className="project-list">
        {projects?.map((p) => (
          <li key={p.id} data-testid="project-row" data-project={p.id} className={p.id === current ? 'current' : ''}>
            {renaming === p.id ? (
              <span className="project-open">
                <NameField name={p.name} testId="project-name" editing onDone={() => setRenaming(undefined)} onRename={(name) => renameProject(p.id, name).then(reload)} />
                <span className="project-meta">Enter saves, Escape cancels</span>
              </span>
            ) : (
              <button className="project-open" onClick={() => void open(p.id)}>
                <span className="project-name">{p.name}</span>
                <span className="project-meta">{p.tableCount} tables · saved {new Date(p.updatedAt).toLocaleString()}</span>
              </button>
            )}
            <button className="btn" data-testid="project-rename" onClick={() => setRenaming(p.id)}>Rename</button>
            <button className="btn" onClick={act(() => projectsApi.duplicate(p.id))}>Duplicate</button>
            <button className="btn" onClick={act(() => remove(p))}>Delete</button>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
