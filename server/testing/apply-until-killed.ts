/**
 * A studio that starts an apply and is killed during it (for `interrupted-apply.test.ts`): opens the
 * target service on `STORE_URL`, adds `TARGET_URL`, and applies "add column `note` to `held`" with
 * long timeouts. It prints `{"targetId":…}` once added and `step` as the step starts; the test holds
 * a lock on `held`, so the step waits until the test kills this process.
 */
import { introspect } from '../introspect/introspect.ts';
import { applyLive } from '../live/apply.ts';
import { planLive } from '../live/plan.ts';
import { openTargetService } from '../db/targets.ts';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

const service = await openTargetService({ storeUrl: env('STORE_URL'), dataDir: env('DATA_DIR'), secretKey: env('SECRET_KEY') });
const target = await service.add({ name: 'victim', url: env('TARGET_URL') });
process.stdout.write(`${JSON.stringify({ targetId: target.id })}\n`);
const client = await service.client(target.id);
const start = await introspect(client);
const wanted = structuredClone(start);
wanted.tables.find((t) => t.name === 'held')!.columns.push({ id: 'col_note', name: 'note', type: { name: 'text' }, notNull: false });
const planned = await planLive(client, wanted, start);
await applyLive(
  { id: target.id, client, baseline: start, setBaseline: (m) => service.setBaseline(target.id, m), record: (e) => service.journal.record(e) },
  {
    model: wanted, hash: planned.hash, acceptedHazards: planned.hazards, lockTimeoutMs: 120_000, statementTimeoutMs: 120_000,
    onStep: () => process.stdout.write('step\n'),
  },
);
process.stdout.write('finished\n');
await service.close();
