import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Plan } from '../../shared/diff/types.ts';
import { nextVersion, parseLayout, takeMigrationOptions, writeMigrationFiles } from './migration-out.ts';
import { runCli } from '../cli.ts';
import { templates } from '../../shared/model/templates/index.ts';
import { derivedId } from '../../shared/model/ids.ts';

const plan: Plan = { steps: [{ phase: 'tables', sql: 'CREATE TABLE t (id int);', hazards: [] }] };
const reverse: Plan = { steps: [{ phase: 'tables', sql: 'DROP TABLE t;', hazards: [{ kind: 'deletes-data', message: 'drops table "t"' }] }] };

let dir: string;
beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'schemata-migrations-')); });
afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

describe('nextVersion', () => {
  it.each([
    [[], 'flyway', 1],
    [['V1__a.sql', 'U1__a.sql', 'V7__b.sql', 'README.md'], 'flyway', 8],
    [['0001_a.up.sql', '0002_b.up.sql', '0002_b.down.sql'], 'plain', 3],
  ] as const)('%j (%s) → %i', (files, layout, version) => {
    expect(nextVersion([...files], layout)).toBe(version);
  });
});

describe('writeMigrationFiles', () => {
  it('writes flyway files after the versions already there', async () => {
    await writeFile(join(dir, 'V4__older.sql'), '-- older');
    const written = await writeMigrationFiles({ plan, reverse, dir, layout: 'flyway', name: 'add t' });
    expect(written).toEqual([join(dir, 'V5__add_t.sql'), join(dir, 'U5__add_t.sql')]);
    expect(await readFile(join(dir, 'U5__add_t.sql'), 'utf8')).toContain('DROP TABLE t;');
  });

  it('writes golang-migrate files named by the given time', async () => {
    await writeMigrationFiles({ plan, dir, layout: 'migrate', name: 'add t', at: new Date('2026-11-25T10:00:00Z') });
    expect((await readdir(dir)).sort()).toEqual(['20261125100000_add_t.up.sql']);
  });

  it('refuses to overwrite and names unknown layouts', async () => {
    const at = new Date('2026-11-25T10:00:00Z');
    await writeMigrationFiles({ plan, dir, layout: 'migrate', name: 'add t', at });
    await expect(writeMigrationFiles({ plan, dir, layout: 'migrate', name: 'add t', at })).rejects.toThrow(/already exists/);
    expect(() => parseLayout('liquibase')).toThrow('unknown layout "liquibase" (known: plain, flyway, migrate, dbmate)');
  });
});

describe('takeMigrationOptions', () => {
  it.each([
    [['a.json', 'b.json'], { rest: ['a.json', 'b.json'] }],
    [['a.json', '--out', 'm', 'b.json'], { rest: ['a.json', 'b.json'], out: { dir: 'm', layout: 'plain' } }],
    [['--out=m', '--layout', 'flyway', '--name', 'add notes', 'x'], { rest: ['x'], out: { dir: 'm', layout: 'flyway', name: 'add notes' } }],
  ])('%j', (args, expected) => {
    expect(takeMigrationOptions(args)).toEqual(expected);
  });

  it.each([
    [['--layout', 'flyway'], '--layout and --name go with --out <dir>'],
    [['--out'], '--out needs a value'],
    [['--out', 'm', '--layout', 'sqitch'], 'unknown layout "sqitch"'],
  ])('%j fails: %s', (args, message) => {
    expect(() => takeMigrationOptions(args)).toThrow(message);
  });
});

describe('cli diff <from> <to> --out <dir> --layout', () => {
  it('writes the up and down files and prints their paths', async () => {
    const from = templates.find((t) => t.name === 'ecommerce')!.build();
    const to = structuredClone(from);
    const orders = to.model.tables.find((t) => t.name === 'orders')!;
    orders.columns.push({ id: derivedId.column('public', 'orders', 'memo'), name: 'memo', type: { name: 'text' }, notNull: false });
    const files: Record<string, string> = { 'from.json': JSON.stringify(from), 'to.json': JSON.stringify(to) };
    let stdout = '';
    let stderr = '';
    const code = await runCli(['diff', 'from.json', 'to.json', '--out', dir, '--layout', 'flyway', '--name', 'order memo'], {
      stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, readFile: async (path) => files[path],
    });
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout).toBe(`${join(dir, 'V1__order_memo.sql')}\n${join(dir, 'U1__order_memo.sql')}\n`);
    expect(await readFile(join(dir, 'V1__order_memo.sql'), 'utf8')).toMatch(/ALTER TABLE (public\.)?orders ADD COLUMN memo text;/);
    expect(await readFile(join(dir, 'U1__order_memo.sql'), 'utf8')).toContain('deletes-data');
  });
});
