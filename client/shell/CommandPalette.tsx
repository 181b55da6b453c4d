/**
 * Ctrl/Cmd+K: type part of a name, Enter jumps to that table (or view, enum, column) or runs that
 * command. Ranking, schema-qualified and `table.column` queries: shared/model/search.ts.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useStore } from '../store/index.ts';
import { focusNode } from '../canvas/commands.ts';
import type { Model } from '../../shared/model/document.ts';
import { searchObjects, type ObjectHit } from '../../shared/model/object-search.ts';
import { buildSearchIndex, search } from '../../shared/model/search.ts';
import { SHORTCUTS } from './shortcuts.ts';
import { Dialog } from './Dialog.tsx';

type Flow = ReturnType<typeof useReactFlow>;
interface Command { id: string; label: string; keys: string; run: (flow: Flow) => void }
type Entry = ({ command?: undefined } & ObjectHit) | { command: Command; id: string; label: string };

/** The shortcut table doubles as the command list (minus the keys that only make sense as keys). */
const COMMANDS = buildSearchIndex(SHORTCUTS
  .filter((s) => !['Ctrl/⌘ K', 'Esc', 'Ctrl/⌘ C', 'Ctrl/⌘ V'].includes(s.keys))
  .map((s) => ({ value: { id: `command:${s.keys}`, label: s.label, keys: s.keys, run: s.run }, path: [s.label], name: s.label })));

const MAX = 50;

/** Objects (and their columns) first, then the commands that match; nothing but objects until something is typed. */
function find(model: Model, query: string, withCommands: boolean): Entry[] {
  const objects: Entry[] = searchObjects(model, query, MAX);
  if (!query.trim() || objects.length >= MAX || !withCommands) return objects;
  const commands = search(COMMANDS, query, MAX - objects.length).map((command) => ({ command, id: command.id, label: command.label }));
  return [...objects, ...commands];
}

/** `objectsOnly` (a share link's page): a search of the diagram, none of the commands that edit it. */
export function CommandPalette({ objectsOnly = false }: { objectsOnly?: boolean }) {
  const model = useStore((s) => s.doc.model);
  const flow = useReactFlow();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const found = useMemo(() => find(model, query, !objectsOnly), [model, query, objectsOnly]);
  const list = useRef<HTMLUListElement>(null);
  // Arrow keys can go past the list's visible part: keep the active row in view.
  useEffect(() => { list.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' }); }, [active, found]);
  const close = () => useStore.getState().openDialog(null);
  const choose = (entry: Entry | undefined) => {
    if (!entry) return;
    close();
    if (entry.command) entry.command.run(flow);
    else {
      focusNode(flow, entry.id);
      // A column opens its table in the inspector with the column highlighted and scrolled to.
      if (entry.kind === 'column') useStore.getState().showInInspector(entry.id, entry.columnId);
    }
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
      <ul ref={list} className="palette-list" role="listbox">
        {found.map((entry, i) => (
          <li
            key={entry.command ? entry.id : `${entry.id}:${entry.kind === 'column' ? entry.columnId : ''}`}
            data-testid="palette-item"
            data-kind={entry.command ? 'command' : entry.kind}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : ''}
            onMouseEnter={() => setActive(i)}
            onClick={() => choose(entry)}
          >
            <span>{entry.label}</span><span className="palette-kind">{entry.command ? <kbd>{entry.command.keys}</kbd> : entry.kind}</span>
          </li>
        ))}
        {!found.length && <li className="palette-empty">Nothing matches “{query}”</li>}
      </ul>
    </Dialog>
  );
}
