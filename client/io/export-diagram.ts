/**
 * SVG and PDF of the diagram (whole, or the selection), drawn from the model by
 * shared/diagram/svg.ts rather than copied from the page: plain shapes and text that any SVG
 * renderer draws the same. Sizes and positions are the canvas's, so the file matches the screen;
 * the theme is the one shown. The PDF library is loaded only when a PDF is asked for.
 */
import type { ReactFlowInstance } from '@xyflow/react';
import { diagramSvg } from '../../shared/diagram/svg.ts';
import type { Point } from '../../shared/diagram/edge-route.ts';
import { drawnSizes } from '../canvas/node-sizes.ts';
import { useStore } from '../store/index.ts';
import { download, fileBaseName } from './download.ts';

type Flow = Pick<ReactFlowInstance, 'getNodes'>;

/** The theme in effect: the one picked (<html data-theme>), else the system's. */
function shownTheme(): 'light' | 'dark' {
  const picked = document.documentElement.dataset.theme;
  if (picked === 'light' || picked === 'dark') return picked;
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** The diagram as SVG text, or undefined when there is nothing to draw. */
export function currentDiagramSvg(flow: Flow, onlySelection: boolean): string | undefined {
  const { doc, selection } = useStore.getState();
  const nodes = flow.getNodes();
  const only = onlySelection && selection.size ? new Set(selection) : undefined;
  const positions = new Map<string, Point>(nodes.map((n) => [n.id, n.position]));
  const measured = new Map(nodes.flatMap((n) => (n.measured?.width && n.measured.height ? [[n.id, { width: n.measured.width, height: n.measured.height }] as const] : [])));
  const sizes = drawnSizes(doc.model, doc.layout, (id) => measured.get(id));
  const drawn = nodes.some((n) => n.type !== 'area' && (!only || only.has(n.id)));
  if (!drawn) return undefined;
  return diagramSvg({ model: doc.model, layout: doc.layout, positions, sizes, theme: shownTheme(), only });
}

export function exportSvg(flow: Flow, onlySelection: boolean): void {
  const svg = currentDiagramSvg(flow, onlySelection);
  if (!svg) return;
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  download(url, `${fileBaseName()}.svg`);
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** PDF's page size limit (14,400 pt): a larger diagram is scaled down onto one page. */
const MAX_PAGE = 14_400;

/** A one-page vector PDF of the same SVG (svg2pdf.js draws it with jsPDF's own Helvetica and Courier). */
export async function exportPdf(flow: Flow, onlySelection: boolean): Promise<void> {
  const svg = currentDiagramSvg(flow, onlySelection);
  if (!svg) return;
  const [{ jsPDF }, { svg2pdf }] = await Promise.all([import('jspdf'), import('svg2pdf.js')]);
  const element = new DOMParser().parseFromString(svg, 'image/svg+xml').documentElement as unknown as SVGSVGElement;
  const [width, height] = [Number(element.getAttribute('width')), Number(element.getAttribute('height'))];
  const scale = Math.min(1, MAX_PAGE / Math.max(width, height));
  const [w, h] = [width * scale, height * scale];
  const pdf = new jsPDF({ orientation: w > h ? 'landscape' : 'portrait', unit: 'pt', format: [w, h], compress: true });
  // svg2pdf reads computed styles, so the SVG is attached (out of sight) while it is drawn.
  const holder = document.createElement('div');
  holder.style.cssText = 'position:fixed;left:-100000px;top:0;visibility:hidden';
  holder.appendChild(element);
  document.body.appendChild(holder);
  try {
    await svg2pdf(element, pdf, { x: 0, y: 0, width: w, height: h });
  } finally {
    holder.remove();
  }
  const url = URL.createObjectURL(pdf.output('blob'));
  download(url, `${fileBaseName()}.pdf`);
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
