/**
 * Event sourcing: append-only event streams (one version per event, never updated or deleted — a
 * trigger refuses it), snapshots to rebuild aggregates quickly, and read-side projections with the
 * checkpoint each projector has reached.
 */
import type { ModelDocument } from '../document.ts';
import { emptyModel, makeDocument } from '../empty.ts';
import { derivedId } from '../ids.ts';
import { table } from './build.ts';
import { layeredLayout } from './layout.ts';

const now = { type: 'timestamp with time zone', notNull: true, default: 'now()' } as const;

function tables() {
  const streams = table({
    name: 'streams', comment: 'One aggregate instance: its events share the stream id',
    columns: {
      stream_id: { type: 'uuid', notNull: true, default: 'gen_random_uuid()' },
      stream_type: { type: 'text', notNull: true, comment: 'Aggregate type, e.g. Account' },
      version: { type: 'integer', notNull: true, default: '0', comment: 'Version of the last event appended' },
      created_at: now,
    },
    primaryKey: ['stream_id'],
    indexes: [{ items: ['stream_type'] }],
  });
  const events = table({
    name: 'events', comment: 'Immutable facts, in append order (global_position) and per stream (version)',
    columns: {
      global_position: { type: 'bigint', notNull: true, identity: { kind: 'always' } },
      stream_id: { type: 'uuid', notNull: true },
      version: { type: 'integer', notNull: true },
      event_type: { type: 'text', notNull: true },
      event_data: { type: 'jsonb', notNull: true },
      metadata: { type: 'jsonb', notNull: true, default: "'{}'::jsonb", comment: 'Correlation and causation ids, user, …' },
      timestamp: now,
    },
    primaryKey: ['global_position'],
    // Optimistic concurrency: two writers appending the same version collide here.
    uniques: [{ columns: ['stream_id', 'version'] }],
    checks: [{ expression: 'version > 0' }],
    foreignKeys: [{ columns: ['stream_id'], references: 'streams', refColumns: ['stream_id'], onDelete: 'restrict' }],
    indexes: [{ items: ['event_type', 'global_position'] }, { method: 'gin', items: [{ column: 'event_data', opclass: 'jsonb_path_ops' }] }],
  });
  const snapshots = table({
    name: 'snapshots', comment: 'Aggregate state at a version, so replay starts there',
    columns: {
      stream_id: { type: 'uuid', notNull: true }, version: { type: 'integer', notNull: true },
      snapshot_data: { type: 'jsonb', notNull: true }, created_at: now,
    },
    primaryKey: ['stream_id', 'version'],
    foreignKeys: [{ columns: ['stream_id'], references: 'streams', refColumns: ['stream_id'], onDelete: 'cascade' }],
  });
  const checkpoints = table({
    name: 'projection_checkpoints', comment: 'How far each projector has read the event log',
    columns: {
      projection_name: { type: 'text', notNull: true }, last_position: { type: 'bigint', notNull: true, default: '0' }, updated_at: now,
    },
    primaryKey: ['projection_name'],
  });
  const balances = table({
    name: 'account_balances', comment: 'Read model: current balance per account, rebuilt from events',
    columns: {
      account_id: { type: 'uuid', notNull: true }, owner_name: { type: 'text', notNull: true },
      balance: { type: 'numeric(14,2)', notNull: true, default: '0' },
      last_position: { type: 'bigint', notNull: true, comment: 'global_position of the last event applied' }, updated_at: now,
    },
    primaryKey: ['account_id'],
    foreignKeys: [{ columns: ['account_id'], references: 'streams', refColumns: ['stream_id'] }],
  });
  return [streams, events, snapshots, checkpoints, balances];
}

const IMMUTABLE_FUNCTION = `CREATE FUNCTION public.reject_event_change() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
  RAISE EXCEPTION 'events are immutable: % is not allowed', TG_OP;
END
$$;`;

/** Ex: `buildEventStore().model.tables.map((t) => t.name)` → `['streams', 'events', …]`. */
export function buildEventStore(): ModelDocument {
  const model = emptyModel();
  model.tables.push(...tables());
  const events = model.tables[1];
  model.views.push({
    id: derivedId.view('public', 'stream_heads'), schema: 'public', name: 'stream_heads', materialized: false,
    comment: 'Latest version and event time per stream',
    definition: 'SELECT stream_id, max(version) AS version, max("timestamp") AS last_event_at FROM events GROUP BY stream_id',
    dependsOn: [events.id],
  });
  model.rawObjects.push(
    { id: derivedId.raw('function', 'public', 'reject_event_change'), kind: 'function', schema: 'public', name: 'reject_event_change', definition: IMMUTABLE_FUNCTION },
    {
      id: derivedId.raw('trigger', 'public', 'events_immutable'), kind: 'trigger', schema: 'public', name: 'events_immutable', tableId: events.id,
      definition: 'CREATE TRIGGER events_immutable BEFORE UPDATE OR DELETE ON public.events FOR EACH ROW EXECUTE FUNCTION public.reject_event_change();',
    },
  );
  return makeDocument(model, layeredLayout(model), 'Event store');
}
