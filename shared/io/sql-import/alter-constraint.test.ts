import { beforeAll, describe, expect, it } from 'vitest';
import { loadSqlParser } from '../parser.ts';
import { run, table } from './test-kit.ts';

beforeAll(() => loadSqlParser());

const TABLES = 'CREATE TABLE p (id int PRIMARY KEY, u int UNIQUE, n int NOT NULL CHECK (n > 0));\n';
const FK = (clause: string) => `${TABLES}CREATE TABLE c (p_id int CONSTRAINT c_p REFERENCES p ${clause});\n`;

describe('ALTER TABLE … ALTER CONSTRAINT on a foreign key', () => {
  it.each([
    ['DEFERRABLE', FK(''), 'DEFERRABLE', { deferrable: true }],
    ['DEFERRABLE INITIALLY DEFERRED', FK(''), 'DEFERRABLE INITIALLY DEFERRED', { deferrable: true, initiallyDeferred: true }],
    ['INITIALLY DEFERRED implies DEFERRABLE', FK(''), 'INITIALLY DEFERRED', { deferrable: true, initiallyDeferred: true }],
    ['NOT DEFERRABLE', FK('DEFERRABLE INITIALLY DEFERRED'), 'NOT DEFERRABLE', {}],
    ['INITIALLY IMMEDIATE alone makes it NOT DEFERRABLE, as in PostgreSQL', FK('DEFERRABLE INITIALLY DEFERRED'), 'INITIALLY IMMEDIATE', {}],
    ['DEFERRABLE INITIALLY IMMEDIATE', FK('DEFERRABLE INITIALLY DEFERRED'), 'DEFERRABLE INITIALLY IMMEDIATE', { deferrable: true }],
  ])('%s', (_title, sql, clause, expected) => {
    const { model, report } = run(`${sql}ALTER TABLE c ALTER CONSTRAINT c_p ${clause};`);
    const fk = table(model, 'c').foreignKeys[0];
    expect({ deferrable: fk.deferrable, initiallyDeferred: fk.initiallyDeferred }).toEqual({ deferrable: undefined, initiallyDeferred: undefined, ...expected });
    expect(report).toEqual({ skipped: [], warnings: [] });
  });

  it("reaches a foreign key added before its referenced table, and one named by PostgreSQL's default", () => {
    const { model, report } = run(`CREATE TABLE c (p_id int, q_id int);
ALTER TABLE c ADD CONSTRAINT c_p FOREIGN KEY (p_id) REFERENCES p;
ALTER TABLE c ALTER CONSTRAINT c_p DEFERRABLE INITIALLY DEFERRED;
CREATE TABLE p (id int PRIMARY KEY);
ALTER TABLE c ADD FOREIGN KEY (q_id) REFERENCES p;
ALTER TABLE c ALTER CONSTRAINT c_q_id_fkey DEFERRABLE;`);
    expect(table(model, 'c').foreignKeys.map((fk) => [fk.id, fk.deferrable, fk.initiallyDeferred]).sort())
      .toEqual([['fk:public.c.c_p', true, true], ['fk:public.c.c_q_id_fkey', true, undefined]]);
    expect(report.warnings).toEqual([]);
  });
});

describe('ALTER CONSTRAINT the model cannot take says so at its line', () => {
  it.each([
    ['a primary key', `${TABLES}ALTER TABLE p ALTER CONSTRAINT p_pkey DEFERRABLE;`,
      'ALTER TABLE p ALTER CONSTRAINT p_pkey: p_pkey is a primary key, and PostgreSQL changes this on foreign keys only (it refuses the statement); not imported'],
    ['a unique constraint', `${TABLES}ALTER TABLE p ALTER CONSTRAINT p_u_key DEFERRABLE;`,
      'ALTER TABLE p ALTER CONSTRAINT p_u_key: p_u_key is a unique constraint, and PostgreSQL changes this on foreign keys only (it refuses the statement); not imported'],
    ['a missing constraint', `${TABLES}ALTER TABLE p ALTER CONSTRAINT nope NOT DEFERRABLE;`,
      'ALTER TABLE p ALTER CONSTRAINT nope: no foreign key by that name in the model; not imported'],
    ['NOT ENFORCED (PostgreSQL 18)', `${FK('')}ALTER TABLE c ALTER CONSTRAINT c_p NOT ENFORCED;`,
      'ALTER TABLE c ALTER CONSTRAINT c_p NOT ENFORCED: the model has no place for whether a foreign key is enforced; not imported'],
    ['NO INHERIT on a NOT NULL constraint (PostgreSQL 18)', `${TABLES}ALTER TABLE p ALTER CONSTRAINT p_n_not_null NO INHERIT;`,
      'ALTER TABLE p ALTER CONSTRAINT p_n_not_null NO INHERIT: the model has no place for the inheritability of a NOT NULL constraint; not imported'],
  ])('%s', (_title, sql, message) => {
    const { report } = run(sql);
    expect(report.warnings).toEqual([{ line: sql.split('\n').length, message }]);
  });
});
