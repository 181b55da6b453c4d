import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  formatSealed, isSealed, keyFromSecret, loadKeyFile, openUrlSecret, parseSealed, sealUrl, SealedUrlMalformed,
  SecretKeyMismatch, unreadableMessage, unsealUrl,
} from './url-secret.ts';

const URL_WITH_PASSWORD = 'postgres://alice:s3cret@db.example:5432/app';
const parts = (iv = 12, tag = 16, ciphertext = 5) => ({ iv: Buffer.alloc(iv, 1), tag: Buffer.alloc(tag, 2), ciphertext: Buffer.alloc(ciphertext, 3) });

describe('formatSealed / parseSealed', () => {
  it('writes enc:v1:<iv>:<tag>:<ciphertext> in base64url and reads it back', () => {
    const sealed = formatSealed(parts());
    expect(sealed).toBe('enc:v1:AQEBAQEBAQEBAQEB:AgICAgICAgICAgICAgICAg:AwMDAwM');
    expect(parseSealed(sealed)).toEqual(parts());
  });

  it.each([
    ['postgres://a:b@h/db', /^not encrypted$/],
    ['enc:v2:AAAA:BBBB:CCCC', /^encrypted in an unknown format "v2"$/],
    ['enc:v1:AQEBAQEBAQEBAQEB:AgICAgICAgICAgICAgICAg', /damaged: expected enc:v1/],
    ['enc:v1:AQEBAQEBAQEBAQEB:AgICAgICAgICAgICAgICAg:AwMD:extra', /damaged: expected enc:v1/],
    ['enc:v1:AQEBAQEBAQEBAQEB:AgICAgICAgICAgICAgICAg:', /damaged: expected enc:v1/],
    ['enc:v1:AQEB+QEBAQEBAQEB:AgICAgICAgICAgICAgICAg:AwMD', /damaged: expected enc:v1/],
    [formatSealed(parts(8)), /^damaged: the iv is 8 bytes, not 12$/],
    [formatSealed(parts(12, 15)), /^damaged: the tag is 15 bytes, not 16$/],
  ])('refuses %s', (stored, message) => {
    expect(() => parseSealed(stored)).toThrow(SealedUrlMalformed);
    expect(() => parseSealed(stored)).toThrow(message);
  });

  it.each([
    ['enc:v1:x:y:z', true],
    ['enc:v9', true],
    ['postgres://a@h/db', false],
    ['postgresql://a:enc:@h/db', false],
  ])('isSealed(%s) is %s', (stored, expected) => {
    expect(isSealed(stored)).toBe(expected);
  });
});

describe('sealUrl / unsealUrl', () => {
  const key = randomBytes(32);

  it('round-trips, with a fresh iv each time and nothing of the URL in the clear', () => {
    const [one, two] = [sealUrl(URL_WITH_PASSWORD, key), sealUrl(URL_WITH_PASSWORD, key)];
    expect(one).not.toBe(two);
    for (const sealed of [one, two]) {
      expect(sealed).toMatch(/^enc:v1:[\w-]+:[\w-]+:[\w-]+$/);
      expect(sealed).not.toMatch(/s3cret|alice|db\.example/);
      expect(unsealUrl(sealed, key)).toBe(URL_WITH_PASSWORD);
    }
  });

  it('passes a legacy plain URL through', () => {
    expect(unsealUrl(URL_WITH_PASSWORD, key)).toBe(URL_WITH_PASSWORD);
  });

  it('refuses another key and an altered value alike, without quoting either', () => {
    const sealed = sealUrl(URL_WITH_PASSWORD, key);
    const { iv, tag, ciphertext } = parseSealed(sealed);
    ciphertext[0] ^= 1;
    for (const [stored, withKey] of [[sealed, randomBytes(32)], [formatSealed({ iv, tag, ciphertext }), key]] as const) {
      const error = (() => { try { unsealUrl(stored, withKey); } catch (e) { return e as Error; } })();
      expect(error).toBeInstanceOf(SecretKeyMismatch);
      expect(error?.message).toBe('encrypted with another key');
    }
  });
});

