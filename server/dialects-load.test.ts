/**
 * The MySQL/MariaDB and SQLite exports load into real engines: the e-commerce template, a model of
 * edge cases, and every PostgreSQL corpus schema (imported with the SQL importer). Each MariaDB load
 * gets its own throwaway database; SQLite runs in memory (sql.js).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import initSqlJs, { type Database, type SqlJsStatic } from 'sql.js';
import type { Model } from '../shared/model/document.ts';
import { templates } from '../shared/model/templates/index.ts';
import { generateMysql } from '../shared/ddl/mysql.ts';
import { generateSqlite } from '../shared/ddl/sqlite.ts';
import { exportedTables } from '../shared/ddl/dialect-common.ts';
import { importSql } from '../shared/io/sql-import/import-sql.ts';
import { dialectEdgeModel } from '../shared/ddl/__fixtures__/dialect-edge-model.ts';
import { createThrowawayMysql } from './testing/throwaway-mysql.ts';

const CORPUS_DIR = join(import.meta.dirname, '..', '..', 'shared', 'schemas');
const CORPUS = ['chinook', 'northwind', 'pagila', 'adventureworks', 'danbooru', 'lago', 'musicbrainz'];

const ecommerce = () => templates.find((t) => t.name === 'ecommerce')!.build().model;
const corpusModel = (name: string) => async () => (await importSql(await readFile(join(CORPUS_DIR, name, 'schema.sql'), 'utf8'))).model;
const postgresOnly = async () => (await importSql(await readFile(join(import.meta.dirname, '..', 'shared', 'ddl', '__fixtures__', 'postgres-only.sql'), 'utf8'))).model;

const cases: [string, () => Model | Promise<Model>][] = [
  ['e-commerce template', ecommerce],
  ['edge-case model', dialectEdgeModel],
  ['PostgreSQL-only expressions', postgresOnly],
  ...CORPUS.map((name): [string, () => Promise<Model>] => [`corpus ${name}`, corpusModel(name)]),
];

const count = (text: string, pattern: RegExp) => (text.match(pattern) ?? []).length;

let SQL: SqlJsStatic;
beforeAll(async () => { SQL = await initSqlJs(); });

describe.each(cases)('%s', (label, build) => {
  it('loads into MariaDB with every table, foreign key and index the script declares', { timeout: 600_000 }, async () => {
    const model = await build();
    const { sql, warnings } = generateMysql(model);
    expect(warnings.every((w) => w.length > 0)).toBe(true);
    const db = await createThrowawayMysql(`mysql_${label}`);
    try {
      await db.run(sql);
      const tables = await db.query<{ n: number }>('SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = ?', [db.name]);
      expect(Number(tables[0].n)).toBe(exportedTables(model).length);
      const fks = await db.query<{ n: number }>('SELECT COUNT(*) AS n FROM information_schema.referential_constraints WHERE constraint_schema = ?', [db.name]);
      expect(Number(fks[0].n)).toBe(count(sql, /\bFOREIGN KEY\b/g));
      const indexes = await db.query<{ n: number }>("SELECT COUNT(DISTINCT table_name, index_name) AS n FROM information_schema.statistics WHERE table_schema = ? AND index_name <> 'PRIMARY'", [db.name]);
      expect(Number(indexes[0].n)).toBeGreaterThanOrEqual(count(sql, /^CREATE (UNIQUE )?INDEX /gm) + count(sql, /^ {2}CONSTRAINT `[^`]+` UNIQUE /gm));
    } finally {
      await db.drop();
    }
  });

  it('loads into SQLite with every table and consistent foreign keys', async () => {
    const model = await build();
    const { sql } = generateSqlite(model);
    const db: Database = new SQL.Database();
    try {
      db.exec('PRAGMA foreign_keys = ON;');
      db.exec(sql);
      const tables = db.exec("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")[0]?.values ?? [];
      expect(tables.length).toBe(exportedTables(model).length);
      const fkCount = tables.reduce((n, [name]) => n + new Set((db.exec(`PRAGMA foreign_key_list(${JSON.stringify(name)})`)[0]?.values ?? []).map((row) => row[0])).size, 0);
      expect(fkCount).toBe(count(sql, /\bFOREIGN KEY\b/g));
      // Raises "foreign key mismatch" when a key references columns that are not a PRIMARY KEY/UNIQUE.
      expect(db.exec('PRAGMA foreign_key_check')).toEqual([]);
      const indexes = db.exec("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")[0].values[0][0];
      expect(indexes).toBe(count(sql, /^CREATE (UNIQUE )?INDEX /gm));
    } finally {
      db.close();
    }
  });
});

describe('the e-commerce template keeps its defaults in both engines', () => {
  let mariadb: Awaited<ReturnType<typeof createThrowawayMysql>>;
  beforeAll(async () => {
    mariadb = await createThrowawayMysql('mysql_defaults');
    await mariadb.run(generateMysql(ecommerce()).sql);
  });
  afterAll(async () => { await mariadb?.drop(); });

  it('MariaDB fills uuid, timestamp and boolean defaults', async () => {
    await mariadb.run("INSERT INTO customers (email, encrypted_password, first_name, last_name) VALUES ('a@example.com', 'x', 'A', 'B')");
    const [row] = await mariadb.query<{ id: string; created_at: Date | null; is_active: number }>('SELECT id, created_at, is_active FROM customers');
    expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(row.created_at).toBeInstanceOf(Date);
    expect(row.is_active).toBe(1);
  });

  it('SQLite fills uuid, timestamp and boolean defaults and enforces the enum check', () => {
    const db = new SQL.Database();
    try {
      db.exec(generateSqlite(ecommerce()).sql);
      db.exec("INSERT INTO customers (email, encrypted_password, first_name, last_name) VALUES ('a@example.com', 'x', 'A', 'B')");
      const [[id, createdAt, active]] = db.exec('SELECT id, created_at, is_active FROM customers')[0].values;
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(createdAt).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
      expect(active).toBe(1);
      expect(() => db.exec(`INSERT INTO addresses (customer_id, address_type, street_line1, city, country_code) VALUES ('${id}', 'nowhere', 's', 'c', 'FR')`)).toThrow(/CHECK constraint failed/);
    } finally {
      db.close();
    }
  });
});

describe('PostgreSQL-only expressions keep their meaning in both engines', () => {
  // n IS DISTINCT FROM 0; m IS NOT DISTINCT FROM n OR m > 0; at DEFAULT (now() AT TIME ZONE 'utc').
  const refused = /t_n_check|t_check/;

  it('MariaDB: NULL-safe checks hold, the UTC clock default fills, and each translation or loss is warned', async () => {
    const { sql, warnings } = generateMysql(await postgresOnly());
    expect(warnings).toContain("default dropped (default now() AT TIME ZONE 'Europe/Paris' uses PostgreSQL-only AT TIME ZONE): public.t.paris");
    expect(warnings).toContain('AUTO_INCREMENT counts per table, not shared as sequence public.s was with other columns (values may repeat across tables): public.b.ticket');
    const db = await createThrowawayMysql('mysql_postgres_only');
    try {
      await db.run(sql);
      const checks = await db.query<{ n: number }>('SELECT COUNT(*) AS n FROM information_schema.check_constraints WHERE constraint_schema = ?', [db.name]);
      expect(Number(checks[0].n)).toBe(count(sql, /\bCHECK \(/g));
      await db.run('INSERT INTO t (id, n, m) VALUES (1, NULL, NULL), (2, 5, 5), (3, 1, 2)');
      await expect(db.run('INSERT INTO t (id, n) VALUES (4, 0)')).rejects.toThrow(refused);
      await expect(db.run('INSERT INTO t (id, n, m) VALUES (5, 1, -1)')).rejects.toThrow(refused);
      const [row] = await db.query<{ drift: number }>('SELECT ABS(TIMESTAMPDIFF(SECOND, at, UTC_TIMESTAMP())) AS drift FROM t WHERE id = 1');
      expect(Number(row.drift)).toBeLessThan(60);
    } finally {
      await db.drop();
    }
  });

  it('SQLite: NULL-safe checks hold and the UTC clock default fills', async () => {
    const { sql } = generateSqlite(await postgresOnly());
    const db = new SQL.Database();
    try {
      db.exec(sql);
      const declared = db.exec("SELECT sql FROM sqlite_master WHERE name = 't'")[0].values[0][0] as string;
      expect(count(declared, /\bCHECK \(/g)).toBe(count(sql.slice(sql.indexOf('CREATE TABLE "t"'), sql.indexOf(');', sql.indexOf('CREATE TABLE "t"'))), /\bCHECK \(/g));
      db.exec('INSERT INTO t (id, n, m) VALUES (1, NULL, NULL), (2, 5, 5), (3, 1, 2)');
      expect(() => db.exec('INSERT INTO t (id, n) VALUES (4, 0)')).toThrow(/CHECK constraint failed: t_n_check/);
      expect(() => db.exec('INSERT INTO t (id, n, m) VALUES (5, 1, -1)')).toThrow(/CHECK constraint failed: t_check/);
      const [[drift]] = db.exec("SELECT abs(strftime('%s', 'now') - strftime('%s', at)) FROM t WHERE id = 1")[0].values;
      expect(Number(drift)).toBeLessThan(60);
    } finally {
      db.close();
    }
  });
});
