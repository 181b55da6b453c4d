/** Ctrl/Cmd+K: type part of a name, Enter jumps to that table (or view, enum) or runs that command. */
import { useMemo, useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useStore } from '../store/index.ts';
import { focusNode } from '../canvas/commands.ts';
import { SHORTCUTS } from './shortcuts.ts';
import { Dialog } from './Dialog.tsx';

interface Entry { id: string; label: string; kind: string; run?: (flow: ReturnType<typeof useReactFlow>) => void }

/** The shortcut table doubles as the command list (minus the keys that only make sense as keys). */
const COMMANDS: Entry[] = SHORTCUTS
  .filter((s) => !['Ctrl/⌘ K', 'Esc', 'Ctrl/⌘ C', 'Ctrl/⌘ V'].includes(s.keys))
  .map((s) => ({ id: `command:${s.keys}`, label: s.label, kind: s.keys, run: s.run }));

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
  const startsWith = (e: Entry, q: string) => (e.run ? e.label : e.label.split('.')[1] ?? '').toLowerCase().startsWith(q);
  const q = query.trim().toLowerCase();
  const found = [
    ...entries.filter((e) => e.label.toLowerCase().includes(q)).sort((a, b) => Number(!startsWith(a, q)) - Number(!startsWith(b, q))),
    ...(q ? COMMANDS.filter((c) => c.label.toLowerCase().includes(q)) : []),
  ].slice(0, MAX);
  const close = () => useStore.getState().openDialog(null);
  const choose = (entry: Entry | undefined) => {
    if (!entry) return;
    close();
    if (entry.run) entry.run(flow);
    else focusNode(flow, entry.id);
  };
  const onKey = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown') { e.preventDefault(); setActive((i) => Math.min(i + 1, found.length - 1)); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); setActive((i) => Math.max(i - 1, 0)); }
    else if (e.key === 'Enter') choose(found[active]);
    else if (e.key === 'Escape') close();
  };
  return (
    <Dialog className="palette" label="Jump to a table or run a command" testId="command-palette" title={false}>
      <input
        autoFocus
        className="palette-input"
        data-testid="palette-input"
        placeholder="Jump to a table, or type a command…"
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
            <span>{entry.label}</span><span className="palette-kind">{entry.run ? <kbd>{entry.kind}</kbd> : entry.kind}</span>
          </li>
        ))}
        {!found.length && <li className="palette-empty">Nothing matches “{query}”</li>}
      </ul>
    </Dialog>
  );
}
