/**
 * The one place a connection string is made safe to show: every URL or keyword/value string that
 * reaches a response, a log line, an error message or the CLI's output goes through
 * `redactConnectionString`. Secrets are replaced by `***`:
 * - the password of the URL's userinfo, whatever it holds (raw `@` or `:`, percent-encoded bytes);
 * - the value of every parameter (URL query or keyword/value) whose name matches `SECRET_NAME`:
 *   `password`, `sslpassword` (the client key's passphrase), `sslkey`, and any `…pass…`, `…secret…`,
 *   `…key…`, `…token…` in any case (`PassWord=`, `api_token=`);
 * - the value of any parameter holding an inline PEM block (`-----BEGIN`), e.g. an `sslrootcert`
 *   or `sslcert` given as contents rather than a path.
 * Input that cannot be parsed is never echoed: it becomes `UNREADABLE_CONNECTION_STRING`.
 *
 * URLs are split the way `pg` (through `pg-connection-string`) splits them, with the WHATWG parser
 * and the same pre-encoding of spaces and stray `%`: the userinfo ends at the last `@` of the
 * authority, so `u:p@ss@host` has the password `p@ss`.
 */

export const REDACTED = '***';

/** Shown instead of a connection string that cannot be parsed (it may be a password pasted alone). */
export const UNREADABLE_CONNECTION_STRING = '(unreadable connection string)';

/** Parameter names whose values are secrets. */
export const SECRET_NAME = /pass|secret|key|token/i;

const INLINE_PEM = /-----BEGIN/;

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

export function isSecretParameter(name: string, value: string): boolean {
  return SECRET_NAME.test(name) || INLINE_PEM.test(value);
}

/** What `pg-connection-string` does before `new URL`: spaces and stray `%` would otherwise fail. */
function preEncoded(url: string): string {
  return / |%[^a-f0-9]|%[a-f0-9][^a-f0-9]/i.test(url) ? encodeURI(url).replace(/%25(\d\d)/g, '%$1') : url;
}

/** Placeholder host `pg-connection-string` also uses for `postgres://u:p@/db?host=/socket` (no host before the path). */
export const NO_HOST = '___DUMMY___';

/** The URL as `pg-connection-string` reads it (the placeholder host stands for none), or undefined. */
export function parsedUrl(text: string): URL | undefined {
  const encoded = preEncoded(text);
  try {
    return new URL(encoded);
  } catch {
    try {
      return new URL(encoded.replace('@/', `@${NO_HOST}/`));
    } catch {
      return undefined;
    }
  }
}

function redactUrlForm(text: string): string {
  const url = parsedUrl(text);
  if (!url) return UNREADABLE_CONNECTION_STRING;
  // An `@` after the host with none before it: a password holding `/`, `?` or `#` unencoded made the
  // parser split the URL early, so part of the password sits in the host, port, path or query.
  if (!url.username && !url.password && text.slice(url.protocol.length).includes('@')) return UNREADABLE_CONNECTION_STRING;
  if (url.password) url.password = REDACTED;
  if (url.hash) url.hash = '';
  const names = [...new Set([...url.searchParams.keys()])];
  for (const name of names) {
    if (url.searchParams.getAll(name).some((value) => isSecretParameter(name, value))) url.searchParams.set(name, REDACTED);
  }
  return url.href.replace(`@${NO_HOST}/`, '@/');
}

interface KeywordValue {
  name: string;
  value: string;
}

/**
 * libpq's keyword/value syntax: `name = value` pairs separated by spaces; a value is single-quoted
 * (with `\'` and `\\`) or a run of non-spaces (with backslash escapes). Undefined when malformed.
 */
