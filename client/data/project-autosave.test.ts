import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyModel, makeDocument } from '../../shared/model/empty.ts';
import type { ModelDocument } from '../../shared/model/document.ts';

const create = vi.fn<(name: string, document: ModelDocument) => Promise<{ id: string; version: number }>>();
vi.mock('./projects.ts', () => ({ projectsApi: { create: (name: string, document: ModelDocument) => create(name, document) } }));

const { saveAsProject } = await import('./project-autosave.ts');
const { useStore } = await import('../store/index.ts');

describe('saveAsProject', () => {
  beforeEach(() => {
    vi.stubGlobal('window', { history: { pushState: vi.fn() } });
    create.mockReset().mockResolvedValue({ id: 'p1', version: 1 });
    useStore.getState().loadDocument(makeDocument(emptyModel(), undefined, 'E-commerce'));
    useStore.getState().setProject({ name: 'E-commerce', source: 'template' });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('leaves the page holding what the project holds: the document under the name it was stored with', async () => {
    expect(await saveAsProject('Shop')).toBe('p1');
    const stored = create.mock.calls[0][1];
    const { doc, project, saveState } = useStore.getState();
    expect(stored.name).toBe('Shop');
    expect(doc).toEqual(stored);
    expect([project, saveState]).toEqual([{ id: 'p1', name: 'Shop', version: 1, source: 'project' }, 'saved']);
  });

  it('becomes the project in one change of the store, and the name is no undo step', async () => {
    const changes: string[] = [];
    const stop = useStore.subscribe((s, p) => changes.push(`${p.project.source}→${s.project.source} ${p.doc.name}→${s.doc.name} ${s.saveState}`));
    await saveAsProject('Shop');
    stop();
    // `saving` first; then the project and its name at once: never the old project's document renamed.
    expect(changes).toEqual(['template→template E-commerce→E-commerce saving', 'template→project E-commerce→Shop saved']);
    expect(useStore.temporal.getState().pastStates).toHaveLength(0);
  });
});
