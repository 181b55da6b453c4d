/**
 * Studio instances sharing one PostgreSQL store hear each other through it: each relayed update is
 * a row in `schemata.live_updates`, announced by NOTIFY on `RELAY_CHANNEL` (store/co-editing.ts).
 * One dedicated connection per instance LISTENs; it reconnects after a failure, and a room opening
 * meanwhile catches up from the rows themselves.
 */
import pg from 'pg';
import { RELAY_CHANNEL } from '../store/co-editing.ts';

const RECONNECT_MS = 1000;

export interface RelayListener {
  close(): Promise<void>;
}

export function listenForRelays(url: string, heard: (rowId: number) => void, log: (message: string) => void): RelayListener {
  let client: pg.Client | undefined;
  let closed = false;
  let retry: ReturnType<typeof setTimeout> | undefined;

  const connect = async () => {
    const next = new pg.Client({ connectionString: url, application_name: 'schemata co-editing relay' });
    next.on('notification', (message) => {
      const id = Number(message.payload);
      if (Number.isSafeInteger(id)) heard(id);
    });
    next.on('error', (error) => {
      log(`co-editing relay: ${error.message}; reconnecting`);
      void next.end().catch(() => undefined);
      if (client === next) client = undefined;
      schedule();
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${RELAY_CHANNEL}`);
      if (closed) await next.end();
      else client = next;
    } catch (error) {
      log(`co-editing relay: could not listen (${error instanceof Error ? error.message : String(error)}); retrying`);
      void next.end().catch(() => undefined);
      schedule();
    }
  };
  const schedule = () => {
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      void connect();
    }, RECONNECT_MS);
    retry.unref();
  };
  void connect();

  return {
    async close() {
      closed = true;
      clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}