describe('keyFromSecret', () => {
  it('gives 32 bytes, the same for the same string on every studio (salt and parameters are pinned)', async () => {
    const key = await keyFromSecret('correct horse battery staple');
    expect(key.length).toBe(32);
    // Pinned (checked with Python's hashlib.scrypt): if this changes, every URL stored under SCHEMATA_SECRET_KEY becomes unreadable.
    expect(key.toString('hex')).toBe('65484a414e5ad5c3f764e7b616e43019397129915275b6209a82e5aa71692949');
    expect((await keyFromSecret('correct horse battery staple!')).equals(key)).toBe(false);
  });
});

describe('unreadableMessage', () => {
  const target = { name: 'Prod' };
  it.each([
    [new SecretKeyMismatch('encrypted with another key'), { kind: 'env' } as const,
      'cannot use target "Prod": its URL was encrypted with another key than this studio\'s SCHEMATA_SECRET_KEY; '
      + 'set SCHEMATA_SECRET_KEY to the key of the studio that added it, or remove the target and add it again'],
    [new SecretKeyMismatch('encrypted with another key'), { kind: 'file', path: '/d/secret.key' } as const,
      'cannot use target "Prod": its URL was encrypted with another key than this studio\'s /d/secret.key; '
      + 'set SCHEMATA_SECRET_KEY to the key of the studio that added it (or copy that studio\'s secret.key here), '
      + 'or remove the target and add it again'],
    [new SecretKeyMismatch('encrypted with another key'), { kind: 'env', previousKeyFile: '/d/secret.key' } as const,
      'cannot use target "Prod": its URL was encrypted with neither this studio\'s SCHEMATA_SECRET_KEY nor its /d/secret.key; '
      + 'set SCHEMATA_SECRET_KEY to the key of the studio that added it, or remove the target and add it again'],
    [new SealedUrlMalformed('encrypted in an unknown format "v2"'), { kind: 'env' } as const,
      'cannot use target "Prod": its stored URL is encrypted in an unknown format "v2"; remove the target and add it again'],
  ])('%s, key from %o', (problem, source, expected) => {
    expect(unreadableMessage(target, problem, source)).toBe(expected);
  });
});

describe('the key file', () => {
  let dir: string;
  beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'schemata-key-')); });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('is made on first use (32 bytes, mode 0600), then reused', async () => {
    const path = join(dir, 'made', 'secret.key');
    const key = await loadKeyFile(path);
    expect(key.length).toBe(32);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await loadKeyFile(path)).equals(key)).toBe(true);
    expect((await readFile(path)).equals(key)).toBe(true);
  });

  it('is made once when several open it at the same time', async () => {
    const path = join(dir, 'raced', 'secret.key');
    const keys = await Promise.all(Array.from({ length: 8 }, () => loadKeyFile(path)));
    expect(keys.every((key) => key.equals(keys[0]))).toBe(true);
  });

  it.each([0, 31, 64])('of %i bytes is refused with one line', async (size) => {
    const path = join(dir, `wrong-${size}.key`);
    await writeFile(path, Buffer.alloc(size));
    await expect(loadKeyFile(path)).rejects.toThrow(
      new Error(`${path} is ${size} bytes long, not 32: it is not a Schemata secret key (put the right file back, or set SCHEMATA_SECRET_KEY)`));
  });

  it('is not made when SCHEMATA_SECRET_KEY is given', async () => {
    const dataDir = join(dir, 'with-env');
    const secret = await openUrlSecret({ secretKey: 'team key', dataDir });
    expect(secret.source).toEqual({ kind: 'env' });
    await expect(stat(join(dataDir, 'secret.key'))).rejects.toThrow(/ENOENT/);
    const other = await openUrlSecret({ secretKey: 'team key', dataDir: join(dir, 'elsewhere') });
    expect(other.unseal(secret.seal(URL_WITH_PASSWORD))).toBe(URL_WITH_PASSWORD);
  });
});

