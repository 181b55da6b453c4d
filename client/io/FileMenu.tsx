/** The document menu: new (blank or from a template), projects, open and export files. */
import { useRef, useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import { templates } from '../../shared/model/templates/index.ts';
import { BLANK_TEMPLATE, openTemplate } from '../shell/boot.ts';
import { useStore } from '../store/index.ts';
import { readyToLeave, saveWithName } from '../data/project-autosave.ts';
import { exportImage } from './export-image.ts';
import { exportPdf, exportSvg } from './export-diagram.ts';
import { exportJson, openJsonFile } from './document-file.ts';
import { exportDocs } from './export-docs.ts';
import { ShareDialog } from '../share/ShareDialog.tsx';

function Item({ id, onClick, children }: { id: string; onClick: () => void; children: React.ReactNode }) {
  return <button role="menuitem" className="menu-item" data-testid={id} onClick={onClick}>{children}</button>;
}

export function FileMenu() {
  const [open, setOpen] = useState(false);
  const [sharing, setSharing] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const flow = useReactFlow();
  const hasSelection = useStore((s) => s.selection.size > 0);
  const isProject = useStore((s) => s.project.source === 'project');
  const run = (action: () => unknown) => () => { setOpen(false); void action(); };
  const newFrom = async (name: string) => {
    if (!(await readyToLeave())) return;
    openTemplate(name);
    if (window.location.pathname !== '/') window.history.pushState(null, '', '/');
  };
  return (
    <div className="menu" onBlur={(e) => !e.currentTarget.contains(e.relatedTarget) && setOpen(false)}>
      <button className="btn" data-testid="file-menu" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)}>File ▾</button>
      {open && (
        <div className="menu-list" role="menu">
          <div className="menu-label">New</div>
          {[BLANK_TEMPLATE, ...templates].map((t) => (
            <Item key={t.name} id={`new-${t.name}`} onClick={run(() => newFrom(t.name))}>{t.title}</Item>
          ))}
          <div className="menu-sep" />
          <Item id="save-project" onClick={run(saveWithName)}>{isProject ? 'Save as new project' : 'Save as project'}</Item>
          <Item id="open-projects" onClick={run(() => useStore.getState().openDialog('projects'))}>Projects…</Item>
          {isProject && <Item id="open-versions" onClick={run(() => useStore.getState().openDialog('versions'))}>Versions…</Item>}
          {isProject && <Item id="open-share" onClick={run(() => setSharing(true))}>Share a read-only link…</Item>}
          <Item id="open-user-name" onClick={run(() => useStore.getState().openDialog('user-name'))}>Your name…</Item>
          <div className="menu-sep" />
          <Item id="open-json" onClick={run(() => fileInput.current?.click())}>Open JSON…</Item>
          <Item id="import-open" onClick={run(() => useStore.getState().openDialog('import'))}>Import SQL/DBML…</Item>
          <Item id="export-open" onClick={run(() => useStore.getState().openDialog('export'))}>Export SQL, DBML, migrations…</Item>
          <Item id="export-json" onClick={run(exportJson)}>Export JSON</Item>
          <Item id="export-png" onClick={run(() => exportImage(flow, 'png', false))}>Export PNG</Item>
          <Item id="export-svg" onClick={run(() => exportSvg(flow, false))}>Export SVG</Item>
          <Item id="export-pdf" onClick={run(() => exportPdf(flow, false))}>Export PDF</Item>
          <Item id="export-docs-html" onClick={run(() => exportDocs(flow, 'html'))}>Export documentation (HTML)</Item>
          <Item id="export-docs-markdown" onClick={run(() => exportDocs(flow, 'markdown'))}>Export documentation (Markdown)</Item>
          {hasSelection && <Item id="export-png-selection" onClick={run(() => exportImage(flow, 'png', true))}>Export selection as PNG</Item>}
          {hasSelection && <Item id="export-svg-selection" onClick={run(() => exportSvg(flow, true))}>Export selection as SVG</Item>}
          {hasSelection && <Item id="export-pdf-selection" onClick={run(() => exportPdf(flow, true))}>Export selection as PDF</Item>}
        </div>
      )}
      {sharing && <ShareDialog onClose={() => setSharing(false)} />}
      <input
        ref={fileInput}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="open-json-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void openJsonFile(file);
        }}
      />
    </div>
  );
}
