/**
 * Throwaway MariaDB/MySQL databases for tests (like throwaway-db.ts for PostgreSQL): each test makes
 * its own uniquely named database and drops it after.
 */
import mysql from 'mysql2/promise';

export const MYSQL_URL = process.env.SCHEMATA_TEST_MYSQL ?? 'mysql://root@127.0.0.1:3306';

export interface ThrowawayMysql {
  name: string;
  /** Runs a script of several statements in the database. */
  run: (sql: string) => Promise<void>;
  query: <T>(sql: string, values?: unknown[]) => Promise<T[]>;
  drop: () => Promise<void>;
}

/** Creates `schemata_t_<purpose>_<random>` on the MariaDB server; fails clearly when it does not answer. */
export async function createThrowawayMysql(purpose: string): Promise<ThrowawayMysql> {
  const safe = purpose.toLowerCase().replace(/[^a-z0-9]+/g, '_').slice(0, 30);
  const name = `schemata_t_${safe}_${Math.random().toString(36).slice(2, 10)}`;
  let connection: mysql.Connection;
  try {
    connection = await mysql.createConnection({ uri: MYSQL_URL, multipleStatements: true, connectTimeout: 5000 });
  } catch (error) {
    throw new Error(`tests need MariaDB at ${MYSQL_URL} (${(error as Error).message}); start it with: start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd`);
  }
  await connection.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4`);
  await connection.query(`USE \`${name}\``);
  return {
    name,
    run: async (sql) => { await connection.query(sql); },
    query: async <T>(sql: string, values: unknown[] = []) => (await connection.query(sql, values))[0] as T[],
    drop: async () => {
      try {
        await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
      } finally {
        await connection.end();
      }
    },
  };
}