describe('moving from the key file to SCHEMATA_SECRET_KEY', () => {
  let dir: string;
  let fileKey: Buffer;
  let envKey: Buffer;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'schemata-move-'));
    [fileKey, envKey] = await Promise.all([loadKeyFile(join(dir, 'secret.key')), keyFromSecret('team key')]);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));
  const moved = () => openUrlSecret({ secretKey: 'team key', dataDir: dir });

  it('keeps the key file as the previous key: what it sealed opens, and nothing else does', async () => {
    const secret = await moved();
    expect(secret.source).toEqual({ kind: 'env', previousKeyFile: join(dir, 'secret.key') });
    expect(secret.unseal(sealUrl(URL_WITH_PASSWORD, fileKey))).toBe(URL_WITH_PASSWORD);
    expect(secret.unseal(sealUrl(URL_WITH_PASSWORD, envKey))).toBe(URL_WITH_PASSWORD);
    expect(() => secret.unseal(sealUrl(URL_WITH_PASSWORD, randomBytes(32)))).toThrow(new SecretKeyMismatch('encrypted with another key'));
    expect(() => secret.unseal('enc:v2:AAAA')).toThrow(SealedUrlMalformed);
    expect(unsealUrl(secret.seal(URL_WITH_PASSWORD), envKey)).toBe(URL_WITH_PASSWORD);
  });

  // What the store writes in place of a stored value: 'env' = sealed with the env key, null = left as it is.
  it.each([
    ['a plain URL', () => URL_WITH_PASSWORD, 'env'],
    ['a URL sealed with the key file', () => sealUrl(URL_WITH_PASSWORD, fileKey), 'env'],
    ['a URL sealed with the env key', () => sealUrl(URL_WITH_PASSWORD, envKey), null],
    ['a URL sealed with a third key', () => sealUrl(URL_WITH_PASSWORD, randomBytes(32)), null],
    ['a damaged value', () => 'enc:v1:AQEB:AgIC:AwMD', null],
    ['a value of a newer format', () => 'enc:v2:AAAA:BBBB:CCCC', null],
  ])('upgrade of %s', async (_, stored, expected) => {
    const upgraded = (await moved()).upgrade(stored());
    if (expected === null) {
      expect(upgraded).toBeUndefined();
    } else {
      expect(unsealUrl(upgraded!, envKey)).toBe(URL_WITH_PASSWORD);
      expect(() => unsealUrl(upgraded!, fileKey)).toThrow(SecretKeyMismatch);
    }
  });

  it.each([
    ['no key file', null],
    ['a key file of the wrong size', Buffer.alloc(5)],
  ])('with %s, only plain URLs are upgraded, and start-up does not fail', async (_, content) => {
    const dataDir = await mkdtemp(join(dir, 'other-'));
    const keyFile = join(dataDir, 'secret.key');
    if (content) await writeFile(keyFile, content);
    const secret = await openUrlSecret({ secretKey: 'team key', dataDir });
    expect(secret.source).toEqual({ kind: 'env' });
    expect(secret.upgrade(sealUrl(URL_WITH_PASSWORD, fileKey))).toBeUndefined();
    expect(unsealUrl(secret.upgrade(URL_WITH_PASSWORD)!, envKey)).toBe(URL_WITH_PASSWORD);
    if (content) expect((await readFile(keyFile)).equals(content)).toBe(true);
    else await expect(stat(keyFile)).rejects.toThrow(/ENOENT/);
  });

  it('seals with the key alone: the key file never opens a newly sealed URL, and is left as it was', async () => {
    const secret = await moved();
    expect(() => unsealUrl(secret.seal(URL_WITH_PASSWORD), fileKey)).toThrow(SecretKeyMismatch);
    expect((await readFile(join(dir, 'secret.key'))).equals(fileKey)).toBe(true);
  });
});
