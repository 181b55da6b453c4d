import { beforeAll, describe, expect, it } from 'vitest';
import { generatePostgresStatements } from '../../ddl/generate.ts';
import { loadSqlParser } from '../parser.ts';
import { model, table } from './test-kit.ts';

beforeAll(() => loadSqlParser());

const PARENT = "CREATE TABLE p (a int NOT NULL CHECK (a > 0), b text DEFAULT 'x', PRIMARY KEY (a)) PARTITION BY LIST (a);\n";
/** The statements the generator writes for table `name` (its CREATE TABLE and what follows it in the same step). */
const statementFor = (sql: string, name: string) => generatePostgresStatements(model(sql)).filter((s) => s.startsWith(`CREATE TABLE public.${name} `));

describe('a partition attached with its columns in another order keeps that order', () => {
  it.each([
    ['reordered: created as a table of its own with what ATTACH requires, then attached',
      `${PARENT}CREATE TABLE p1 (b text, a int NOT NULL CONSTRAINT p_a_check CHECK (a > 0));\nALTER TABLE p ATTACH PARTITION p1 FOR VALUES IN (1);`,
      ['b', 'a'], ['CREATE TABLE public.p1 (\n    b text,\n    a integer NOT NULL,\n    CONSTRAINT p_a_check CHECK (a > 0)\n);\nALTER TABLE public.p ATTACH PARTITION public.p1 FOR VALUES IN (1);']],
    ["the parent's checks added after the ATTACH (NOT VALID ones before it, as they were)",
      `${PARENT}CREATE TABLE p1 (b text, a int NOT NULL CONSTRAINT p_a_check CHECK (a > 0));\nALTER TABLE p ATTACH PARTITION p1 FOR VALUES IN (1);
ALTER TABLE p ADD CONSTRAINT p_b CHECK (b <> '');\nALTER TABLE p ADD CONSTRAINT p_nv CHECK (b <> 'y') NOT VALID;`,
      ['b', 'a'], ["CREATE TABLE public.p1 (\n    b text,\n    a integer NOT NULL,\n    CONSTRAINT p_a_check CHECK (a > 0),\n    CONSTRAINT p_b CHECK (b <> '')\n);\n"
        + "ALTER TABLE public.p1 ADD CONSTRAINT p_nv CHECK (b <> 'y') NOT VALID;\nALTER TABLE public.p ATTACH PARTITION public.p1 FOR VALUES IN (1);"]],
    ["in the parent's order: PARTITION OF as before", `${PARENT}CREATE TABLE p1 (a int NOT NULL CONSTRAINT p_a_check CHECK (a > 0), b text);\nALTER TABLE p ATTACH PARTITION p1 FOR VALUES IN (1);`,
      ['a', 'b'], ['CREATE TABLE public.p1 PARTITION OF public.p\nFOR VALUES IN (1);']],
  ])('%s', (_title, sql, columns, statements) => {
    expect(table(model(sql), 'p1').columns.map((c) => c.name)).toEqual(columns);
    expect(statementFor(sql, 'p1')).toEqual(statements);
  });
});

describe("the partition's checks named like its parent's are merged into them on ATTACH, as PostgreSQL marks them inherited", () => {
  const ATTACHED = `${PARENT}CREATE TABLE p1 (b text, a int NOT NULL CONSTRAINT p_a_check CHECK (a > 0), CONSTRAINT own CHECK (b <> ''));
ALTER TABLE p ATTACH PARTITION p1 FOR VALUES IN (1);`;
  it.each([
    ['ATTACH keeps only its own', ATTACHED, ['own']],
    ['DETACH gives them back', `${ATTACHED}\nALTER TABLE p DETACH PARTITION p1;`, ['own', 'p_a_check']],
    ["one valid where the parent's is NOT VALID stays", `${PARENT}ALTER TABLE p ADD CONSTRAINT nv CHECK (b <> 'y') NOT VALID;
CREATE TABLE p1 (b text CONSTRAINT nv CHECK (b <> 'y'), a int NOT NULL CONSTRAINT p_a_check CHECK (a > 0));\nALTER TABLE p ATTACH PARTITION p1 FOR VALUES IN (1);`, ['nv']],
  ])('%s', (_title, sql, names) => {
    expect(table(model(sql), 'p1').checks.map((c) => c.name)).toEqual(names);
  });
});

describe('a name PostgreSQL chose stays when an explicit name takes it later', () => {
  it("the parent's unnamed check keeps p_a_check though the partition names its own so", () => {
    const m = model(`${PARENT}CREATE TABLE p1 (b text, a int NOT NULL CONSTRAINT p_a_check CHECK (a > 0));`);
    expect(table(m, 'p').checks).toEqual([{ id: 'ck:public.p.p_a_check', name: 'p_a_check', expression: 'a > 0' }]);
  });

  it('names nothing that the generator names the same way anyway', () => {
    expect(table(model(PARENT), 'p').checks).toEqual([{ id: 'ck:public.p.p_a_check', expression: 'a > 0' }]);
  });
});
