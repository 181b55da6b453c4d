/** Saves a URL (data: or blob:) as a file through a temporary link. */
import { useStore } from '../store/index.ts';

export function download(url: string, filename: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
}

/** `E-commerce` → `e-commerce`: the open document's name as a file name. */
export function fileBaseName(): string {
  const name = useStore.getState().project.name || 'schemata';
  return name.trim().toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'schemata';
}
