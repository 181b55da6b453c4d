/**
 * PNG of the diagram (whole, or the selection) with html-to-image. Only visible elements are
 * rendered while working, so export turns that off for a moment to draw every node. SVG and PDF
 * are drawn from the model instead (export-diagram.ts).
 */
import { toPng } from 'html-to-image';
import { getNodesBounds, getViewportForBounds, type ReactFlowInstance } from '@xyflow/react';
import { useStore } from '../store/index.ts';
import { download, fileBaseName } from './download.ts';

type Flow = Pick<ReactFlowInstance, 'getNodes'>;
const PADDING = 40;

/**
 * The style properties copied onto each cloned element. Copying every computed property (the
 * default) also copies hundreds of inherited custom properties per element and takes tens of
 * seconds; values are already resolved, so the variables themselves are not needed.
 */
const STYLE_PROPERTIES = [
  'display', 'position', 'top', 'left', 'right', 'bottom', 'width', 'height', 'min-width', 'max-width', 'min-height',
  'box-sizing', 'margin-top', 'margin-right', 'margin-bottom', 'margin-left',
  'padding-top', 'padding-right', 'padding-bottom', 'padding-left',
  'border-top-width', 'border-right-width', 'border-bottom-width', 'border-left-width',
  'border-top-style', 'border-right-style', 'border-bottom-style', 'border-left-style',
  'border-top-color', 'border-right-color', 'border-bottom-color', 'border-left-color',
  'border-top-left-radius', 'border-top-right-radius', 'border-bottom-left-radius', 'border-bottom-right-radius',
  'background-color', 'color', 'opacity', 'visibility', 'box-shadow', 'overflow', 'overflow-x', 'overflow-y',
  'font-family', 'font-size', 'font-weight', 'font-style', 'line-height', 'letter-spacing', 'text-transform',
  'text-overflow', 'text-align', 'white-space', 'vertical-align',
  'flex', 'flex-direction', 'flex-grow', 'flex-shrink', 'flex-basis', 'flex-wrap', 'align-items', 'justify-content', 'gap',
  'transform', 'transform-origin', 'z-index', 'pointer-events',
  'fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'marker-start', 'marker-end',
];
const nextFrame = () => new Promise((done) => requestAnimationFrame(() => done(undefined)));

const SVG_PAINT = ['fill', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray'] as const;

/**
 * html-to-image copies no styles onto the insides of an SVG, so edges and their ends would lose
 * the colors they get from CSS. Write them inline for the capture; returns the undo.
 */
function inlineSvgPaint(root: Element): () => void {
  const touched: Array<[SVGElement, string | null]> = [];
  for (const el of root.querySelectorAll<SVGElement>('svg path, svg circle')) {
    const computed = getComputedStyle(el);
    touched.push([el, el.getAttribute('style')]);
    for (const name of SVG_PAINT) el.style.setProperty(name, computed.getPropertyValue(name));
  }
  return () => {
    for (const [el, style] of touched) {
      if (style === null) el.removeAttribute('style');
      else el.setAttribute('style', style);
    }
  };
}

/** Keeps the nodes (and edges) to export; the minimap, controls and handles stay out. */
function keep(ids: Set<string> | undefined) {
  return (el: HTMLElement) => {
    if (!(el instanceof Element)) return true;
    if (el.classList.contains('react-flow__handle') || el.classList.contains('node-collapse')) return false;
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

export async function exportImage(flow: Flow, format: 'png', onlySelection: boolean): Promise<void> {
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
      backgroundColor: background, width, height, skipFonts: true, filter: keep(ids), includeStyleProperties: STYLE_PROPERTIES,
      style: { width: `${width}px`, height: `${height}px`, transform: `translate(${viewport.x}px, ${viewport.y}px) scale(1)` },
    };
    const restore = inlineSvgPaint(element);
    try {
      const url = await toPng(element, { ...options, pixelRatio: 2 });
      download(url, `${fileBaseName()}.${format}`);
    } finally {
      restore();
    }
  } finally {
    useStore.getState().setExporting(false);
  }
}
