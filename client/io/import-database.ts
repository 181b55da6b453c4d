/**
 * "Import from database": the live schema of a target becomes a new model, laid out, fitted in view
 * as it loads (canvas/viewport-memory.ts, as every opened document without a saved view) and saved as a
 * new project (so it is kept; its ids are the ones introspection derives from names, so the next
 * Compare is empty). No other project's baseline changes; this project's is recorded at its first apply.
 */
import { targetsApi } from '../data/targets.ts';
import { withMissingPositions } from '../../shared/model/initial-layout.ts';
import { readyToLeave, saveAsProject } from '../data/project-autosave.ts';
import { useStore } from '../store/index.ts';

/** Returns false when the user chose to keep the open model (asked Save / Discard / Cancel if it has unsaved work). */
export async function importFromTarget(targetId: string): Promise<boolean> {
  const target = useStore.getState().targets.find((t) => t.id === targetId);
  if (!(await readyToLeave())) return false;
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
