/**
 * A throwaway certificate authority and a server certificate it signed for 127.0.0.1, made with the
 * `openssl` command line, for tests of TLS connections to a real PostgreSQL (`startCluster`'s `tls`).
 */
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface TestCa {
  /** The authority's certificate (PEM file): what a client must trust. */
  caFile: string;
  /** The server's certificate and key (PEM files), for IP 127.0.0.1. */
  certFile: string;
  keyFile: string;
}

/** Writes the files into `dir`. Ex: `const ca = await makeTestCa(tmp); startCluster(16, { tls: ca })`. */
export async function makeTestCa(dir: string): Promise<TestCa> {
  const file = (name: string) => join(dir, name);
  const ecKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  await run('openssl', ['req', '-x509', ...ecKey, '-keyout', file('ca.key'), '-out', file('ca.pem'), '-days', '2', '-subj', '/CN=Schemata test CA']);
  await run('openssl', ['req', ...ecKey, '-keyout', file('server.key'), '-out', file('server.csr'), '-subj', '/CN=127.0.0.1']);
  await writeFile(file('server.ext'), 'subjectAltName = IP:127.0.0.1\n');
  await run('openssl', ['x509', '-req', '-in', file('server.csr'), '-CA', file('ca.pem'), '-CAkey', file('ca.key'),
    '-CAcreateserial', '-out', file('server.crt'), '-days', '2', '-extfile', file('server.ext')]);
  return { caFile: file('ca.pem'), certFile: file('server.crt'), keyFile: file('server.key') };
}
