/**
 * PNG and SVG of the diagram (whole, or the selection) with html-to-image. Only visible elements
 * are rendered while working, so export turns that off for a moment to draw every node.
 */
import { toPng, toSvg } from 'html-to-image';
import { getNodesBounds, getViewportForBounds, type ReactFlowInstance } from '@xyflow/react';
import { useStore } from '../store/index.ts';
import { download, fileBaseName } from './download.ts';

type Flow = Pick<ReactFlowInstance, 'getNodes'>;
const PADDING = 40;
const nextFrame = () => new Promise((done) => requestAnimationFrame(() => done(undefined)));

/** Keeps the nodes (and edges) to export; the minimap, controls and handles stay out. */
function keep(ids: Set<string> | undefined) {
  return (el: HTMLElement) => {
    if (!(el instanceof Element)) return true;
    if (el.classList.contains('react-flow__handle')) return false;
    if (!ids) return true;
    if (el.classList.contains('react-flow__node')) return ids.has(el.getAttribute('data-id') ?? '');
    if (el.classList.contains('react-flow__edge')) {
      const id = el.getAttribute('data-id') ?? el.getAttribute('data-testid')?.replace(/^rf__edge-/, '') ?? '';
      return ids.has(id);
    }
    return true;
  };
}

/** Ids of the selection plus the foreign keys between selected tables. */
function selectedIds(): Set<string> | undefined {
  const { selection, doc } = useStore.getState();
  const tables = doc.model.tables.filter((t) => selection.has(t.id));
  if (!selection.size) return undefined;
  const ids = new Set(selection);
  for (const t of tables) for (const fk of t.foreignKeys) if (selection.has(fk.refTableId)) ids.add(fk.id);
  return ids;
}

export async function exportImage(flow: Flow, format: 'png' | 'svg', onlySelection: boolean): Promise<void> {
  const ids = onlySelection ? selectedIds() : undefined;
  const nodes = flow.getNodes().filter((n) => !ids || ids.has(n.id));
  if (!nodes.length) return;
  useStore.getState().setExporting(true);
  try {
    await nextFrame();
    await nextFrame();
    const bounds = getNodesBounds(nodes);
    const width = Math.ceil(bounds.width + PADDING * 2);
    const height = Math.ceil(bounds.height + PADDING * 2);
    const viewport = getViewportForBounds(bounds, width, height, 1, 1, 0);
    const element = document.querySelector<HTMLElement>('.react-flow__viewport');
    if (!element) return;
    const background = getComputedStyle(document.body).backgroundColor;
    const options = {
      backgroundColor: background, width, height, skipFonts: true, filter: keep(ids),
      style: { width: `${width}px`, height: `${height}px`, transform: `translate(${viewport.x}px, ${viewport.y}px) scale(1)` },
    };
    const url = format === 'png' ? await toPng(element, { ...options, pixelRatio: 2 }) : await toSvg(element, options);
    download(url, `${fileBaseName()}.${format}`);
  } finally {
    useStore.getState().setExporting(false);
  }
}
