/**
 * An import lands on the page: as a new document, or merged into the open one (tables matched by
 * schema and name keep their ids and positions). New objects first take a grid spot so the diagram
 * shows at once; for up to ARRANGE_AFTER_IMPORT_LIMIT objects the auto-layout then arranges them in its worker and the result
 * replaces the grid if nothing was edited meanwhile (see import-layout.ts for larger models).
 * The view: a new document is fitted when it loads (canvas/viewport-memory.ts); a merge is fitted
 * here, once its new objects have their place. Both with FIT_OPTIONS (never past the minimum zoom).
 */
import type { ReactFlowInstance } from '@xyflow/react';
import type { Layout, Model, ModelDocument } from '../../shared/model/document.ts';
import type { ImportFormat, ImportResponse } from '../../shared/api/import.ts';
import { mergeModels } from '../../shared/model/merge.ts';
import { autoLayout, type Size } from '../canvas/auto-layout.ts';
import { estimatedHeight, withMissingPositions } from '../../shared/model/initial-layout.ts';
import { useStore } from '../store/index.ts';
import type { ImportOutcome } from '../store/import-outcome.ts';
import { guessFormat, parseImport, type ParseError } from './import-parse.ts';
import { clusteredGrid, ARRANGE_AFTER_IMPORT_LIMIT } from './import-layout.ts';
import { readyToLeave } from '../data/project-autosave.ts';
import { FIT_OPTIONS } from '../canvas/level-of-detail.ts';

export type ImportTarget = 'new' | 'merge';
type Flow = Pick<ReactFlowInstance, 'fitView' | 'getInternalNode'>;

export interface ImportTextParams {
  text: string;
  format: ImportFormat;
  /** File name, or `pasted text`. */
  source: string;
  into: ImportTarget;
  flow?: Flow;
}

const state = () => useStore.getState();

/** Node sizes as React Flow measured them; estimates (header plus a row per column) for the rest. */
function nodeSizes(model: Model, flow: Flow | undefined): Map<string, Size> {
  const sizes = new Map<string, Size>();
  const put = (id: string, width: number, rows: number) => {
    const m = flow?.getInternalNode(id)?.measured;
    sizes.set(id, m?.width && m.height ? { width: m.width, height: m.height } : { width, height: estimatedHeight(rows) });
  };
  for (const t of model.tables) put(t.id, 260, t.columns.length);
  for (const v of model.views) put(v.id, 320, v.columns?.length ?? 1);
  for (const e of model.enums) put(e.id, 200, e.values.length);
  return sizes;
}

/** Lets React render the new nodes and React Flow measure them. */
const measured = () => new Promise((done) => window.setTimeout(done, 250));

/** Layout without the nodes of removed objects (and without them in subject areas). */
export function withoutNodes(layout: Layout, removed: readonly string[]): Layout {
  if (!removed.length) return layout;
  const gone = new Set(removed);
  const nodes = Object.fromEntries(Object.entries(layout.nodes).filter(([id]) => !gone.has(id)));
  const areas = layout.areas.map((a) => (a.tableIds.some((t) => gone.has(t)) ? { ...a, tableIds: a.tableIds.filter((t) => !gone.has(t)) } : a));
  return { ...layout, nodes, areas };
}

/** Runs the auto-layout on `ids` (all when absent) and applies it if the document is still `expected`. */
async function arrange(expected: ModelDocument, ids: readonly string[] | undefined, flow: Flow | undefined): Promise<void> {
  const only = ids ? new Set(ids) : undefined;
  const origin = ids?.length ? topLeft(expected.layout, ids) : { x: 0, y: 0 };
  const count = ids?.length ?? expected.model.tables.length + expected.model.views.length + expected.model.enums.length;
  const notice = { kind: 'info' as const, message: `Arranging ${count} objects… (the grid stays if you edit meanwhile)` };
  state().notify(notice);
  await measured();
  let positions;
  try {
    positions = await autoLayout(expected.model, nodeSizes(expected.model, flow), only, origin);
  } catch {
    positions = undefined; // the grid stays: a worse picture, not a failure
  }
  if (state().notice === notice) state().notify(null);
  if (!positions || state().doc !== expected) return;
  const layout = { ...expected.layout, nodes: { ...expected.layout.nodes } };
  for (const [id, p] of Object.entries(positions)) layout.nodes[id] = { ...layout.nodes[id], ...p };
  // A new document starts its history with the arranged layout; a merge moves in one more step.
  if (!ids) state().loadDocument({ ...expected, layout });
  else {
    state().moveNodes(positions);
    fitMerged(flow);
  }
}

