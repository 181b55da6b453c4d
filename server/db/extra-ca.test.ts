import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rootCertificates } from 'node:tls';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { hasExtraCa, sslOfEnvironmentMode, trustExtraCaFile, withExtraCa, type SslOption } from './extra-ca.ts';

const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
let dir: string;
let file: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'schemata-extra-ca-unit-'));
  file = join(dir, 'extra.pem');
  await writeFile(file, PEM);
});
afterAll(() => rm(dir, { recursive: true, force: true }));
afterEach(() => trustExtraCaFile(undefined));

const trusted = [...rootCertificates, PEM];

describe('withExtraCa', () => {
  it.each<[string, SslOption, SslOption]>([
    ['no TLS stays without', false, false],
    ['TLS not asked for stays so', undefined, undefined],
    ["TLS on Node's defaults trusts the roots and the file", true, { ca: trusted }],
    ['TLS options keep theirs and trust both', { servername: 'db' }, { servername: 'db', ca: trusted }],
    ['an unverified connection keeps its setting', { rejectUnauthorized: false }, { rejectUnauthorized: false, ca: trusted }],
    ['a CA of its own (sslrootcert) is kept as it is', { ca: 'mine' }, { ca: 'mine' }],
  ])('%s', (_name, ssl, expected) => {
    trustExtraCaFile(file);
    expect(hasExtraCa()).toBe(true);
    expect(withExtraCa(ssl)).toEqual(expected);
  });

  it('changes nothing without a file (empty is none)', () => {
    trustExtraCaFile('');
    expect(hasExtraCa()).toBe(false);
    expect(withExtraCa(true)).toBe(true);
  });

  it('warns as Node does for a file it cannot read, and trusts the bundled roots alone', () => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    trustExtraCaFile(join(dir, 'missing.pem'));
    expect(withExtraCa({})).toEqual({ ca: [...rootCertificates] });
    expect(String(warn.mock.calls[0][0])).toMatch(/^Ignoring extra certs from `.*missing\.pem`, load failed: ENOENT/);
    warn.mockRestore();
  });
});

describe("sslOfEnvironmentMode reads PGSSLMODE as pg does", () => {
  it.each<[string | undefined, SslOption]>([
    [undefined, undefined], ['', undefined], ['disable', false], ['prefer', true], ['require', true],
    ['verify-ca', true], ['verify-full', true], ['no-verify', { rejectUnauthorized: false }], ['allow', undefined],
  ])('%s', (mode, expected) => {
    expect(sslOfEnvironmentMode(mode)).toEqual(expected);
  });
});
