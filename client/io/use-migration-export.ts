/**
 * The migration export of the panel: the browser's preview as soon as an input changes, then the
 * server's files (in PostgreSQL's spelling, as the CLI makes them) once the inputs rest. `files()`
 * gives what a download must hold: the server's files, waiting for them if they are on their way.
 */
import { useEffect, useRef, useState } from 'react';
import { migrationExport, migrationPreview, type MigrationExport, type MigrationExportParams } from './export-files.ts';

/** Inputs change with every keystroke in the name field: ask the server once they rest. */
const SETTLE_MS = 500;

export interface MigrationExportState {
  result: MigrationExport | null;
  error: string | null;
  /** The server's files for the current inputs (waits for them). */
  files: () => Promise<MigrationExport>;
}

export function useMigrationExport(params: MigrationExportParams, inputs: unknown[]): MigrationExportState {
  const [result, setResult] = useState<MigrationExport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const made = useRef<Promise<MigrationExport> | null>(null);
  const latest = useRef(params);
  latest.current = params;

  useEffect(() => {
    let current = true;
    let fromServer = false;
    made.current = null;
    migrationPreview(params).then(
      (preview) => { if (current && !fromServer) { setResult(preview); setError(null); } },
      (e: Error) => { if (current) setError(e.message); },
    );
    const timer = setTimeout(() => {
      const pending = migrationExport(params);
      made.current = pending;
      pending.then(
        (files) => { if (current) { fromServer = true; setResult(files); setError(null); } },
        (e: Error) => { if (current) setError(e.message); },
      );
    }, SETTLE_MS);
    return () => { current = false; clearTimeout(timer); };
  }, inputs); // `inputs` lists what `params` is made of (a new object each render)

  const files = () => made.current ?? (made.current = migrationExport(latest.current));
  return { result, error, files };
}
