import { describe, expect, it } from 'vitest';
import { catalogSnapshot } from './catalog-snapshot.ts';
import { useThrowawayDatabase } from './throwaway-fixture.ts';

const SCHEMA = `CREATE EXTENSION citext;
  CREATE SCHEMA app;
  CREATE TABLE app.t (id integer PRIMARY KEY, name citext DEFAULT 'x', n integer CHECK (n > 0));
  CREATE INDEX t_name_idx ON app.t (name);`;

describe('catalogSnapshot', () => {
  const dbs = [
    useThrowawayDatabase('snapshot_a', { setup: (c) => c.exec(SCHEMA) }),
    useThrowawayDatabase('snapshot_b', { setup: (c) => c.exec(SCHEMA.replace("DEFAULT 'x'", "DEFAULT 'y'")) }),
  ];

  it('is deterministic, schema-qualified, and leaves out system and extension-owned objects', async () => {
    const first = await catalogSnapshot(dbs[0].client);
    expect(await catalogSnapshot(dbs[0].client)).toEqual(first);
    expect(first.relations.map((r) => `${r.schema}.${r.name}`)).toEqual(['app.t']);
    expect(first.functions).toEqual([]); // citext's functions belong to the extension
    expect(first.extensions.map((e) => e.name)).toEqual(['citext', 'plpgsql']);
    expect(first.constraints.map((c) => c.name)).toEqual(['t_n_check', 't_pkey']);
    expect(first.indexes.map((x) => x.name)).toEqual(['t_name_idx', 't_pkey']);
  });

  it('tells two databases apart by what differs, and only that', async () => {
    const [a, b] = [await catalogSnapshot(dbs[0].client), await catalogSnapshot(dbs[1].client)];
    const differing = Object.keys(a).filter((key) => JSON.stringify(a[key as keyof typeof a]) !== JSON.stringify(b[key as keyof typeof b]));
    expect(differing).toEqual(['columns']);
    expect(a.columns.find((c) => c.name === 'name')?.default).toBe("'x'::citext");
  });
});
