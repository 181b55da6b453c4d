/**
 * Who applied what: the name in `X-Schemata-User` is journaled with an apply and a revert (History
 * says "by <name>"); a missing or invalid header records no name and never refuses the apply.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { HistoryEntryResponse } from '../../shared/api/plans.ts';
import { encodeUserNameHeader, USER_NAME_HEADER } from '../../shared/api/user-name.ts';
import type { ModelDocument } from '../../shared/model/document.ts';
import { makeDocument } from '../../shared/model/empty.ts';
import { ADMIN_URL } from '../testing/throwaway-db.ts';
import { useTestStudio } from '../testing/throwaway-fixture.ts';

const { db: targetDb, server } = useTestStudio({ purpose: 'applied_by', store: 'postgres', server: true, timeoutMs: 60_000 });
let targetId: string;

beforeAll(async () => {
  targetId = (await server.request('POST', '/api/targets', { body: { name: 'T', url: targetDb.url, shadowUrl: ADMIN_URL } })).json.id;
});

const documentOf = (...names: string[]): ModelDocument => makeDocument({
  schemas: [{ id: 'schema_p', name: 'public' }], extensions: [], enums: [], domains: [], sequences: [], views: [], rawObjects: [],
  tables: names.map((name) => ({
    id: name, schema: 'public', name, uniques: [], checks: [], foreignKeys: [], indexes: [],
    columns: [{ id: `${name}_id`, name: 'id', type: { name: 'integer' }, notNull: false }],
  })),
});
const user = (header: string) => ({ [USER_NAME_HEADER]: header });
const latest = async (): Promise<HistoryEntryResponse> => (await server.request('GET', `/api/targets/${targetId}/history`)).json[0];

async function apply(document: ModelDocument, headers: Record<string, string>): Promise<string> {
  const plan = await server.request('POST', `/api/targets/${targetId}/plan`, { body: { document } });
  const res = await server.request('POST', `/api/targets/${targetId}/apply`, { body: { document, hash: plan.json.hash, acceptedHazards: plan.json.hazards }, headers });
  expect(res.status, res.text).toBe(200);
  return res.json.journalId;
}

describe('who applied what', () => {
  it('journals the name of an apply and of a revert, in any script', async () => {
    const id = await apply(documentOf('items'), user(encodeUserNameHeader('Zoë 山田')));
    expect(await latest()).toMatchObject({ id, appliedBy: 'Zoë 山田' });

    const path = `/api/targets/${targetId}/history/${id}/revert`;
    const plan = (await server.request('POST', `${path}/plan`, { body: {} })).json;
    const reverted = await server.request('POST', path, { body: { hash: plan.hash, acceptedHazards: plan.hazards }, headers: user('Ann') });
    expect(reverted.status, reverted.text).toBe(200);
    expect(await latest()).toMatchObject({ revertOf: id, appliedBy: 'Ann' });
  });

  it.each([
    ['absent', {}],
    ['not URI encoding', user('%E0%A4%A')],
    ['a control character', user('%1B%5B31m')],
    ['far too long', user('x'.repeat(5000))],
  ])('a header %s records no name and applies all the same', async (_, headers) => {
    const id = await apply(documentOf('items', `t_${Math.random().toString(36).slice(2, 8)}`), headers);
    const entry = await latest();
    expect(entry.id).toBe(id);
    expect(entry).not.toHaveProperty('appliedBy');
  });
});
