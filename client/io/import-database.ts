/**
 * "Import from database": the live schema of a target becomes a new model, laid out and saved as a
 * new project (so it is kept; its ids are the ones introspection derives from names, so the next
 * Compare is empty). No other project's baseline changes; this project's is recorded at its first apply.
 */
import { targetsApi } from '../data/targets.ts';
import { withMissingPositions } from '../../shared/model/initial-layout.ts';
import { saveAsProject } from '../data/project-autosave.ts';
import { useStore } from '../store/index.ts';

/** The open model has edits that live nowhere else (a saved project autosaves; a template or file does not). */
function hasUnsavedEdits(): boolean {
  return useStore.getState().project.source !== 'project' && useStore.temporal.getState().pastStates.length > 0;
}

/** Returns false when the user chose to keep the open model. */
export async function importFromTarget(targetId: string): Promise<boolean> {
  const target = useStore.getState().targets.find((t) => t.id === targetId);
  if (hasUnsavedEdits() && !window.confirm('The open model has unsaved changes. Replace it with the model read from the database?')) return false;
  const document = await targetsApi.introspect(targetId);
  const name = `${target?.name ?? targetId} (imported)`;
  const state = useStore.getState();
  state.loadDocument({ ...document, name, layout: withMissingPositions(document.model, document.layout) });
  state.setProject({ name, source: 'file' });
  state.setSaveState('unsaved');
  state.select([]);
  state.selectTarget(targetId);
  await saveAsProject(name);
  return true;
}
