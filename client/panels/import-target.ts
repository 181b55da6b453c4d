/**
 * "Import from database": the live schema of a target becomes a new model, laid out and saved as a
 * new project (so it is kept, and the target's baseline now matches it: the next Compare is empty).
 */
import { liveApi } from '../api-live.ts';
import { withMissingPositions } from '../canvas/initial-layout.ts';
import { saveAsProject } from '../projects.ts';
import { useStore } from '../store/index.ts';

export async function importFromTarget(targetId: string): Promise<void> {
  const target = useStore.getState().targets.find((t) => t.id === targetId);
  const document = await liveApi.introspect(targetId);
  const name = `${target?.name ?? targetId} (imported)`;
  const state = useStore.getState();
  state.loadDocument({ ...document, name, layout: withMissingPositions(document.model, document.layout) });
  state.setProject({ name, source: 'file' });
  state.setSaveState('unsaved');
  state.select([]);
  state.selectTarget(targetId);
  await saveAsProject(name);
}
