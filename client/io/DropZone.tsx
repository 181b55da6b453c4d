/**
 * Dropping a `.sql` or `.dbml` file on the diagram: while a file is dragged over the canvas two
 * targets appear, "open as a new model" and "merge into the open one".
 */
import { useEffect, useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useStore } from '../store/index.ts';
import { importFile, type ImportTarget } from './import-apply.ts';
import { warmImportParser } from './import-parse.ts';
import './io.css';

const hasFiles = (e: DragEvent | React.DragEvent) => [...(e.dataTransfer?.types ?? [])].includes('Files');

/** True while files are dragged anywhere over the window. */
function useDraggingFiles(): [boolean, (v: boolean) => void] {
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    let depth = 0;
    const enter = (e: DragEvent) => { if (hasFiles(e)) { depth += 1; setDragging(true); warmImportParser(); } };
    const leave = () => { depth = Math.max(0, depth - 1); if (!depth) setDragging(false); };
    const end = () => { depth = 0; setDragging(false); };
    // A file dropped beside the targets must not make the browser navigate away to show it.
    const keepPage = (e: DragEvent) => { if (hasFiles(e) && !e.defaultPrevented) e.preventDefault(); };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', end);
    window.addEventListener('dragend', end);
    window.addEventListener('dragover', keepPage);
    window.addEventListener('drop', keepPage);
    return () => {
      window.removeEventListener('dragover', keepPage);
      window.removeEventListener('drop', keepPage);
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', end);
      window.removeEventListener('dragend', end);
    };
  }, []);
  return [dragging, setDragging];
}

function Target({ into, title, hint, onDrop }: { into: ImportTarget; title: string; hint: string; onDrop: (into: ImportTarget, file: File) => void }) {
  const [over, setOver] = useState(false);
  return (
    <div
      className={`drop-target${over ? ' over' : ''}`}
      data-testid={`drop-${into}`}
      onDragOver={(e) => { e.preventDefault(); e.dataTransfer.dropEffect = 'copy'; setOver(true); }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const file = e.dataTransfer.files[0];
        if (file) onDrop(into, file);
      }}
    >
      <div><b>{title}</b>{hint}</div>
    </div>
  );
}

export function DropZone() {
  const [dragging, setDragging] = useDraggingFiles();
  const [busy, setBusy] = useState<string | null>(null);
  const flow = useReactFlow();
  const name = useStore((s) => s.project.name);
  const hasTables = useStore((s) => s.doc.model.tables.length > 0);
  const drop = async (into: ImportTarget, file: File) => {
    setDragging(false);
    setBusy(`Reading ${file.name}…`);
    const error = await importFile(file, into, flow);
    setBusy(null);
    if (error) {
      const where = error.line ? ` at line ${error.line}, column ${error.column}` : '';
      useStore.getState().notify({ kind: 'error', message: `${file.name} was not imported: ${error.syntax ? 'syntax error' : 'error'}${where}.\n${error.message}` });
    }
  };
  return (
    <>
      {dragging && (
        <div className={`drop-zone${hasTables ? '' : ' single'}`} data-testid="drop-zone" onDragOver={(e) => e.preventDefault()} onDrop={(e) => e.preventDefault()}>
          <Target into="new" title="Open as a new model" hint="a .sql (pg_dump works) or .dbml file" onDrop={(i, f) => void drop(i, f)} />
          {hasTables && <Target into="merge" title={`Merge into “${name}”`} hint="tables with the same name keep their place" onDrop={(i, f) => void drop(i, f)} />}
        </div>
      )}
      {busy && <div className="drop-busy" role="status" data-testid="drop-busy">{busy}</div>}
    </>
  );
}
