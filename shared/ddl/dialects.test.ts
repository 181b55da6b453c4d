import { describe, expect, it } from 'vitest';
import { translateExpr, type ExprTarget } from './dialect-expr.ts';
import { translateDefault } from './dialect-defaults.ts';
import { mapColumnType, MYSQL_TYPES, SQLITE_TYPES, type MappedColumnType } from './type-maps.ts';
import { generateMysql, quoteMysqlIdent, quoteMysqlLiteral } from './mysql.ts';
import { generateSqlite, quoteSqliteIdent } from './sqlite.ts';
import { POSTGRES_TYPES, parseTypeText } from '../model/types.ts';
import { emptyModel } from '../model/empty.ts';
import { buildModel } from '../model/model-builder.ts';
import { table } from '../model/templates/build.ts';
import { dialectEdgeModel } from './__fixtures__/dialect-edge-model.ts';
import { DEFAULT_DIALECT, DIALECTS, dialect, findDialect } from './dialects.ts';

const mysql: ExprTarget = { dialect: 'mysql', quoteIdent: quoteMysqlIdent, columns: new Set(['status', 'order', 'price']) };
const sqlite: ExprTarget = { dialect: 'sqlite', quoteIdent: quoteSqliteIdent, columns: new Set(['status', 'order', 'price']) };

describe('translateExpr', () => {
  it.each([
    ['mysql', "status = ANY (ARRAY['a'::text, 'b'::text])", "`status` IN ('a', 'b')"],
    ['sqlite', "status = ANY (ARRAY['a'::text, 'b'::text])", `"status" IN ('a', 'b')`],
    ['mysql', "status <> ALL (ARRAY['x'::character varying])", "`status` NOT IN ('x')"],
    ['mysql', '(price)::numeric(10,2) > (0)::numeric', '(`price`) > (0)'],
    ['mysql', '"order" > 0 AND price IS NOT NULL', '`order` > 0 AND `price` IS NOT NULL'],
    ['mysql', "status ~ '^a\\d'", "`status` REGEXP '^a\\\\d'"],
    ['mysql', "status !~* 'x'", "`status` NOT REGEXP 'x'"],
    ['sqlite', "lower(status) || 'x'", `lower("status") || 'x'`],
    ['sqlite', "'2020-01-01'::date < CURRENT_DATE", "'2020-01-01' < CURRENT_DATE"],
    ['mysql', "status ~ E'^\\d{11}$'", "`status` REGEXP '^\\d{11}$'"],
    ['sqlite', "status = E'it\\'s\\n'", `"status" = 'it''s\n'`],
    ['mysql', 'price IS DISTINCT FROM 0', 'NOT (`price` <=> 0)'],
    ['mysql', 'price IS NOT DISTINCT FROM 0', '(`price` <=> 0)'],
    ['sqlite', 'price IS DISTINCT FROM 0', '("price" IS NOT 0)'],
    ['sqlite', 'price IS NOT DISTINCT FROM 0', '("price" IS 0)'],
    ['mysql', 'price + 1 IS DISTINCT FROM "order" * 2 AND status IS NOT NULL', 'NOT ((`price` + 1) <=> (`order` * 2)) AND `status` IS NOT NULL'],
    ['mysql', '(price IS DISTINCT FROM 0) IS DISTINCT FROM (status IS NOT DISTINCT FROM \'a\'::text)', "NOT ((NOT (`price` <=> 0)) <=> ((`status` <=> ('a'))))"],
    ['sqlite', 'NOT price IS DISTINCT FROM coalesce("order", 1)', 'NOT ("price" IS NOT coalesce("order", 1))'],
  ] as const)('%s: %s → %s', (dialect, input, output) => {
    expect(translateExpr(input, dialect === 'mysql' ? mysql : sqlite)).toMatchObject({ ok: true, sql: output });
  });

  it.each([
    ['mysql', "status ILIKE 'a%'", 'ILIKE'],
    ['sqlite', "status ~ 'a'", 'regular expression'],
    ['mysql', 'array_length(tags, 1) > 0', 'array_length()'],
    ['mysql', "status || 'x' = 'ax'", 'operator ||'],
    ['mysql', 'tags[1] = 2', 'operator ['],
    ['sqlite', '$$a$$ = status', 'dollar quoting'],
    ['mysql', "now() AT TIME ZONE 'utc' > '2020-01-01'", 'AT TIME ZONE'],
    ['mysql', 'IS DISTINCT FROM 0', 'without two operands'],
  ] as const)('%s refuses %s (%s)', (dialect, input, reason) => {
    const result = translateExpr(input, dialect === 'mysql' ? mysql : sqlite);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toContain(reason);
  });
});

