// `npm run bench -- together`: co-editing through a real studio process (dist/server, built by
// `npm run build`) on a PostgreSQL store at SCHEMATA_TEST_PG. Clients are y-websocket in this
// process, the library the page uses. Prints (1) the time from an edit in one client to the other
// client having it, and (2) how many editors one instance holds with each editing 5 times a second
// while the edit-to-everyone time stays under 200 ms (the bound).
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { emptyModel, makeDocument } from '../shared/model/empty.ts';
import { addTable, setTableComment } from '../shared/model/ops/tables.ts';
import type { ModelDocument } from '../shared/model/document.ts';
import { readDocument, sharedRoot, writeDocument } from '../shared/live/shared-document.ts';
import { createThrowawayDb } from '../server/testing/throwaway-db.ts';
import { startStudio, type BenchStudio } from './_studio.ts';

const BOUND_MS = 200;
const EDITS_PER_SECOND = 5;
const ROUND_MS = 6_000;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function client(studio: BenchStudio, projectId: string) {
  const withToken = class extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { authorization: `Bearer ${studio.token}` } });
    }
  };
  const ydoc = new Y.Doc();
  const provider = new WebsocketProvider(`${studio.url.replace(/^http/, 'ws')}/api/projects/${projectId}`, 'live', ydoc, {
    WebSocketPolyfill: withToken as unknown as typeof globalThis.WebSocket,
    // Through the server only: clients in one process would otherwise also talk over a BroadcastChannel.
    disableBc: true,
  });
  const synced = new Promise<void>((resolve) => provider.on('sync', (s: boolean) => s && resolve()));
  let made = 0;
  /**
   * Stamps table `tableId`'s comment with the time now, through the same mapping the page uses
   * (`writeDocument` of the change), kept cheap so the bench's own clients load the machine little.
   */
  let doc: ModelDocument | undefined;
  const stamp = (tableId: string) => {
    doc ??= readDocument(ydoc, undefined);
    const next = { ...doc, model: setTableComment(doc.model, { tableId, comment: String(performance.timeOrigin + performance.now()) }) };
    writeDocument(ydoc, doc, next, 'local');
    doc = next;
    made++;
  };
  return { ydoc, provider, synced, stamp, made: () => made };
}

/** Every stamp a client receives from others, as milliseconds since it was written. */
function watch(ydoc: Y.Doc, delays: number[]) {
  sharedRoot(ydoc).observeDeep((events) => {
    const now = performance.timeOrigin + performance.now();
    for (const event of events) {
      if (!(event instanceof Y.YMapEvent) || !event.keysChanged.has('comment')) continue;
      const written = Number((event.target as Y.Map<unknown>).get('comment'));
      if (written) delays.push(now - written);
    }
  });
}

async function main(): Promise<void> {
  const db = await createThrowawayDb('bench_together');
  const studio = await startStudio({ SCHEMATA_STORE_URL: db.url });
  try {
    let model = emptyModel();
    for (let i = 0; i < 200; i++) model = addTable(model, { id: `table:t${i}`, name: `t${i}`, withIdColumn: true });
    const created = await fetch(`${studio.url}/api/projects`, {
      method: 'POST', headers: { authorization: `Bearer ${studio.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'bench', document: makeDocument(model) }),
    }).then((r) => r.json() as Promise<{ id: string }>);
    console.log('project: 200 tables; a studio process with a PostgreSQL store; clients: y-websocket in the bench process');

    // 1. One editor, one watcher.
    process.setMaxListeners(200); // y-websocket adds an exit listener per provider
    const [a, b] = [client(studio, created.id), client(studio, created.id)];
    await Promise.all([a.synced, b.synced]);
    const delays: number[] = [];
    watch(b.ydoc, delays);
    for (let i = 0; i < 40; i++) {
      a.stamp('table:t0');
      await sleep(100);
    }
    console.log(`edit → other client: median ${percentile(delays, 50).toFixed(1)} ms, p95 ${percentile(delays, 95).toFixed(1)} ms (${delays.length} edits)`);
    for (const c of [a, b]) c.provider.destroy();

    // 2. More and more editors at 5 edits/s each; one more client watches.
    console.log(`editors at ${EDITS_PER_SECOND} edits/s each (${ROUND_MS / 1000} s per round): edit → watcher`);
    const editors: ReturnType<typeof client>[] = [];
    let held = 0;
    for (const count of [5, 10, 20, 30, 40, 60, 80]) {
      while (editors.length < count) editors.push(client(studio, created.id));
      await Promise.race([Promise.all(editors.map((e) => e.synced)), sleep(20_000).then(() => { throw new Error(`${editors.filter((e) => !e.provider.synced).length} of ${editors.length} clients never synced`); })]);
      const watcher = client(studio, created.id);
      await watcher.synced;
      const round: number[] = [];
      watch(watcher.ydoc, round);
      const madeBefore = editors.reduce((n, e) => n + e.made(), 0);
      const timers = editors.map((editor, i) => setInterval(() => editor.stamp(`table:t${i % 200}`), 1000 / EDITS_PER_SECOND));
      await sleep(ROUND_MS);
      timers.forEach(clearInterval);
      await sleep(500);
      watcher.provider.destroy();
      const p95 = percentile(round, 95);
      const made = editors.reduce((n, e) => n + e.made(), 0) - madeBefore;
      console.log(`  ${String(count).padStart(3)} editors: ${made} edits made, ${round.length} seen by the watcher, median ${percentile(round, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`);
      if (p95 > BOUND_MS) break;
      held = count;
    }
    console.log(`one instance holds ${held}+ editors at ${EDITS_PER_SECOND} edits/s within ${BOUND_MS} ms (p95), the bench's own clients sharing its 2 cores`);
    for (const e of editors) e.provider.destroy();
  } finally {
    await studio.stop();
    await db.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
