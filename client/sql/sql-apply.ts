/**
 * The SQL pane, both ways: the user edits the DDL and applies it (button or Ctrl+Enter). The text is
 * imported with PostgreSQL's parser and replaces the model, with the ids (hence the layout) of every
 * table matched by name carried over, in one undoable step. A syntax error becomes a Monaco marker at
 * PostgreSQL's line and column, and the model is left as it was.
 *
 * While the text is being edited the editor keeps it (the model's DDL is not pushed over it); once
 * applied or discarded the pane shows the model's DDL again.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { OnMount } from '@monaco-editor/react';
import type { Model } from '../../shared/model/document.ts';
import { diff } from '../../shared/diff/diff.ts';
import { mergeModels } from '../../shared/model/merge.ts';
import { useStore } from '../store/index.ts';
import { withMissingPositions } from '../../shared/model/initial-layout.ts';
import { parseImport, warmImportParser, type ParseError } from '../io/import-parse.ts';
import { withoutNodes } from '../io/import-apply.ts';
import type { ImportOutcome } from '../store/import-outcome.ts';
import { monaco } from './monaco-setup.ts';

type EditorInstance = Parameters<OnMount>[0];
const OWNER = 'schemata-apply';

export interface ApplyStatus {
  kind: 'idle' | 'busy' | 'ok' | 'error';
  text: string;
  /** Where a syntax error is (1-based), for the marker and for tests. */
  line?: number;
  column?: number;
}

export interface SqlApply {
  /** What the editor shows: the model's DDL, or the text as it was when editing began. */
  value: string;
  dirty: boolean;
  /** The model changed while the text was being edited (applying replaces those changes). */
  stale: boolean;
  status: ApplyStatus;
  /** The last apply's report, if any statement was skipped or warned about. */
  outcome: ImportOutcome | null;
  onMount: (editor: EditorInstance) => void;
  onChange: (text: string | undefined) => void;
  apply: () => Promise<void>;
  discard: () => void;
}

function showError(editor: EditorInstance, error: ParseError): void {
  const model = editor.getModel();
  if (!model || !error.line) return;
  const line = Math.min(error.line, model.getLineCount());
  const column = error.column ?? 1;
  const word = model.getWordAtPosition({ lineNumber: line, column });
  const endColumn = word && word.startColumn === column ? word.endColumn : column + 1;
  monaco.editor.setModelMarkers(model, OWNER, [{
    severity: monaco.MarkerSeverity.Error, message: error.message,
    startLineNumber: line, startColumn: column, endLineNumber: line, endColumn,
  }]);
  editor.revealLineInCenterIfOutsideViewport(line);
  editor.setPosition({ lineNumber: line, column });
}

function clearMarkers(editor: EditorInstance | null): void {
  const model = editor?.getModel();
  if (model) monaco.editor.setModelMarkers(model, OWNER, []);
}

/** The model's own DDL read back (one at a time): what an unedited statement imports as. */
let shownParse: { text: string; model: Promise<Model | undefined> } | undefined;

function readBack(text: string): Promise<Model | undefined> {
  if (shownParse?.text !== text) {
    shownParse = { text, model: parseImport(text, 'sql').then((r) => (r.ok ? r.result.document.model : undefined)) };
  }
  return shownParse.model;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Ex: `const apply = useSqlApply(generatedSql)`, then `<Editor value={apply.value} onChange={apply.onChange} onMount={apply.onMount} />`. */
export function useSqlApply(generated: string): SqlApply {
  const [frozen, setFrozen] = useState<string | null>(null);
  const [status, setStatus] = useState<ApplyStatus>({ kind: 'idle', text: '' });
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const editor = useRef<EditorInstance | null>(null);
  const generatedRef = useRef(generated);
  generatedRef.current = generated;
  const frozenRef = useRef(frozen);
  frozenRef.current = frozen;
  // Another document opened (a project, an import, File → New): "Applied: 1 change" spoke of the one before.
  const loads = useStore((s) => s.loads);
  useEffect(() => {
    setStatus((s) => (s.kind === 'busy' ? s : { kind: 'idle', text: '' }));
    setOutcome(null);
  }, [loads]);

  const onChange = useCallback((text: string | undefined) => {
    const shown = frozenRef.current ?? generatedRef.current;
    if (text === shown) setFrozen(null);
    else if (frozenRef.current === null) {
      setFrozen(generatedRef.current);
      warmImportParser();
      void readBack(generatedRef.current);
    }
    clearMarkers(editor.current);
    setStatus((s) => (s.kind === 'error' || s.kind === 'ok' ? { kind: 'idle', text: '' } : s));
  }, []);

  const apply = useCallback(async () => {
    const ed = editor.current;
    if (!ed) return;
    const text = ed.getValue();
    const shown = frozenRef.current ?? generatedRef.current;
    setStatus({ kind: 'busy', text: 'Reading the SQL…' });
    const parsed = await parseImport(text, 'sql');
    if (!parsed.ok) {
      const where = parsed.error.line ? `Line ${parsed.error.line}, column ${parsed.error.column}: ` : '';
      setStatus({ kind: 'error', text: `${where}${parsed.error.message}. The model was not changed.`, line: parsed.error.line, column: parsed.error.column });
      showError(ed, parsed.error);
      return;
    }
    const state = useStore.getState();
    const base = state.doc;
    const incoming = parsed.result.document.model;
    const merged = mergeModels({ base: base.model, incoming, mode: 'replace', baseAsImported: await readBack(shown) });
    const changes = diff(base.model, merged.model);
    const { report } = parsed.result;
    const result: ImportOutcome = {
      source: 'SQL pane', format: 'sql', into: 'sql-pane', report, tables: incoming.tables.length, views: incoming.views.length,
      enums: incoming.enums.length, added: merged.added.length, removed: merged.removed.length, mergeWarnings: merged.warnings, ms: parsed.ms,
    };
    setOutcome(report.skipped.length || report.warnings.length ? result : null);
    useStore.setState({ importOutcome: result });
    clearMarkers(ed);
    setFrozen(null);
    if (!changes.length) {
      setStatus({ kind: 'ok', text: 'Applied: the model already says this.' });
      return;
    }
    state.editDocument((doc) => ({
      ...doc, model: merged.model, layout: withMissingPositions(merged.model, withoutNodes(doc.layout, merged.removed)),
    }));
    const counts = [plural(changes.length, 'change'), merged.added.length ? `${merged.added.length} new` : '', merged.removed.length ? `${merged.removed.length} removed` : '']
      .filter(Boolean).join(', ');
    setStatus({ kind: 'ok', text: `Applied: ${counts}.` });
  }, []);
  const applyRef = useRef(apply);
  applyRef.current = apply;

  const onMount = useCallback((instance: EditorInstance) => {
    editor.current = instance;
    instance.addAction({
      id: 'schemata.apply-sql',
      label: 'Apply SQL to model',
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
      run: () => void applyRef.current(),
    });
  }, []);

  const discard = useCallback(() => {
    setFrozen(null);
    clearMarkers(editor.current);
    setStatus({ kind: 'idle', text: '' });
    // The value prop does not change when nothing new was generated: put the model's DDL back by hand.
    editor.current?.setValue(generatedRef.current);
  }, []);

  useEffect(() => () => { editor.current = null; }, []);

  return {
    value: frozen ?? generated, dirty: frozen !== null, stale: frozen !== null && frozen !== generated,
    status, outcome, onMount, onChange, apply, discard,
  };
}
