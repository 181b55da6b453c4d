/**
 * Where the studio's access token comes from at start-up (`SCHEMATA_TOKEN`, or made at random), and
 * the rule that a studio listening beyond loopback must be given one: a token made at random is
 * printed in the terminal only, which is fine on your own machine, but a studio reachable from the
 * network should be started deliberately, with a token its operator chose and can share.
 */
import { makeToken } from './token.ts';

/** Anything else (0.0.0.0, a LAN address, a host name) is reachable from other machines. */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', '[::1]', 'localhost']);

/** A shorter token could be guessed by a patient client on the network. */
export const MIN_TOKEN_LENGTH = 16;

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.has(host.trim().toLowerCase());
}

/** The token to start with; throws a one-line Error when the environment does not allow a start. */
export function accessToken(env: NodeJS.ProcessEnv, host: string): string {
  const given = env.SCHEMATA_TOKEN?.trim();
  if (given) {
    if (given.length < MIN_TOKEN_LENGTH) {
      throw new Error(`SCHEMATA_TOKEN is ${given.length} characters long: use at least ${MIN_TOKEN_LENGTH} (e.g. openssl rand -hex 32)`);
    }
    return given;
  }
  if (!isLoopbackHost(host)) {
    throw new Error(`HOST=${host} makes the studio reachable from the network: set SCHEMATA_TOKEN too `
      + '(a secret of 16 characters or more, e.g. from openssl rand -hex 32), or listen on 127.0.0.1');
  }
  return makeToken();
}

/** The start-up link: opening it once sets the cookie (see `token.ts`). */
export function accessLink(baseUrl: string, token: string): string {
  return `${baseUrl}/?token=${encodeURIComponent(token)}`;
}
