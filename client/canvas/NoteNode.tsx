/** A sticky note: free text on the diagram, kept in the layout (never in the schema). */
import { memo, useEffect, useState } from 'react';
import { NodeResizer, type NodeProps } from '@xyflow/react';
import { updateNote } from '../../shared/model/ops/layout.ts';
import { useStore } from '../store/index.ts';
import type { NoteFlowNode } from './to-flow.ts';

function saveNote(noteId: string, patch: Partial<{ text: string; width: number; height: number }>) {
  useStore.getState().editLayout((layout) => updateNote(layout, { noteId, patch }));
}

function NoteNodeView({ id, data, selected }: NodeProps<NoteFlowNode>) {
  const { note } = data;
  const [text, setText] = useState(note.text);
  useEffect(() => setText(note.text), [note.text]);
  return (
    <div
      className={`note-node${selected ? ' selected' : ''}`}
      data-testid="note-node"
      data-color={note.color ?? ''}
      style={{ width: note.width ?? 200, height: note.height ?? 120, ...(note.color ? { background: note.color, color: '#2b2a26' } : {}) }}
    >
      <NodeResizer
        isVisible={selected}
        minWidth={120}
        minHeight={60}
        onResizeEnd={(_, size) => saveNote(id, { width: Math.round(size.width), height: Math.round(size.height) })}
      />
      <div className="note-grip" title="Drag to move" />
      <textarea
        className="note-text nodrag nowheel"
        data-testid="note-text"
        placeholder="Note…"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => text !== note.text && saveNote(id, { text })}
      />
    </div>
  );
}

export const NoteNode = memo(NoteNodeView);