describe('translateDefault', () => {
  const type = (t: Partial<MappedColumnType>): MappedColumnType => ({ sql: 'X', family: 'string', ...t });
  it.each([
    ['mysql', "'pending'::order_status", type({ family: 'enum' }), { sql: "'pending'" }],
    ['mysql', "'a\\b'::text", type({ family: 'text' }), { sql: "('a\\\\b')" }],
    ['sqlite', "'a\\b'::text", type({ family: 'text' }), { sql: "'a\\b'" }],
    ['mysql', 'now()', type({ family: 'datetime', precision: 6 }), { sql: 'CURRENT_TIMESTAMP(6)' }],
    ['mysql', 'CURRENT_TIMESTAMP', type({ family: 'date' }), { sql: '(CURRENT_DATE)' }],
    ['sqlite', 'now()', type({ family: 'datetime' }), { sql: 'CURRENT_TIMESTAMP' }],
    ['sqlite', "('now'::text)::date", type({ family: 'date' }), { sql: 'CURRENT_DATE' }],
    ['mysql', 'gen_random_uuid()', type({}), { sql: '(UUID())' }],
    ['mysql', '(-1)', type({ family: 'integer' }), { sql: '-1' }],
    ['mysql', 'true', type({ family: 'boolean' }), { sql: '1' }],
    ['sqlite', "'f'::boolean", type({ family: 'boolean' }), { sql: '0' }],
    ['mysql', "'{}'::text[]", type({ family: 'json', array: true }), { sql: "('[]')" }],
    ['mysql', "nextval('s'::regclass)", type({ family: 'integer' }), { sequence: true }],
    ['mysql', "now() AT TIME ZONE 'utc'", type({ family: 'datetime', precision: 6 }), { sql: '(UTC_TIMESTAMP(6))' }],
    ['mysql', "timezone('utc'::text, now())", type({ family: 'datetime', precision: 0 }), { sql: '(UTC_TIMESTAMP(0))' }],
    ['sqlite', "(now() AT TIME ZONE 'UTC')", type({ family: 'datetime' }), { sql: 'CURRENT_TIMESTAMP' }],
    ['mysql', "now() AT TIME ZONE 'utc'", type({ family: 'date' }), { dropped: 'UTC clock default on a X column' }],
    ['mysql', "now() AT TIME ZONE 'Europe/Paris'", type({ family: 'datetime' }), { dropped: "default now() AT TIME ZONE 'Europe/Paris' uses PostgreSQL-only AT TIME ZONE" }],
    ['mysql', "'{a,b}'::text[]", type({ family: 'json', array: true }), { dropped: "array default '{a,b}'::text[]" }],
    ['sqlite', "to_char(now(), 'YYYY')", type({}), { dropped: "default to_char(now(), 'YYYY') uses the function to_char()" }],
  ] as const)('%s: %s', (dialect, input, mapped, expected) => {
    const target = dialect === 'mysql' ? mysql : sqlite;
    expect(translateDefault(input, mapped, target)).toEqual(expected);
  });
});

