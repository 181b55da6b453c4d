/** File ▸ Import SQL/DBML…: paste text or pick a file, into a new model or merged into the open one. */
import { useEffect, useRef, useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useStore } from '../store/index.ts';
import { importText, type ImportTarget } from './import-apply.ts';
import { guessFormat, warmImportParser, type ParseError } from './import-parse.ts';
import { Dialog } from '../shell/Dialog.tsx';
import './io.css';

function describe(error: ParseError): string {
  return error.line ? `Line ${error.line}, column ${error.column}: ${error.message}` : error.message;
}

export function ImportDialog() {
  const [text, setText] = useState('');
  const [source, setSource] = useState('pasted text');
  const [into, setInto] = useState<ImportTarget>('new');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ParseError | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const flow = useReactFlow();
  const docName = useStore((s) => s.project.name);
  const close = () => useStore.getState().openDialog(null);
  const format = guessFormat(text, source === 'pasted text' ? undefined : source);
  useEffect(warmImportParser, []);

  const pick = async (file: File | undefined) => {
    if (!file) return;
    setText(await file.text());
    setSource(file.name);
    setError(null);
  };
  const submit = async () => {
    setBusy(true);
    setError(null);
    const failed = await importText({ text, format, source, into, flow });
    setBusy(false);
    if (!failed) return;
    setError(failed);
    // Put the cursor on the offending line so the user can fix it in place.
    const ta = area.current;
    if (ta && failed.line) {
      const lines = text.split('\n');
      const offset = lines.slice(0, failed.line - 1).reduce((n, l) => n + l.length + 1, 0) + (failed.column ?? 1) - 1;
      ta.focus();
      ta.setSelectionRange(offset, offset + 1);
    }
  };

  return (
    <Dialog className="io-dialog" label="Import SQL or DBML" testId="import-dialog">
      <div className="io-body">
        <div className="io-row">
          <label className="btn">
            Choose a file…
            <input type="file" accept=".sql,.dbml,.txt,text/plain" hidden data-testid="import-file-input" onChange={(e) => void pick(e.target.files?.[0])} />
          </label>
          <span className="io-muted" data-testid="import-source">{source} · {format === 'dbml' ? 'DBML' : 'PostgreSQL'}{text ? ` · ${(text.length / 1024).toFixed(0)} KB` : ''}</span>
        </div>
        <textarea
          ref={area}
          className="io-text"
          data-testid="import-text"
          spellCheck={false}
          placeholder={'Paste PostgreSQL DDL (pg_dump output works) or DBML here, or drop a .sql / .dbml file on the diagram.'}
          value={text}
          onChange={(e) => { setText(e.target.value); setSource('pasted text'); setError(null); }}
        />
        {error && <div className="io-error" role="alert" data-testid="import-error">{error.syntax ? 'Syntax error. ' : ''}{describe(error)}<br />Nothing was imported.</div>}
        <div className="io-row">
          <label><input type="radio" name="import-into" checked={into === 'new'} onChange={() => setInto('new')} data-testid="import-into-new" /> A new model</label>
          <label><input type="radio" name="import-into" checked={into === 'merge'} onChange={() => setInto('merge')} data-testid="import-into-merge" /> Merge into “{docName}”</label>
        </div>
        <p className="io-muted">Merging keeps the ids and positions of tables with the same schema and name; new tables are laid out below.</p>
      </div>
      <div className="io-actions">
        <button className="btn" onClick={close}>Cancel</button>
        <button className="btn primary" disabled={!text.trim() || busy} onClick={() => void submit()} data-testid="import-submit">{busy ? 'Importing…' : 'Import'}</button>
      </div>
    </Dialog>
  );
}
