/** Renaming: a saved project on the server (the open one follows), or the unsaved model on the page. */
import { flushAutosave } from '../data/project-autosave.ts';
import { projectsApi } from '../data/projects.ts';
import { useStore } from '../store/index.ts';

/** Renames saved project `id`; when it is the open one, its pending edits are saved first. */
export async function renameProject(id: string, name: string): Promise<void> {
  if (useStore.getState().project.id === id) await flushAutosave(); // a rename is a new version too
  const renamed = await projectsApi.rename(id, name);
  const now = useStore.getState();
  if (now.project.id === id) now.setProject({ ...now.project, name: renamed.name, version: renamed.version });
}

/** The top bar's name: a project is renamed on the server; a template or file only here (its name when saved). */
export async function renameOpenDocument(name: string): Promise<void> {
  const { project, setProject } = useStore.getState();
  if (project.source === 'project' && project.id) return renameProject(project.id, name);
  setProject({ ...project, name });
}