describe('type maps', () => {
  it.each(POSTGRES_TYPES.filter((t) => !['point', 'line', 'lseg', 'box', 'path', 'polygon', 'circle'].includes(t) && !t.includes('range')))(
    'both tables map %s', (name) => {
      expect(MYSQL_TYPES[name]).toBeTypeOf('function');
      expect(SQLITE_TYPES[name]).toBeTypeOf('function');
    });

  it.each([
    ['mysql', 'character varying(40)', 'VARCHAR(40)', false],
    ['mysql', 'timestamp(3) with time zone', 'DATETIME(3)', true],
    ['mysql', 'integer[]', 'JSON', true],
    ['mysql', 'numeric(80,40)', 'DECIMAL(65,30)', true],
    ['mysql', 'point', 'LONGTEXT', true],
    ['sqlite', 'bigint', 'INTEGER', false],
    ['sqlite', 'uuid', 'TEXT', true],
    ['sqlite', 'bytea', 'BLOB', false],
  ] as const)('%s: %s → %s (lossy: %s)', (dialect, pg, sql, lossy) => {
    const mapped = mapColumnType(dialect, parseTypeText(pg), emptyModel());
    expect(mapped.sql).toBe(sql);
    expect(Boolean(mapped.lossy)).toBe(lossy);
  });

  it('quotes MySQL literals with backslashes doubled', () => {
    expect(quoteMysqlLiteral("it's \\ ok")).toBe("'it''s \\\\ ok'");
    expect(quoteMysqlIdent('a`b')).toBe('`a``b`');
    expect(quoteSqliteIdent('a"b')).toBe('"a""b"');
  });
});

describe('a warning for every lossy mapping (edge model)', () => {
  const my = generateMysql(dialectEdgeModel()).warnings;
  const lite = generateSqlite(dialectEdgeModel()).warnings;
  it.each([
    [my, 'schema flattened into the table name: audit.accounts'],
    [my, 'array became JSON: public.accounts.tags'],
    [my, 'jsonb became JSON (text storage, duplicate keys kept): public.accounts.profile'],
    [my, 'uuid became CHAR(36): public.accounts.token'],
    [my, 'domain email flattened to its base type: public.accounts.email'],
    [my, 'expression index dropped (MariaDB has no functional indexes): public.accounts: accounts_lower_handle'],
    [my, 'partial index became a full index (predicate dropped): public.accounts: accounts_active_handle'],
    [my, 'partial unique index dropped (MySQL has no partial indexes): public.accounts: accounts_email_unique'],
    [my, 'gin index dropped (MySQL has only B-tree indexes): public.accounts: accounts_tags_gin'],
    [my, 'DEFERRABLE foreign key became immediate: public.posts: posts_account_fk'],
    [my, 'SET DEFAULT action became NO ACTION (InnoDB rejects SET DEFAULT): public.posts: posts_account_fk'],
    [my, 'identity became AUTO_INCREMENT (ALWAYS, INCREMENT BY, MIN/MAX and CYCLE dropped): public.accounts.id'],
    [my, 'sequences not exported (MySQL has no portable sequences): public.tickets'],
    [my, 'views and materialized views not exported (their SQL is PostgreSQL\'s; recreate them in MySQL): public.active_accounts'],
    [my, 'check translated: regex match became REGEXP (case sensitivity follows the column collation): public.accounts: handle ~* \'^[a-z_]+$\''],
    [my, 'check translated: PostgreSQL casts (::) dropped: public.accounts: (balance)::numeric >= (0)::numeric, public.accounts: mood = ANY (ARRAY[\'happy\'::mood, \'sad\'::mood])'],
    [lite, 'check translated: = ANY (ARRAY[…]) became IN (…): public.accounts: mood = ANY (ARRAY[\'happy\'::mood, \'sad\'::mood])'],
    [my, 'partitions left out (rows live in the parent table): public.measurements_2024'],
    [my, 'VARCHAR(300) became LONGTEXT to fit MySQL\'s 65,535-byte row (length not enforced): public.wide.field_0, public.wide.field_1, public.wide.field_2, public.wide.field_3, public.wide.field_4, public.wide.field_5, public.wide.field_6, public.wide.field_7, public.wide.field_8, public.wide.field_9, public.wide.field_10, public.wide.field_11, public.wide.field_12, public.wide.field_13, public.wide.field_14, public.wide.field_15'],
    [lite, 'identity became AUTOINCREMENT (ALWAYS, START, INCREMENT BY, MIN/MAX and CYCLE dropped): public.accounts.id'],
    [lite, 'enum became TEXT with a CHECK of its values: public.accounts.mood'],
    [lite, 'check dropped (uses a regular expression (SQLite has no REGEXP function)): public.accounts: handle ~* \'^[a-z_]+$\''],
    [lite, 'uuid is stored as text: public.accounts.token'],
    [lite, 'gin index dropped (SQLite has only B-tree indexes): public.accounts: accounts_tags_gin'],
    [lite, 'schema flattened (tables placed in one database): audit.events'],
  ])('%#: %s', (list, warning) => {
    expect(list).toContain(warning);
  });
});

