/**
 * File ▸ Export…: the model as PostgreSQL, MySQL/MariaDB or SQLite DDL (with every lossy mapping
 * listed), as DBML, or as migration files in a zip (plain, Flyway, golang-migrate, dbmate).
 */
import { useMemo, useState } from 'react';
import { useStore } from '../store/index.ts';
import { downloadText, FORMAT_LABELS, TEXT_FORMATS, textExport, type TextFormat } from './export-files.ts';
import { MigrationExportPanel } from './MigrationExportPanel.tsx';
import { Dialog } from '../shell/Dialog.tsx';
import './io.css';

type Format = TextFormat | 'migration';

function TextExportPanel({ format }: { format: TextFormat }) {
  const doc = useStore((s) => s.doc);
  const result = useMemo(() => {
    try {
      return textExport(doc, format);
    } catch (error) {
      return { text: '', warnings: [], fileName: '', error: error instanceof Error ? error.message : String(error) };
    }
  }, [doc, format]);
  if ('error' in result) return <div className="io-error" role="alert">{result.error}</div>;
  return (
    <>
      <textarea className="io-text" readOnly value={result.text} data-testid="export-text" spellCheck={false} />
      {result.warnings.length > 0 ? (
        <>
          <div className="io-heading">What {FORMAT_LABELS[format]} cannot hold as modeled ({result.warnings.length})</div>
          <ul className="io-list io-warn-list io-report" data-testid="export-warnings">
            {result.warnings.map((w) => <li key={w}>{w}</li>)}
          </ul>
        </>
      ) : (
        <p className="io-muted" data-testid="export-no-warnings">Nothing is lost in {FORMAT_LABELS[format]}.</p>
      )}
      <div className="io-actions">
        <button className="btn" onClick={() => void navigator.clipboard?.writeText(result.text)}>Copy</button>
        <button className="btn primary" data-testid="export-download" onClick={() => downloadText(result.text, result.fileName)}>Download {result.fileName}</button>
      </div>
    </>
  );
}

export default function ExportDialog() {
  const [format, setFormat] = useState<Format>('postgres');
  return (
    <Dialog className="io-dialog" label="Export" testId="export-dialog">
      <div className="io-body">
        <div className="io-tabs" role="tablist">
          {[...TEXT_FORMATS, 'migration' as const].map((f) => (
            <button key={f} role="tab" aria-selected={format === f} className={`io-tab${format === f ? ' active' : ''}`} data-testid={`export-format-${f}`} onClick={() => setFormat(f)}>
              {FORMAT_LABELS[f]}
            </button>
          ))}
        </div>
        {format === 'migration' ? <MigrationExportPanel /> : <TextExportPanel format={format} />}
      </div>
    </Dialog>
  );
}
