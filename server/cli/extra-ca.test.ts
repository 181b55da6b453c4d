/**
 * The launcher (bin/schemata) starts Node without NODE_EXTRA_CA_CERTS; a TLS connection still trusts
 * the certificates that file holds. Checked on a real PostgreSQL serving TLS with a certificate of a
 * throwaway authority that only that file names.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelDocument } from '../../shared/model/document.ts';
import { sh, shellQuote } from '../testing/cli-process.ts';
import { startCluster, type MajorCluster } from '../testing/pg-majors.ts';
import { makeTestCa, type TestCa } from '../testing/test-ca.ts';

let scratch: string;
let ca: TestCa;
let cluster: MajorCluster;
let tlsUrl: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'schemata-extra-ca-'));
  ca = await makeTestCa(scratch);
  cluster = await startCluster(16, { tls: ca });
  tlsUrl = `${cluster.url}?sslmode=verify-full`;
}, 120_000);

afterAll(async () => {
  await cluster?.stop();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

/** A command line with the environment variables set (or unset, for undefined) before it. */
function withEnv(env: Record<string, string | undefined>, command: string): string {
  const settings = Object.entries(env).map(([name, value]) => (value === undefined ? `unset ${name};` : `export ${name}=${shellQuote(value)};`));
  return `${settings.join(' ')} ${command}`;
}

const introspect = (launcher: string) => `${launcher} introspect --db ${shellQuote(tlsUrl)}`;

describe('TLS trust with NODE_EXTRA_CA_CERTS', () => {
  it('through the launcher, a connection verified against the file reads the database', async () => {
    const run = await sh(withEnv({ NODE_EXTRA_CA_CERTS: ca.caFile, PGSSLMODE: undefined }, introspect('bin/schemata')));
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect((JSON.parse(run.stdout) as ModelDocument).model.schemas.map((s) => s.name)).toEqual(['public']);
  });

  it('through the launcher, with the URL setting no TLS mode, PGSSLMODE asks for it and the file is trusted', async () => {
    const run = await sh(withEnv({ NODE_EXTRA_CA_CERTS: ca.caFile, PGSSLMODE: 'verify-full' }, `bin/schemata introspect --db ${shellQuote(cluster.url)}`));
    expect([run.code, run.stderr]).toEqual([0, '']);
  });

  it('without the file, the same connection refuses the server certificate', async () => {
    const run = await sh(withEnv({ NODE_EXTRA_CA_CERTS: undefined, PGSSLMODE: undefined }, introspect('bin/schemata')));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/certificate/i);
  });

  it('node dist/server/cli.js, which Node gives the file itself, reads the database too', async () => {
    const run = await sh(withEnv({ NODE_EXTRA_CA_CERTS: ca.caFile, PGSSLMODE: undefined }, introspect('node dist/server/cli.js')));
    expect([run.code, run.stderr]).toEqual([0, '']);
  });

  it('the launcher starts Node without NODE_EXTRA_CA_CERTS and hands the file on', async () => {
    // NODE_OPTIONS splits on spaces: the module has none.
    const printEnv = 'data:text/javascript,process.stderr.write(JSON.stringify([process.env.NODE_EXTRA_CA_CERTS||null,process.env.SCHEMATA_EXTRA_CA_CERTS||null]))';
    const run = await sh(withEnv({ NODE_EXTRA_CA_CERTS: ca.caFile, NODE_OPTIONS: `--import=${printEnv}` }, 'bin/schemata templates'));
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stderr)).toEqual([null, ca.caFile]);
  });
});
