/**
 * File ▸ Export documentation: the open document's data dictionary as one HTML page (diagrams,
 * search, works offline) or as Markdown, downloaded. The generators (shared/io/docs/) load only when
 * asked for, so the studio's first page does not carry them. Diagram boxes take the canvas's sizes.
 */
import type { ReactFlowInstance } from '@xyflow/react';
import { useStore } from '../store/index.ts';
import { download, fileBaseName } from './download.ts';

type Flow = Pick<ReactFlowInstance, 'getNodes'>;
export type DocsFormat = 'html' | 'markdown';

function save(text: string, type: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  download(url, fileName);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function exportDocs(flow: Flow, format: DocsFormat): Promise<void> {
  const { doc, project } = useStore.getState();
  const titled = { ...doc, name: doc.name || project.name || undefined };
  const base = `${fileBaseName()}-docs`;
  if (format === 'markdown') {
    const { docsMarkdown } = await import('../../shared/io/docs/markdown.ts');
    save(docsMarkdown(titled), 'text/markdown', `${base}.md`);
    return;
  }
  const { docsHtml } = await import('../../shared/io/docs/html.ts');
  const sizes = new Map(flow.getNodes().flatMap((n) =>
    (n.measured?.width && n.measured.height ? [[n.id, { width: n.measured.width, height: n.measured.height }] as const] : [])));
  const generatedAt = new Date().toISOString().replace(/:\d\d\.\d+Z$/, ' UTC').replace('T', ' ');
  save(docsHtml(titled, { sizes, generatedAt }), 'text/html', `${base}.html`);
}
