import { parse as parseConnectionString } from 'pg-connection-string';
import { describe, expect, it } from 'vitest';
import { parseKeywordValue, redactConnectionString, redactSecretsIn, UNREADABLE_CONNECTION_STRING } from './redact.ts';
import { cliInProcess } from '../testing/cli-in-process.ts';
import { checkDatabaseUrl } from './sql-client.ts';

/** [input, what it must show, secrets that must not appear]. */
const SPELLINGS: [string, string, string[]][] = [
  ['postgres://u:p@ss@host/db', 'postgres://u:***@host/db', ['p@ss', 'p%40ss', '@ss']],
  ['postgres://u:p%40ss@host/db', 'postgres://u:***@host/db', ['p%40ss', 'p@ss']],
  ['postgres://u:a:b:c@host:5433/db', 'postgres://u:***@host:5433/db', ['a:b:c', 'b:c']],
  ['postgres://u:@host/db', 'postgres://u@host/db', []],
  ['postgres://u@host/db', 'postgres://u@host/db', []],
  ['postgres://host/db', 'postgres://host/db', []],
  ['postgres://u@host/db?password=hunter22', 'postgres://u@host/db?password=***', ['hunter22']],
  ['postgres://u@host/db?sslmode=require&password=hunter22&application_name=x', 'postgres://u@host/db?sslmode=require&password=***&application_name=x', ['hunter22']],
  ['postgres://u@host/db?sslpassword=keypass1', 'postgres://u@host/db?sslpassword=***', ['keypass1']],
  ['postgres://u@host/db?PassWord=MiXeD123', 'postgres://u@host/db?PassWord=***', ['MiXeD123']],
  ['postgres://u@host/db?sslkey=/home/u/.pg/key.pem&api_token=tok999', 'postgres://u@host/db?sslkey=***&api_token=***', ['tok999', 'key.pem']],
  ['postgres://u@host/db?sslrootcert=-----BEGIN%20CERTIFICATE-----abc', 'postgres://u@host/db?sslrootcert=***', ['BEGIN', 'abc']],
  ['postgresql://u:s3cret@host/db', 'postgresql://u:***@host/db', ['s3cret']],
  ['postgres://u:s3cret@[::1]:5432/db', 'postgres://u:***@[::1]:5432/db', ['s3cret']],
  ['postgres://u:s3cret@%2Fvar%2Frun%2Fpostgresql/db', 'postgres://u:***@%2Fvar%2Frun%2Fpostgresql/db', ['s3cret']],
  ['postgres://u:s3cret@/db?host=/var/run/postgresql', 'postgres://u:***@/db?host=/var/run/postgresql', ['s3cret']],
  ['postgres://u:p ss word@host/db', 'postgres://u:***@host/db', ['p ss', 'ss%20word']],
  ['postgres://u:s3cret@host/db#frag', 'postgres://u:***@host/db', ['s3cret', 'frag']],
  ['mysql://u:secret@h/db', 'mysql://u:***@h/db', ['secret']],
  ['host=db.example port=5432 user=u password=hunter22 dbname=app', 'host=db.example port=5432 user=u password=*** dbname=app', ['hunter22']],
  ["host=h password='x y z' user=u", 'host=h password=*** user=u', ['x y z', 'x y']],
  ["host=h password = 'it\\'s' user=u", 'host=h password=*** user=u', ["it's", 'it\\']],
  ['host=/var/run/postgresql dbname=app sslpassword=kp1', 'host=/var/run/postgresql dbname=app sslpassword=***', ['kp1']],
  ["application_name='my app' PASSWORD=Up1", "application_name='my app' PASSWORD=***", ['Up1']],
  ['/var/run/postgresql app', '/var/run/postgresql app', []],
  ['pglite:/data/store', 'pglite:/data/store', []],
  ['pglite:memory:', 'pglite:memory:', []],
];

/** Not readable as a connection string: shown as a fixed placeholder, never echoed. */
const GARBAGE: string[] = [
  'hunter22', '', '   ', 'postgres://u:pa/ss@host/db', 'postgres://u:123?x@host', 'postgres://u:pa#ss@host/db',
  "host=h password='unterminated", 'host=h = x', 'postgres://[::1', '%%%', '=value',
];

