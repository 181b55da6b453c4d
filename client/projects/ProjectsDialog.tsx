/** The saved projects: open, rename, duplicate, delete. */
import { useCallback, useEffect, useState } from 'react';
import type { ProjectSummary } from '../../shared/api.ts';
import { api } from '../api.ts';
import { openProject } from '../shell/boot.ts';
import { useStore } from '../store/index.ts';
import { becomeDraft, readyToLeave } from '../projects.ts';
import { Dialog } from '../shell/Dialog.tsx';
import './projects.css';

const path = (id: string) => `/api/projects/${encodeURIComponent(id)}`;

export function ProjectsDialog() {
  const [projects, setProjects] = useState<ProjectSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const current = useStore((s) => s.project.id);
  const close = () => useStore.getState().openDialog(null);
  const reload = useCallback(() => {
    api.get<ProjectSummary[]>('/api/projects').then(setProjects, (e: Error) => setError(e.message));
  }, []);
  useEffect(reload, [reload]);
  const act = (action: () => Promise<unknown>) => () => void action().then(reload, (e: Error) => setError(e.message));

  const open = async (id: string) => {
    if (!(await readyToLeave())) return;
    close();
    window.history.pushState(null, '', `/p/${encodeURIComponent(id)}`);
    await openProject(id);
  };
  const rename = async (p: ProjectSummary) => {
    const name = window.prompt('New name', p.name)?.trim();
    if (!name || name === p.name) return;
    const renamed = await api.patch<{ id: string; name: string; version: number }>(path(p.id), { name });
    const state = useStore.getState();
    if (state.project.id === p.id) state.setProject({ ...state.project, name: renamed.name, version: renamed.version });
  };
  const remove = async (p: ProjectSummary) => {
    if (!window.confirm(`Delete the project "${p.name}"? This cannot be undone.`)) return;
    await api.delete(path(p.id));
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
            <button className="project-open" onClick={() => void open(p.id)}>
              <span className="project-name">{p.name}</span>
              <span className="project-meta">{p.tableCount} tables · saved {new Date(p.updatedAt).toLocaleString()}</span>
            </button>
            <button className="btn" onClick={act(() => rename(p))}>Rename</button>
            <button className="btn" onClick={act(() => api.post(`${path(p.id)}/duplicate`, {}))}>Duplicate</button>
            <button className="btn" onClick={act(() => remove(p))}>Delete</button>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
