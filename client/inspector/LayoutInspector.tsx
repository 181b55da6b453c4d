/**
 * The inspector of what is drawn but is not schema: a subject area (name, colour, description, its
 * tables, each of which can be taken out) and a sticky note (colour). Every change is a layout op
 * from shared/model/ops/layout.ts: one undo step, never a schema change.
 */
import type { Layout, Model } from '../../shared/model/document.ts';
import { removeTablesFromArea, renameArea, setAreaColor, setAreaNote, setNoteColor } from '../../shared/model/ops/layout.ts';
import { AREA_COLORS } from '../canvas/areas.ts';
import { ColorSwatches } from './ColorSwatches.tsx';
import { TextField } from './TextField.tsx';
import './panels.css';

/** Light paper colours: the note's text stays dark on each of them, in either theme. */
export const NOTE_COLORS = ['#fff4b8', '#d9f2d0', '#d6e6ff', '#fde0ec', '#e9defc', '#eceff3'];

/** Applies one layout op as one undoable step; a refused op (ModelOpError) becomes a message. */
export type LayoutEdit = (op: (layout: Layout) => Layout) => void;

interface AreaProps {
  model: Model;
  area: Layout['areas'][number];
  edit: LayoutEdit;
}

export function AreaInspector({ model, area, edit }: AreaProps) {
  const areaId = area.id;
  const tables = area.tableIds.flatMap((id) => model.tables.filter((t) => t.id === id));
  return (
    <div className="inspector" data-testid="area-inspector" data-area={area.name}>
      <section className="inspector-section">
        <h4>Subject area</h4>
        <TextField value={area.name} label="Area name" testId="area-inspector-name" onCommit={(name) => edit((l) => renameArea(l, { areaId, name }))} />
        <ColorSwatches colors={AREA_COLORS} value={area.color} onChange={(color) => color && edit((l) => setAreaColor(l, { areaId, color }))} testIdPrefix="area-color" />
        <TextField value={area.note ?? ''} multiline placeholder="what this area is about" label="Area description" testId="area-inspector-note" onCommit={(note) => edit((l) => setAreaNote(l, { areaId, note }))} />
      </section>
      <section className="inspector-section" data-testid="area-inspector-tables">
        <h4>Tables</h4>
        {!tables.length && <div className="muted">No tables: select tables with the area and press Area to add them.</div>}
        {tables.map((t) => (
          <div key={t.id} className="row" data-testid="area-table" data-table={`${t.schema}.${t.name}`}>
            <span className="grow">{t.schema}.{t.name}</span>
            <button className="btn small" data-testid="area-table-remove" title="Take the table out of this area (it stays on the diagram)" onClick={() => edit((l) => removeTablesFromArea(l, { areaId, tableIds: [t.id] }))}>Take out</button>
          </div>
        ))}
      </section>
    </div>
  );
}

export function NoteInspector({ note, edit }: { note: Layout['notes'][number]; edit: LayoutEdit }) {
  return (
    <div className="inspector" data-testid="note-inspector">
      <section className="inspector-section">
        <h4>Sticky note</h4>
        <ColorSwatches colors={NOTE_COLORS} value={note.color} onChange={(color) => edit((l) => setNoteColor(l, { noteId: note.id, color }))} testIdPrefix="note-color" noneTitle="Theme colour" />
        <div className="muted">Notes are layout only: they never reach the SQL. Type on the note itself.</div>
      </section>
    </div>
  );
}