describe('redactConnectionString', () => {
  it.each(SPELLINGS)('%s → %s', (input, shown, secrets) => {
    const safe = redactConnectionString(input);
    expect(safe).toBe(shown);
    for (const secret of secrets) expect(safe).not.toContain(secret);
  });

  it.each(SPELLINGS.filter(([input]) => /^postgres(ql)?:/.test(input) && !input.includes('sslkey') && !input.includes('sslrootcert')))(
    'hides the password pg itself would send: %s', (input) => {
      const { password } = parseConnectionString(input);
      if (password) expect(redactConnectionString(input)).not.toContain(password);
      expect(redactConnectionString(input)).not.toMatch(/hunter|s3cret|MiXeD|keypass/);
    });

  it.each(GARBAGE)('shows the placeholder for %j, never the input', (input) => {
    expect(redactConnectionString(input)).toBe(UNREADABLE_CONNECTION_STRING);
  });

  it.each([undefined, null, 42, {}])('never throws on %j', (input) => {
    expect(redactConnectionString(input)).toBe(UNREADABLE_CONNECTION_STRING);
  });
});

describe('parseKeywordValue', () => {
  it.each([
    ['host=h port=5', [{ name: 'host', value: 'h' }, { name: 'port', value: '5' }]],
    ["a = 'x y' b=c\\ d", [{ name: 'a', value: 'x y' }, { name: 'b', value: 'c d' }]],
    ["a=''", [{ name: 'a', value: '' }]],
    ['a', undefined],
    ['a=1 b', undefined],
  ])('%s', (input, pairs) => {
    expect(parseKeywordValue(input)).toEqual(pairs);
  });
});

describe('redactSecretsIn', () => {
  it.each([
    ['cannot connect to postgres://u:p@ss@h/db', 'postgres://u:p@ss@h/db', 'cannot connect to postgres://u:***@h/db'],
    ['host "p@ss" not found', 'postgres://u:p@ss@h/db', 'host "***" not found'],
    ['bad password hunter22 given', 'host=h password=hunter22', 'bad password *** given'],
    ['bad key tok999', 'postgres://h/db?api_token=tok999', 'bad key ***'],
    ['nothing to hide', 'postgres://u@h/db', 'nothing to hide'],
  ])('%s', (message, url, safe) => {
    expect(redactSecretsIn(message, url)).toBe(safe);
  });
});

describe('checkDatabaseUrl', () => {
  it.each([
    ['mysql://u:secret@h/db', 'secret', /unsupported database URL "mysql:\/\/u:\*\*\*@h\/db"/],
    ['u:secret@h/db', 'secret', /unsupported database URL "\(unreadable connection string\)"/],
    ['postgres://u:secret@[bad/db', 'secret', /not a valid connection URL: \(unreadable connection string\)/],
  ])('names %s without its password', (url, secret, message) => {
    let thrown: Error | undefined;
    try {
      checkDatabaseUrl(url);
    } catch (error) {
      thrown = error as Error;
    }
    expect(thrown?.message).toMatch(message);
    expect(thrown?.message).not.toContain(secret);
  });
});

describe('the CLI names a database URL without its secrets', () => {
  it.each([
    [['introspect', '--db', 'mysql://u:secret@h/db'], 'secret', 'mysql://u:***@h/db'],
    [['introspect', '--db', 'mysql://u:p@secret@h/db'], 'secret', 'mysql://u:***@h/db'],
    [['introspect', '--db', 'postgres://u:secret@127.0.0.1:1/db?sslpassword=other'], 'secret', '127.0.0.1:1'],
    [['introspect', '--db', 'u:secret@h'], 'secret', UNREADABLE_CONNECTION_STRING],
  ])('%j', async (argv, secret, shown) => {
    const { code, stdout, stderr } = await cliInProcess(argv, { 'doc.json': '{}' });
    expect(code).toBe(1);
    expect(stderr).toContain(shown);
    expect(stdout + stderr).not.toContain(secret);
  });
});
