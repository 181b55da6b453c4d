/**
 * The live SQL pane: Monaco showing the DDL of the model as it is edited. Selecting a table
 * scrolls to and selects its CREATE TABLE statement. Loaded lazily (see App).
 */
import './monaco-setup.ts';
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import Editor, { type OnMount } from '@monaco-editor/react';
import { generatePostgres } from '../../shared/ddl/generate.ts';
import { useStore } from '../store/index.ts';
import { selectModel } from '../store/selectors.ts';
import { useResolvedTheme } from '../shell/theme.ts';
import { statementLines } from './statement-range.ts';
import { useSqlApply } from './sql-apply.ts';
import { SqlApplyBar } from './SqlApplyBar.tsx';

type EditorInstance = Parameters<OnMount>[0];

function useGeneratedSql(shown: boolean): { sql: string; error?: string } {
  const live = useDeferredValue(useStore(selectModel));
  // The pane stays mounted while hidden: regenerating the DDL of a 2,000-table model on every
  // edit then costs hundreds of milliseconds for nothing. Catch up when the pane is shown.
  const generatedFor = useRef(live);
  if (shown) generatedFor.current = live;
  const model = generatedFor.current;
  return useMemo(() => {
    try {
      return { sql: generatePostgres(model) };
    } catch (error) {
      return { sql: '', error: error instanceof Error ? error.message : String(error) };
    }
  }, [model]);
}

function useSelectedTable() {
  return useStore((s) => {
    if (s.selection.size !== 1) return undefined;
    const [id] = s.selection;
    return s.doc.model.tables.find((t) => t.id === id);
  });
}

/** `readOnly` (a share link's page): the DDL to read and copy, no SQL-to-model apply bar. */
export default function SqlPanel({ readOnly = false }: { readOnly?: boolean }) {
  const shown = useStore((s) => s.rightTab === 'sql');
  const { sql, error } = useGeneratedSql(shown);
  const table = useSelectedTable();
  const theme = useResolvedTheme();
  // State, not a ref: Monaco mounts after the first render, and its mount must run the reveal
  // below for a table selected before the pane was first opened.
  const [ed, setEditor] = useState<EditorInstance | null>(null);
  const apply = useSqlApply(sql);

  useEffect(() => {
    if (!ed || !table || !shown) return;
    const range = statementLines(sql, table.schema, table.name);
    if (!range) return;
    // A pane that was hidden has no size until the next frame: reveal after it is laid out.
    const frame = requestAnimationFrame(() => {
      ed.layout();
      ed.revealLinesInCenterIfOutsideViewport(range.start, range.end);
      ed.setSelection({ startLineNumber: range.start, startColumn: 1, endLineNumber: range.end + 1, endColumn: 1 });
    });
    return () => cancelAnimationFrame(frame);
  }, [ed, sql, table, shown]);

  if (error) return <div className="sql-error" role="alert" data-testid="sql-error">DDL could not be generated: {error}</div>;
  return (
    <div className="sql-editor with-apply-bar" data-testid="sql-editor">
      {!readOnly && <SqlApplyBar apply={apply} />}
      <div className="sql-editor-body">
      <Editor
        language="sql"
        value={apply.value}
        onChange={apply.onChange}
        theme={theme === 'dark' ? 'vs-dark' : 'vs'}
        onMount={(instance) => { setEditor(instance); apply.onMount(instance); }}
        loading={<div className="pane-loading">Loading editor…</div>}
        options={{
          readOnly,
          editContext: false,
          minimap: { enabled: false },
          fontSize: 12,
          lineNumbersMinChars: 3,
          scrollBeyondLastLine: false,
          automaticLayout: true,
          renderLineHighlight: 'none',
          wordWrap: 'off',
          renderWhitespace: 'none',
          stickyScroll: { enabled: false },
        }}
      />
      </div>
    </div>
  );
}
