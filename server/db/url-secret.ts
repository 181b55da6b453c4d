/**
 * Target URLs (passwords included) are kept encrypted in the studio's store: AES-256-GCM, stored as
 * `enc:v1:<iv>:<tag>:<ciphertext>` (base64url parts). Someone who reads the store (a backup, a
 * shared PostgreSQL) learns nothing of the targets without the key.
 *
 * The key comes from `SCHEMATA_SECRET_KEY` when it is set: any string, stretched to 32 bytes with
 * scrypt (N=2^15, r=8, p=1) and the fixed salt `KEY_SALT`, so every studio given the same string has
 * the same key (what a shared store needs). Otherwise it is `<dataDir>/secret.key`: 32 random bytes,
 * mode 0600, made the first time the studio opens its targets and reused after.
 *
 * A studio that used its key file and is then given `SCHEMATA_SECRET_KEY` keeps the file as its
 * previous key (read, never made): what it sealed still opens, and the store seals it again with the
 * new key when it opens (`upgrade`), so the move happens once, by itself.
 */
import { createCipheriv, createDecipheriv, randomBytes, randomUUID, scrypt } from 'node:crypto';
import { chmod, link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export const SEALED_PREFIX = 'enc:v1:';
export const KEY_FILE = 'secret.key';
/** Fixed forever: changing it (or the scrypt parameters) makes every stored URL unreadable. */
export const KEY_SALT = 'schemata/target-url-key/v1';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

export interface SealedParts {
  iv: Buffer;
  tag: Buffer;
  ciphertext: Buffer;
}

/** A stored value that is not a URL this version can decrypt (damaged, or from a newer studio). */
export class SealedUrlMalformed extends Error {}
/** Decryption failed: the value was encrypted with another key (or altered). */
export class SecretKeyMismatch extends Error {}

/** Legacy rows (from before encryption) hold the URL itself; anything starting `enc:` is sealed. */
export const isSealed = (stored: string): boolean => stored.startsWith('enc:');

export function formatSealed({ iv, tag, ciphertext }: SealedParts): string {
  return SEALED_PREFIX + [iv, tag, ciphertext].map((part) => part.toString('base64url')).join(':');
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** The parts of a sealed value; throws `SealedUrlMalformed` (never quoting the value) when it is not one. */
export function parseSealed(stored: string): SealedParts {
  if (!stored.startsWith(SEALED_PREFIX)) {
    const version = /^enc:([^:]*)/.exec(stored)?.[1];
    throw new SealedUrlMalformed(version !== undefined ? `encrypted in an unknown format "${version.slice(0, 10)}"` : 'not encrypted');
  }
  const parts = stored.slice(SEALED_PREFIX.length).split(':');
  if (parts.length !== 3 || !parts.every((part) => BASE64URL.test(part))) {
    throw new SealedUrlMalformed('damaged: expected enc:v1:<iv>:<tag>:<ciphertext> in base64url');
  }
  const [iv, tag, ciphertext] = parts.map((part) => Buffer.from(part, 'base64url'));
  if (iv.length !== IV_BYTES) throw new SealedUrlMalformed(`damaged: the iv is ${iv.length} bytes, not ${IV_BYTES}`);
  if (tag.length !== TAG_BYTES) throw new SealedUrlMalformed(`damaged: the tag is ${tag.length} bytes, not ${TAG_BYTES}`);
  return { iv, tag, ciphertext };
}

export function sealUrl(url: string, key: Buffer): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(url, 'utf8'), cipher.final()]);
  return formatSealed({ iv, tag: cipher.getAuthTag(), ciphertext });
}

/** The URL of a sealed value; a legacy plain value is returned as it is. */
export function unsealUrl(stored: string, key: Buffer): string {
  if (!isSealed(stored)) return stored;
  const { iv, tag, ciphertext } = parseSealed(stored);
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch {
    throw new SecretKeyMismatch('encrypted with another key');
  }
}

/** The 32-byte key of a `SCHEMATA_SECRET_KEY` string (the same string gives the same key everywhere). */
export function keyFromSecret(secret: string): Promise<Buffer> {
  return new Promise((done, fail) => scrypt(secret, KEY_SALT, KEY_BYTES, SCRYPT, (error, key) => (error ? fail(error) : done(key))));
}

function checkedKey(path: string, content: Buffer): Buffer {
  if (content.length !== KEY_BYTES) {
    throw new Error(`${path} is ${content.length} bytes long, not ${KEY_BYTES}: it is not a Schemata secret key `
      + '(put the right file back, or set SCHEMATA_SECRET_KEY)');
  }
  return content;
}