describe('a sequence shared by several columns', () => {
  const model = () => buildModel({
    tables: [
      { name: 'a', columns: ["id bigint! = nextval('s'::regclass)", 'note text'], pk: ['id'] },
      { name: 'b', columns: ['id integer!', "ticket bigint = nextval('public.s'::regclass)"], pk: ['id'] },
      { name: 'c', columns: ["id bigint! = nextval('own_seq'::regclass)"], pk: ['id'] },
    ],
  });

  it.each([
    ['mysql', generateMysql, 'AUTO_INCREMENT counts per table, not shared as sequence public.s was with other columns (values may repeat across tables): public.a.id, public.b.ticket'],
    ['sqlite', generateSqlite, 'AUTOINCREMENT counts per table, not shared as sequence public.s was with other columns (values may repeat across tables): public.a.id'],
  ] as const)('%s warns that each table counts on its own (a sequence of one column is not warned)', (_, generate, warning) => {
    const warnings = generate(model()).warnings;
    expect(warnings).toContain(warning);
    expect(warnings.join('\n')).not.toContain('own_seq');
  });
});

// Found by server/document-fuzz.test.ts: a column name was put in a RegExp unescaped (`*/ --` threw).
describe('a check on the AUTO_INCREMENT column (MySQL forbids it)', () => {
  it.each([
    ['*/ --', 'CHECK ("*/ --" > 0)', true],
    ['a(b', 'CHECK ("a(b" > 0)', true],
    ['id', 'CHECK (id > 0)', true],
    ['id', 'CHECK ("id" > 0)', true],
    ['id', 'CHECK (paid > 0)', false],
  ] as const)('column %s, %s: dropped %s', (name, check, dropped) => {
    const t = table({
      name: 't', columns: { [name]: { type: 'integer', notNull: true, identity: { kind: 'by-default' } }, paid: { type: 'integer' } },
      primaryKey: [name], checks: [{ expression: check.slice(7, -1) }],
    });
    const { warnings } = generateMysql({ ...emptyModel(), tables: [t] });
    expect(warnings.some((w) => w.startsWith('check on the AUTO_INCREMENT column dropped'))).toBe(dropped);
  });
});

describe('the dialect registry', () => {
  it('names each dialect once, PostgreSQL first and by default', () => {
    expect(DIALECTS.map((d) => [d.id, d.label, d.fileSuffix])).toEqual([
      ['postgres', 'PostgreSQL', '.sql'], ['mysql', 'MySQL / MariaDB', '.mysql.sql'], ['sqlite', 'SQLite', '.sqlite.sql'],
    ]);
    expect(findDialect()).toBe(dialect(DEFAULT_DIALECT));
    expect(dialect('postgres').generate(emptyModel())).toEqual({ sql: expect.any(String), warnings: [] });
  });

  it('finds a dialect by the name a user typed, or lists the known ones', () => {
    expect(findDialect('sqlite')).toBe(dialect('sqlite'));
    expect(findDialect('oracle')).toEqual({ error: 'unknown dialect "oracle" (known: postgres, mysql, sqlite)' });
  });
});
