/**
 * Monaco bundled with the app, never fetched from a CDN (no request may leave 127.0.0.1). Imported
 * only by the lazily loaded SQL pane, so the first page does not pay for the editor.
 * Only the editor core, its features and the SQL language: all of `monaco-editor` would emit
 * megabytes of unused language workers.
 */
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/sql/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import { loader } from '@monaco-editor/react';

self.MonacoEnvironment = { getWorker: () => new EditorWorker() };
loader.config({ monaco: monaco as unknown as Parameters<typeof loader.config>[0]['monaco'] });

export { monaco };