export function parseKeywordValue(text: string): KeywordValue[] | undefined {
  const pairs: KeywordValue[] = [];
  let i = 0;
  const skipSpaces = () => { while (i < text.length && /\s/.test(text[i])) i++; };
  skipSpaces();
  while (i < text.length) {
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i))?.[0];
    if (!name) return undefined;
    i += name.length;
    skipSpaces();
    if (text[i] !== '=') return undefined;
    i++;
    skipSpaces();
    let value = '';
    if (text[i] === "'") {
      i++;
      while (i < text.length && text[i] !== "'") {
        if (text[i] === '\\' && i + 1 < text.length) i++;
        value += text[i++];
      }
      if (text[i] !== "'") return undefined;
      i++;
    } else {
      while (i < text.length && !/\s/.test(text[i])) {
        if (text[i] === '\\' && i + 1 < text.length) i++;
        value += text[i++];
      }
    }
    pairs.push({ name, value });
    skipSpaces();
  }
  return pairs.length ? pairs : undefined;
}

function quoted(value: string): string {
  return value === '' || /[\s'\\]/.test(value) ? `'${value.replace(/[\\']/g, (c) => `\\${c}`)}'` : value;
}

function redactKeywordValue(text: string): string {
  const pairs = parseKeywordValue(text);
  if (!pairs) return UNREADABLE_CONNECTION_STRING;
  return pairs.map(({ name, value }) => `${name}=${isSecretParameter(name, value) ? REDACTED : quoted(value)}`).join(' ');
}

/**
 * A connection string safe to show: `postgres://u:***@h/db?sslpassword=***`, `host=h password=***`,
 * `pglite:<dir>` and a bare unix-socket path as they are. Never throws; anything it cannot read
 * becomes `UNREADABLE_CONNECTION_STRING`.
 */
export function redactConnectionString(text: unknown): string {
  if (typeof text !== 'string' || text.trim() === '') return UNREADABLE_CONNECTION_STRING;
  const trimmed = text.trim();
  try {
    if (SCHEME.test(trimmed)) return redactUrlForm(trimmed);
    // The embedded database names a directory (`pglite:<dir>`, `pglite:memory:`): nothing secret in it.
    if (/^pglite:/i.test(trimmed)) return trimmed;
    // `pg`'s other spelling: `/var/run/postgresql [database]`.
    if (trimmed.startsWith('/') && !trimmed.includes('=')) return trimmed;
    return redactKeywordValue(trimmed);
  } catch {
    return UNREADABLE_CONNECTION_STRING;
  }
}

/** The secret values a connection string carries, as written and as decoded (for scrubbing messages). */
export function secretsOf(text: string): string[] {
  const secrets = new Set<string>();
  const add = (value: string) => {
    if (!value) return;
    secrets.add(value);
    try {
      secrets.add(decodeURIComponent(value));
    } catch {
      // Not percent-encoded: the raw form is enough.
    }
  };
  const trimmed = text.trim();
  if (SCHEME.test(trimmed)) {
    const url = parsedUrl(trimmed);
    if (url) {
      add(url.password);
      for (const [name, value] of url.searchParams) if (isSecretParameter(name, value)) add(value);
    }
    // The raw userinfo password (up to the last `@` of the authority) whatever the parser made of it.
    const authority = trimmed.replace(SCHEME, '').split(/[/?#]/)[0];
    const at = authority.lastIndexOf('@');
    const colon = authority.indexOf(':');
    if (at > 0 && colon >= 0 && colon < at) add(authority.slice(colon + 1, at));
  } else {
    for (const { name, value } of parseKeywordValue(trimmed) ?? []) if (isSecretParameter(name, value)) add(value);
  }
  return [...secrets].sort((a, b) => b.length - a.length);
}

/**
 * `message` with the connection string and each of its secrets replaced (a driver may quote the
 * URL, or a host made of part of a mistyped password). Used on every error a connection attempt
 * can raise before it leaves the server.
 */
export function redactSecretsIn(message: string, connectionString: string): string {
  let safe = connectionString ? message.split(connectionString).join(redactConnectionString(connectionString)) : message;
  for (const secret of secretsOf(connectionString)) safe = safe.split(secret).join(REDACTED);
  return safe;
}
