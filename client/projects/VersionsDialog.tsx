/** Named versions of the open project: save one, compare the canvas with one, or compare two with each other. */
import { useState } from 'react';
import type { VersionSummary } from '../../shared/api/projects.ts';
import { describeError, RequestError } from '../data/http.ts';
import { flushAutosave } from '../data/project-autosave.ts';
import { projectsApi } from '../data/projects.ts';
import { useVersionList } from '../data/use-projects.ts';
import { useStore } from '../store/index.ts';
import { compareModels } from './compare-versions.ts';
import type { Comparison } from '../store/comparison.ts';
import { Dialog } from '../shell/Dialog.tsx';
import '../inspector/panels.css';
import './projects.css';

const NOW = '';

export function VersionsDialog() {
  const projectId = useStore((s) => s.project.id);
  const { items: versions, error, setError, reload } = useVersionList(projectId);
  const [label, setLabel] = useState('');
  const close = () => useStore.getState().openDialog(null);

  const save = async () => {
    if (!label.trim() || !projectId) return;
    await flushAutosave(); // a version snapshots what the server holds
    await projectsApi.createVersion(projectId, label.trim()).then(() => { setLabel(''); reload(); }, (e: unknown) => setError(describeError(e)));
  };
  /** A version's document (model and layout), or undefined after saying why it cannot be read. */
  const read = async (v: VersionSummary): Promise<Comparison['from'] | undefined> => {
    if (!projectId) return undefined;
    try {
      const { document } = await projectsApi.getVersion(projectId, v.id);
      return { label: v.label, model: document.model, layout: document.layout };
    } catch (e) {
      if (e instanceof RequestError) throw e; // said by `compare`, as any failed call
      setError(`version "${v.label}" cannot be read: ${describeError(e)}`);
      return undefined;
    }
  };
  /** Compares `from` with `to` (another version), or with the open model when `to` is absent. */
  const compare = async (from: VersionSummary, to?: VersionSummary) => {
    try {
      const [earlier, later] = await Promise.all([read(from), to ? read(to) : undefined]);
      if (!earlier || (to && !later)) return;
      const state = useStore.getState();
      state.setComparison(compareModels({ from: earlier, ...(later ? { to: later } : {}), current: state.doc.model }));
      close();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const [pairFrom, setPairFrom] = useState<string>('');
  const [pairTo, setPairTo] = useState<string>(NOW);
  const byId = (id: string) => versions?.find((v) => v.id === id);
  const comparePair = () => {
    const from = byId(pairFrom) ?? versions?.at(-1);
    if (from) void compare(from, byId(pairTo));
  };

  return (
    <Dialog className="projects" label="Versions" testId="versions-dialog">
      {!projectId && <div className="dialog-empty">Save the model as a project first (File → Save as project).</div>}
      {projectId && (
        <form className="version-form" onSubmit={(e) => { e.preventDefault(); void save(); }}>
          <input className="field" data-testid="version-label" placeholder="Name this version, e.g. “before invoices”" value={label} onChange={(e) => setLabel(e.target.value)} />
          <button className="btn primary" data-testid="version-save" disabled={!label.trim()}>Save version</button>
        </form>
      )}
      {error && <div className="dialog-error" role="alert">{error}</div>}
      {versions?.length === 0 && <div className="dialog-empty">No named versions yet.</div>}
      {!!versions?.length && (
        <form className="version-form" data-testid="version-pair" onSubmit={(e) => { e.preventDefault(); comparePair(); }}>
          <span className="project-meta">Compare</span>
          <select className="field" aria-label="Earlier version" data-testid="version-pair-from" value={pairFrom || versions.at(-1)?.id} onChange={(e) => setPairFrom(e.target.value)}>
            {versions.map((v) => <option key={v.id} value={v.id}>{v.label}</option>)}
          </select>
          <span className="project-meta">with</span>
          <select className="field" aria-label="Later version" data-testid="version-pair-to" value={pairTo} onChange={(e) => setPairTo(e.target.value)}>
            <option value={NOW}>now (the open model)</option>
            {versions.map((v) => <option key={v.id} value={v.id}>{v.label}</option>)}
          </select>
          <button className="btn" data-testid="version-pair-compare">Compare</button>
        </form>
      )}
      <ul className="project-list">
        {versions?.map((v) => (
          <li key={v.id} data-testid="version-row" data-version={v.label}>
            <span className="project-open">
              <span className="project-name">{v.label}</span>
              <span className="project-meta">save #{v.projectVersion} · {new Date(v.createdAt).toLocaleString()}</span>
            </span>
            <button className="btn" data-testid="version-compare" onClick={() => void compare(v)}>Compare with now</button>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