/** Shows the whole merged model, its new objects in place (a new document is fitted as it loads). */
function fitMerged(flow: Flow | undefined): void {
  window.setTimeout(() => void flow?.fitView({ ...FIT_OPTIONS, duration: 300 }), 50);
}

function topLeft(layout: Layout, ids: readonly string[]) {
  const points = ids.map((id) => layout.nodes[id]).filter(Boolean);
  return { x: Math.min(...points.map((p) => p.x)), y: Math.min(...points.map((p) => p.y)) };
}

function openAsNew(result: ImportResponse, source: string, format: ImportFormat): ModelDocument {
  const name = source === 'pasted text' ? `Imported ${format.toUpperCase()}` : source.replace(/\.(sql|dbml)$/i, '') || 'Imported';
  const doc: ModelDocument = { ...result.document, name, layout: clusteredGrid(result.document.model, result.document.layout) };
  const s = state();
  s.loadDocument(doc);
  s.setProject({ name, source: 'file' });
  s.setSaveState('unsaved');
  s.select([]);
  if (window.location.pathname !== '/') window.history.pushState(null, '', '/');
  return doc;
}

/**
 * Parses the text and puts it on the page; returns the parse error (nothing changed) or undefined.
 * As a new model it first asks about unsaved work (Save / Discard / Cancel; Cancel changes nothing).
 * Ex: `await importText({ text, format: 'sql', source: 'pagila.sql', into: 'new', flow })`.
 */
export async function importText(params: ImportTextParams): Promise<ParseError | undefined> {
  const parsed = await parseImport(params.text, params.format);
  if (!parsed.ok) return parsed.error;
  const { result } = parsed;
  const incoming = result.document.model;
  const outcome: ImportOutcome = {
    source: params.source, format: params.format, into: params.into, report: result.report,
    tables: incoming.tables.length, views: incoming.views.length, enums: incoming.enums.length,
    added: 0, removed: 0, mergeWarnings: [], ms: parsed.ms,
  };
  if (params.into === 'new') {
    if (!(await readyToLeave())) return undefined;
    const doc = openAsNew(result, params.source, params.format);
    outcome.added = outcome.tables + outcome.views + outcome.enums;
    state().showImportOutcome(outcome);
    if (outcome.added <= ARRANGE_AFTER_IMPORT_LIMIT) void arrange(doc, undefined, params.flow);
    return undefined;
  }
  const base = state().doc;
  const merged = mergeModels({ base: base.model, incoming, mode: 'merge' });
  const doc: ModelDocument = { ...base, model: merged.model, layout: withMissingPositions(merged.model, base.layout) };
  state().editDocument(() => doc);
  Object.assign(outcome, { added: merged.added.length, removed: merged.removed.length, mergeWarnings: merged.warnings });
  state().showImportOutcome(outcome);
  if (merged.added.length && merged.added.length <= ARRANGE_AFTER_IMPORT_LIMIT) void arrange(doc, merged.added, params.flow);
  else fitMerged(params.flow);
  return undefined;
}

/** A dropped or picked file: format from its extension (or its first keyword). */
export async function importFile(file: File, into: ImportTarget, flow?: Flow): Promise<ParseError | undefined> {
  const text = await file.text();
  return importText({ text, format: guessFormat(text, file.name), source: file.name, into, flow });
}
