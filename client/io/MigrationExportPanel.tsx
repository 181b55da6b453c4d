/**
 * Migration files from a starting point to the model as it is now. The start is an empty database
 * (the whole model as a first migration) or a named version of the saved project: label a version
 * when a migration ships, and the next export holds only what changed since.
 */
import { useEffect, useState } from 'react';
import type { VersionSummary } from '../../shared/api/projects.ts';
import { MIGRATION_LAYOUTS, type MigrationLayout } from '../../shared/io/migration-files.ts';
import { useStore } from '../store/index.ts';
import { fileBaseName } from './download.ts';
import { downloadZip, listVersions, saveVersion, type MigrationExport, type MigrationStart } from './export-files.ts';
import { useMigrationExport } from './use-migration-export.ts';

const LAYOUT_LABELS: Record<MigrationLayout, string> = {
  plain: 'Plain (0001_name.up.sql / .down.sql)',
  flyway: 'Flyway (V1__name.sql / U1__name.sql)',
  migrate: 'golang-migrate (<timestamp>_name.up.sql / .down.sql)',
  dbmate: 'dbmate (<timestamp>_name.sql)',
};

function useVersions(projectId: string | undefined): [VersionSummary[], () => void] {
  const [versions, setVersions] = useState<VersionSummary[]>([]);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!projectId) return;
    listVersions(projectId).then(setVersions, () => setVersions([]));
  }, [projectId, tick]);
  return [versions, () => setTick((n) => n + 1)];
}

/** Whether the files shown are the ones a download holds (the server's, in PostgreSQL's spelling). */
function spelling(result: MigrationExport): string {
  if (!result.asWritten) return 'In PostgreSQL\u2019s spelling, as the CLI writes them.';
  if (result.asWritten === 'preview') return 'Preview; putting it in PostgreSQL\u2019s spelling\u2026';
  return `Compared as written: ${result.asWritten}.`;
}

export function MigrationExportPanel() {
  const model = useStore((s) => s.doc.model);
  const projectId = useStore((s) => (s.project.source === 'project' ? s.project.id : undefined));
  const [versions, reloadVersions] = useVersions(projectId);
  const [startId, setStartId] = useState('empty');
  const [endId, setEndId] = useState('now');
  const [layout, setLayout] = useState<MigrationLayout>('flyway');
  const [name, setName] = useState('update schema');
  const [version, setVersion] = useState(1);
  const [failure, setError] = useState<string | null>(null);
  const picked = versions.find((v) => v.id === startId);
  const start: MigrationStart = picked && projectId ? { kind: 'version', projectId, version: picked } : { kind: 'empty' };
  const last = versions.find((v) => v.id === endId);
  const end = last && projectId ? { kind: 'version' as const, projectId, version: last } : undefined;
  const made = useMigrationExport({ start, end, model, layout, name, version }, [startId, endId, versions, projectId, model, layout, name, version]);
  const result = made.result;
  const error = failure ?? made.error;
  const downloadFiles = async () => {
    try {
      const files = await made.files();
      downloadZip(files.files, `${fileBaseName()}-migrations-${layout}.zip`);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const labelVersion = async () => {
    const label = window.prompt('Label for the saved project as it is now (e.g. release 1.4)')?.trim();
    if (!label || !projectId) return;
    try {
      const created = await saveVersion(projectId, label);
      reloadVersions();
      setStartId(created.id);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <>
      <div className="io-row">
        <label className="io-field">From
          <select className="io-select" value={startId} onChange={(e) => setStartId(e.target.value)} data-testid="migration-start">
            <option value="empty">an empty database (the whole model)</option>
            {versions.map((v) => <option key={v.id} value={v.id}>version “{v.label}” ({new Date(v.createdAt).toLocaleString()})</option>)}
          </select>
        </label>
        {versions.length > 0 && (
          <label className="io-field">To
            <select className="io-select" value={endId} onChange={(e) => setEndId(e.target.value)} data-testid="migration-end">
              <option value="now">the model as it is now</option>
              {versions.map((v) => <option key={v.id} value={v.id}>version “{v.label}”</option>)}
            </select>
          </label>
        )}
        {projectId ? <button className="btn" onClick={() => void labelVersion()} data-testid="migration-label-version">Label saved version…</button>
          : <span className="io-muted">Save as a project to migrate from a named version.</span>}
      </div>
      <div className="io-row">
        <label className="io-field">Layout
          <select className="io-select" value={layout} onChange={(e) => setLayout(e.target.value as MigrationLayout)} data-testid="migration-layout">
            {MIGRATION_LAYOUTS.map((l) => <option key={l} value={l}>{LAYOUT_LABELS[l]}</option>)}
          </select>
        </label>
        <label className="io-field">Name<input className="io-input" value={name} onChange={(e) => setName(e.target.value)} data-testid="migration-name" /></label>
        {(layout === 'plain' || layout === 'flyway') && (
          <label className="io-field">Version<input className="io-input" type="number" min={1} value={version} onChange={(e) => setVersion(Math.max(1, Number(e.target.value) || 1))} style={{ width: 70 }} /></label>
        )}
      </div>
      {error && <div className="io-error" role="alert">{error}</div>}
      {result && (
        <>
          <p className="io-muted" data-testid="migration-summary">
            {result.steps ? `${result.steps} step${result.steps === 1 ? '' : 's'} in ${result.files.length} file${result.files.length === 1 ? '' : 's'}.` : 'Nothing changed since this starting point: no files.'}
            {result.downLosesData ? ' The down migration drops data (see its hazards).' : ''}
            {' '}{spelling(result)}
          </p>
          {result.files.length > 0 && <textarea className="io-text" readOnly spellCheck={false} data-testid="migration-preview"
            value={result.files.map((f) => `==> ${f.path} <==\n${f.content}`).join('\n')} />}
        </>
      )}
      <div className="io-actions">
        <button className="btn primary" disabled={!result?.files.length} data-testid="migration-download"
          onClick={() => void downloadFiles()}>Download zip</button>
      </div>
    </>
  );
}
