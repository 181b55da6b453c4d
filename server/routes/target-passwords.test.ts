/**
 * Passwords never leave the server: a target added with a password in any spelling is answered, listed
 * and renamed without it (PostgreSQL 15 on 127.0.0.1 trusts every password, so each one connects).
 */
import { describe, expect, it } from 'vitest';
import { useTestStudio } from '../testing/throwaway-fixture.ts';

const { db, server } = useTestStudio({ purpose: 'passwords', server: true });

/** [spelling, URL, the secret text that must appear nowhere]. */
const spellings = (name: string): [string, string, string][] => [
  ['raw @ in the password', `postgres://postgres:Raw@Secret1@127.0.0.1:5432/${name}`, 'Secret1'],
  ['percent-encoded @', `postgres://postgres:Enc%40Secret2@127.0.0.1:5432/${name}`, 'Secret2'],
  [': in the password', `postgres://postgres:Colon:Secret3@127.0.0.1:5432/${name}`, 'Secret3'],
  ['?password=', `postgres://postgres@127.0.0.1:5432/${name}?password=QuerySecret4`, 'QuerySecret4'],
  ['&password= in the middle', `postgres://postgres@127.0.0.1:5432/${name}?application_name=x&password=MidSecret5&connect_timeout=5`, 'MidSecret5'],
  ['sslpassword', `postgres://postgres@127.0.0.1:5432/${name}?sslpassword=KeySecret6`, 'KeySecret6'],
  ['mixed-case PassWord=', `postgres://postgres@127.0.0.1:5432/${name}?PassWord=CaseSecret7`, 'CaseSecret7'],
  ['postgresql:// scheme', `postgresql://postgres:Scheme%20Secret8@127.0.0.1:5432/${name}`, 'Secret8'],
  ['host in the query', `postgres://postgres:HostSecret9@/${name}?host=127.0.0.1`, 'HostSecret9'],
];

describe('target URLs in API responses', () => {
  it.each(spellings('DB'))('%s: add, list, rename and get never answer the password', async (_what, template, secret) => {
    const url = template.replace('/DB', `/${db.name}`);
    const added = await server.request('POST', '/api/targets', { body: { name: `t ${secret}`.replace(secret, 'x'), url } });
    expect(added.status, added.text).toBe(201);
    expect(added.text).not.toContain(secret);
    expect(added.json.displayUrl).toContain('127.0.0.1');
    const id = added.json.id as string;
    const listed = await server.request('GET', '/api/targets');
    expect(listed.text).toContain(id);
    expect(listed.text).not.toContain(secret);
    const renamed = await server.request('PATCH', `/api/targets/${id}`, { body: { name: 'renamed' } });
    expect(renamed.json).toMatchObject({ id, name: 'renamed' });
    expect(renamed.text).not.toContain(secret);
    const one = await server.request('POST', `/api/targets/${id}/test`);
    expect(one.json).toMatchObject({ ok: true });
    expect(one.text).not.toContain(secret);
    expect((await server.request('DELETE', `/api/targets/${id}`)).status).toBeLessThan(300);
  });

  it.each([
    ['IPv6 host nobody listens on', 'postgres://postgres:V6Secret10@[::1]:1/none', 'V6Secret10'],
    ['raw @ and an unknown host', 'postgres://postgres:Unknown@Secret11@nohost.invalid/none', 'Secret11'],
    ['a password with an unencoded /', 'postgres://postgres:Slash/Secret12@127.0.0.1:1/none', 'Secret12'],
  ])('%s: the refusal does not contain the password', async (_what, url, secret) => {
    const refused = await server.request('POST', '/api/targets', { body: { name: 'refused', url } });
    expect(refused.status).toBe(400);
    expect(refused.json.message).toBeTruthy();
    expect(refused.text).not.toContain(secret);
  });
});
