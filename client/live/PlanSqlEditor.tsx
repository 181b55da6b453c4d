/**
 * A plan's SQL in a read-only Monaco editor (the app's one Monaco setup), hazardous steps marked in
 * the gutter; `focus` scrolls to and selects a step's lines. Loaded lazily like the SQL pane.
 */
import '../sql/monaco-setup.ts';
import { useEffect, useRef } from 'react';
import Editor, { type OnMount } from '@monaco-editor/react';
import type { Step } from '../../shared/diff/types.ts';
import { useResolvedTheme } from '../shell/theme.ts';
import type { StepLines } from './plan-view.ts';

type EditorInstance = Parameters<OnMount>[0];

export interface PlanSqlEditorProps {
  text: string;
  lines: StepLines[];
  steps: readonly Step[];
  /** Index of the step to reveal, with a counter so clicking the same step again reveals it again. */
  focus?: { index: number; seq: number };
  testId?: string;
}

export default function PlanSqlEditor({ text, lines, steps, focus, testId = 'plan-sql' }: PlanSqlEditorProps) {
  const theme = useResolvedTheme();
  const editor = useRef<EditorInstance | null>(null);
  const decorations = useRef<ReturnType<EditorInstance['createDecorationsCollection']> | null>(null);

  const mark = () => {
    const ed = editor.current;
    if (!ed) return;
    decorations.current?.clear();
    decorations.current = ed.createDecorationsCollection(lines.flatMap((range, i) => (steps[i]?.hazards.length
      ? [{ range: { startLineNumber: range.start, startColumn: 1, endLineNumber: range.end, endColumn: 1 }, options: { isWholeLine: true, linesDecorationsClassName: 'plan-hazard-gutter' } }]
      : [])));
  };

  useEffect(mark, [text, lines, steps]);

  useEffect(() => {
    const ed = editor.current;
    const range = focus ? lines[focus.index] : undefined;
    if (!ed || !range) return;
    ed.revealLinesInCenterIfOutsideViewport(range.start, range.end);
    ed.setSelection({ startLineNumber: range.start, startColumn: 1, endLineNumber: range.end + 1, endColumn: 1 });
  }, [focus, lines]);

  return (
    <div className="plan-editor" data-testid={testId}>
      <Editor
        language="sql"
        value={text}
        theme={theme === 'dark' ? 'vs-dark' : 'vs'}
        onMount={(instance) => { editor.current = instance; mark(); }}
        loading={<div className="pane-loading">Loading editor…</div>}
        options={{
          readOnly: true, domReadOnly: true, editContext: false, minimap: { enabled: false }, fontSize: 12, lineNumbersMinChars: 3,
          scrollBeyondLastLine: false, automaticLayout: true, renderLineHighlight: 'none', wordWrap: 'on', glyphMargin: false,
        }}
      />
    </div>
  );
}
