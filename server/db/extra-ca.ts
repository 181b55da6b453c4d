/**
 * The extra certificate authorities a CLI process trusts on TLS connections to PostgreSQL.
 *
 * Node trusts its bundled root certificates plus those of the file NODE_EXTRA_CA_CERTS names, but
 * Node 20 reads that file (and builds its whole root store) at every start, TLS or not. The
 * launcher (`bin/schemata`) therefore starts the CLI without it and passes the file on as
 * SCHEMATA_EXTRA_CA_CERTS, and a TLS connection gets the same trust as an explicit `ca`: the bundled
 * roots and the file's certificates together (a `ca` option replaces Node's defaults, it does not add
 * to them). A connection that names its own CA (`sslrootcert`) keeps it, as with Node's defaults.
 */
import { readFileSync } from 'node:fs';
import { rootCertificates, type ConnectionOptions } from 'node:tls';

/** Where the launcher puts the file NODE_EXTRA_CA_CERTS named. */
export const MOVED_EXTRA_CA_VARIABLE = 'SCHEMATA_EXTRA_CA_CERTS';

/** pg's `ssl` option: off, on with Node's defaults, or TLS options. */
export type SslOption = boolean | ConnectionOptions | undefined;

let extraCaFile: string | undefined;
let extraCa: string[] | undefined;

/** Called once by the CLI with SCHEMATA_EXTRA_CA_CERTS (undefined or empty: no extra CA). */
export function trustExtraCaFile(file: string | undefined): void {
  extraCaFile = file || undefined;
  extraCa = undefined;
}

/** True when TLS connections get the extra certificates (`withExtraCa` changes something). */
export function hasExtraCa(): boolean {
  return extraCaFile !== undefined;
}

/**
 * The file's text, read on the first TLS connection. Like Node, a file that cannot be read is a
 * warning and the bundled roots are trusted alone: the connection then fails (or not) on its own.
 */
function extraCertificates(file: string): string[] {
  if (!extraCa) {
    try {
      extraCa = [readFileSync(file, 'utf8')];
    } catch (error) {
      process.emitWarning(`Ignoring extra certs from \`${file}\`, load failed: ${(error as Error).message}`);
      extraCa = [];
    }
  }
  return extraCa;
}

/**
 * `ssl` with the extra certificates trusted beside the bundled roots. Ex: with the file set,
 * `withExtraCa({})` → `{ ca: [...rootCertificates, '<the file>'] }`; `false` and `{ ca }` unchanged.
 */
export function withExtraCa(ssl: SslOption): SslOption {
  if (!extraCaFile || !ssl) return ssl;
  const options = ssl === true ? {} : ssl;
  if (options.ca !== undefined) return ssl;
  return { ...options, ca: [...rootCertificates, ...extraCertificates(extraCaFile)] };
}

/** pg's reading of PGSSLMODE (connection-parameters.js), for a URL that sets no TLS mode of its own. */
export function sslOfEnvironmentMode(mode: string | undefined): SslOption {
  switch (mode) {
    case 'disable': return false;
    case 'prefer': case 'require': case 'verify-ca': case 'verify-full': return true;
    case 'no-verify': return { rejectUnauthorized: false };
    default: return undefined;
  }
}
