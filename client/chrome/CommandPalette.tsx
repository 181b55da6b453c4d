/** Ctrl/Cmd+K: type part of a name, Enter jumps to that table (or view, enum). */
import { useMemo, useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useStore } from '../store/index.ts';
import { focusNode } from '../commands.ts';

interface Entry { id: string; label: string; kind: string }

const MAX = 50;

export function CommandPalette() {
  const model = useStore((s) => s.doc.model);
  const flow = useReactFlow();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const entries = useMemo<Entry[]>(() => [
    ...model.tables.map((t) => ({ id: t.id, label: `${t.schema}.${t.name}`, kind: 'table' })),
    ...model.views.map((v) => ({ id: v.id, label: `${v.schema}.${v.name}`, kind: v.materialized ? 'mat. view' : 'view' })),
    ...model.enums.map((e) => ({ id: e.id, label: `${e.schema}.${e.name}`, kind: 'enum' })),
  ], [model]);
  const q = query.trim().toLowerCase();
  const found = entries
    .filter((e) => e.label.toLowerCase().includes(q))
    .sort((a, b) => Number(!a.label.toLowerCase().split('.')[1].startsWith(q)) - Number(!b.label.toLowerCase().split('.')[1].startsWith(q)))
    .slice(0, MAX);
  const close = () => useStore.getState().openDialog(null);
  const choose = (entry: Entry | undefined) => {
    if (!entry) return;
    close();
    focusNode(flow, entry.id);
  };
  const onKey = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown') { e.preventDefault(); setActive((i) => Math.min(i + 1, found.length - 1)); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); setActive((i) => Math.max(i - 1, 0)); }
    else if (e.key === 'Enter') choose(found[active]);
    else if (e.key === 'Escape') close();
  };
  return (
    <div className="dialog-backdrop" onMouseDown={close}>
      <div className="dialog palette" role="dialog" aria-label="Jump to a table" data-testid="command-palette" onMouseDown={(e) => e.stopPropagation()}>
        <input
          autoFocus
          className="palette-input"
          data-testid="palette-input"
          placeholder="Jump to a table…"
          value={query}
          onChange={(e) => { setQuery(e.target.value); setActive(0); }}
          onKeyDown={onKey}
        />
        <ul className="palette-list" role="listbox">
          {found.map((entry, i) => (
            <li
              key={entry.id}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : ''}
              onMouseEnter={() => setActive(i)}
              onClick={() => choose(entry)}
            >
              <span>{entry.label}</span><span className="palette-kind">{entry.kind}</span>
            </li>
          ))}
          {!found.length && <li className="palette-empty">No table matches “{query}”</li>}
        </ul>
      </div>
    </div>
  );
}