/** Reads the key file, or creates it (0600) when absent. Two processes creating it at once get the same key. */
export async function loadKeyFile(path: string): Promise<Buffer> {
  try {
    return checkedKey(path, await readFile(path));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dirname(path), { recursive: true });
  // Written whole under a temporary name, then hard-linked into place: the key file appears complete
  // or not at all, and a link fails if another process made it first (whose key then wins).
  const temporary = `${path}.${randomUUID()}.tmp`;
  try {
    await writeFile(temporary, randomBytes(KEY_BYTES), { mode: 0o600, flag: 'wx' });
    await chmod(temporary, 0o600); // whatever the umask
    await link(temporary, path).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
  return checkedKey(path, await readFile(path));
}

/** Where the key comes from; with `SCHEMATA_SECRET_KEY`, `previousKeyFile` is the key file this studio used before, if any. */
export type KeySource = { kind: 'env'; previousKeyFile?: string } | { kind: 'file'; path: string };

/** Seals and opens target URLs with this studio's key. */
export interface UrlSecret {
  readonly source: KeySource;
  seal(url: string): string;
  /** Opens with the key, then the previous key; throws `SecretKeyMismatch` or `SealedUrlMalformed`, neither quoting the value. */
  unseal(stored: string): string;
  /** What to store instead: a plain URL sealed, a value sealed with the previous key sealed again with the key; else undefined. */
  upgrade(stored: string): string | undefined;
}

/**
 * The key file a studio given `SCHEMATA_SECRET_KEY` used before, if there is a usable one. Never
 * made; one that cannot be read or is not 32 bytes is passed over (start-up must not fail on a file
 * the key in use makes unneeded: its targets then say they were encrypted with another key).
 */
async function readPreviousKey(path: string): Promise<Buffer | undefined> {
  const content = await readFile(path).catch(() => undefined);
  return content?.length === KEY_BYTES ? content : undefined;
}

/** The URL when `key` opens the value; undefined when it was sealed with another key. */
function openedWith(stored: string, key: Buffer): string | undefined {
  try {
    return unsealUrl(stored, key);
  } catch (error) {
    if (error instanceof SecretKeyMismatch) return undefined;
    throw error;
  }
}

function secretOf(source: KeySource, key: Buffer, previous?: Buffer): UrlSecret {
  const seal = (url: string) => sealUrl(url, key);
  return {
    source,
    seal,
    unseal(stored) {
      const url = openedWith(stored, key) ?? (previous && openedWith(stored, previous));
      if (url === undefined) throw new SecretKeyMismatch('encrypted with another key');
      return url;
    },
    upgrade(stored) {
      if (!isSealed(stored)) return seal(stored);
      if (!previous) return undefined;
      try {
        if (openedWith(stored, key) !== undefined) return undefined;
        const url = openedWith(stored, previous);
        return url === undefined ? undefined : seal(url);
      } catch (error) {
        if (error instanceof SealedUrlMalformed) return undefined; // left as it is; using it says why
        throw error;
      }
    },
  };
}

export async function openUrlSecret(config: { secretKey?: string; dataDir: string }): Promise<UrlSecret> {
  const keyFile = join(config.dataDir, KEY_FILE);
  if (!config.secretKey) return secretOf({ kind: 'file', path: keyFile }, await loadKeyFile(keyFile));
  const [key, previous] = await Promise.all([keyFromSecret(config.secretKey), readPreviousKey(keyFile)]);
  return secretOf(previous ? { kind: 'env', previousKeyFile: keyFile } : { kind: 'env' }, key, previous);
}

/** Why a target's URL cannot be read, and what to do, naming the target (never its URL). */
export function unreadableMessage(target: { name: string }, problem: Error, source: KeySource): string {
  const subject = `cannot use target "${target.name}"`;
  if (!(problem instanceof SecretKeyMismatch)) return `${subject}: its stored URL is ${problem.message}; remove the target and add it again`;
  const fixes = 'set SCHEMATA_SECRET_KEY to the key of the studio that added it';
  if (source.kind === 'env') {
    const keys = source.previousKeyFile
      ? `neither this studio's SCHEMATA_SECRET_KEY nor its ${source.previousKeyFile}`
      : "another key than this studio's SCHEMATA_SECRET_KEY";
    return `${subject}: its URL was encrypted with ${keys}; ${fixes}, or remove the target and add it again`;
  }
  return `${subject}: its URL was encrypted with another key than this studio's ${source.path}; ${fixes} (or copy that studio's ${KEY_FILE} here), or remove the target and add it again`;
}
