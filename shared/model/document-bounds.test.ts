/** Every number and size of a document is held to what PostgreSQL accepts: one row per bound. */
import { describe, expect, it } from 'vitest';
import type { ModelDocument } from './document.ts';
import { INT8_MAX, INT8_MIN, typeArgProblems } from './document-bounds.ts';
import { emptyLayout, emptyModel, makeDocument } from './empty.ts';
import { parseDocument } from './upgrade.ts';

/** A valid document with one table `t (c integer)`, an enum and a sequence, laid out. */
function base(): ModelDocument {
  const model = emptyModel();
  model.tables.push({
    id: 't', schema: 'public', name: 't', uniques: [], checks: [], foreignKeys: [], indexes: [],
    columns: [{ id: 'c', name: 'c', type: { name: 'integer' }, notNull: false }],
  });
  model.enums.push({ id: 'e', schema: 'public', name: 'mood', values: ['ok'] });
  model.sequences.push({ id: 's', schema: 'public', name: 'seq' });
  const layout = emptyLayout();
  layout.nodes.t = { x: 0, y: 0 };
  return makeDocument(model, layout);
}

type Edit = (doc: ModelDocument) => void;
const column = (doc: ModelDocument) => doc.model.tables[0].columns[0];
const type = (name: string, args?: number[], arrayDims?: number): Edit => (doc) => {
  column(doc).type = { name, ...(args ? { args } : {}), ...(arrayDims !== undefined ? { arrayDims } : {}) };
};
const sequence = (patch: Record<string, string>): Edit => (doc) => Object.assign(doc.model.sequences[0], patch);

function problemsAfter(edit: Edit): Array<{ path: string; message: string }> {
  const doc = base();
  edit(doc);
  const parsed = parseDocument(JSON.parse(JSON.stringify(doc)));
  return parsed.ok ? [] : parsed.problems;
}

describe('the base document', () => {
  it('is valid', () => {
    expect(problemsAfter(() => undefined)).toEqual([]);
  });
});

describe('bounds: accepted at the limit, refused past it', () => {
  const COL = 'model.tables[0].columns[0]';
  // [what, edit that stays within the limit, edit that goes past it, path of the problem]
  it.each<[string, Edit, Edit, string]>([
    ['arrayDims ≤ 6 (MAXDIM)', type('integer', undefined, 6), type('integer', undefined, 7), `${COL}.type.arrayDims`],
    ['arrayDims 100000000', type('integer', undefined, 0), type('integer', undefined, 100_000_000), `${COL}.type.arrayDims`],
    ['varchar length ≤ 10485760', type('character varying', [10_485_760]), type('character varying', [10_485_761]), `${COL}.type.args[0]`],
    ['varchar length ≥ 1', type('character varying', [1]), type('character varying', [0]), `${COL}.type.args[0]`],
    ['varchar takes one modifier', type('character varying', [5]), type('character varying', [5, 5]), `${COL}.type.args`],
    ['numeric precision ≤ 1000', type('numeric', [1000, 2]), type('numeric', [1001, 2]), `${COL}.type.args[0]`],
    ['numeric scale ≥ -1000', type('numeric', [10, -1000]), type('numeric', [10, -1001]), `${COL}.type.args[1]`],
    ['time precision ≤ 6', type('time with time zone', [6]), type('time with time zone', [7]), `${COL}.type.args[0]`],
    ['timestamp precision ≥ 0', type('timestamp without time zone', [0]), type('timestamp without time zone', [-1]), `${COL}.type.args[0]`],
    ['interval precision ≤ 6', type('interval day to second', [6]), type('interval day to second', [9]), `${COL}.type.args[0]`],
    ['bit length ≤ 83886080', type('bit varying', [83_886_080]), type('bit varying', [83_886_081]), `${COL}.type.args[0]`],
    ['any type: at most 2 modifiers', type('vector', [1536, 1]), type('vector', [1, 2, 3]), `${COL}.type.args`],
    ['any type: a modifier within the general bound', type('vector', [16_000]), type('vector', [100_000_000]), `${COL}.type.args[0]`],
    ['a column name of 63 bytes', (d) => (column(d).name = 'é'.repeat(31) + 'x'), (d) => (column(d).name = 'é'.repeat(63)), `${COL}.name`],
    ['a table name of 63 ASCII characters', (d) => (d.model.tables[0].name = 'a'.repeat(63)), (d) => (d.model.tables[0].name = 'a'.repeat(64)), 'model.tables[0].name'],
    ['a schema name in bytes', (d) => (d.model.tables[0].schema = 'ß'.repeat(31)), (d) => (d.model.tables[0].schema = 'ß'.repeat(32)), 'model.tables[0].schema'],
    ['an enum label of 63 bytes', (d) => (d.model.enums[0].values = ['€'.repeat(21)]), (d) => (d.model.enums[0].values = ['€'.repeat(22)]), 'model.enums[0].values[0]'],
    ['a 4-byte character counts 4', (d) => (column(d).name = '😀'.repeat(15)), (d) => (column(d).name = '😀'.repeat(16)), `${COL}.name`],
    ['sequence start within int8', sequence({ start: String(INT8_MAX) }), sequence({ start: String(INT8_MAX + 1n) }), 'model.sequences[0].start'],
    ['sequence minValue within int8', sequence({ minValue: String(INT8_MIN) }), sequence({ minValue: String(INT8_MIN - 1n) }), 'model.sequences[0].minValue'],
    ['sequence values are short digit strings', sequence({ maxValue: '1' }), sequence({ maxValue: '1'.repeat(5000) }), 'model.sequences[0].maxValue'],
    ['sequence cache ≥ 1', sequence({ cache: '1' }), sequence({ cache: '0' }), 'model.sequences[0].cache'],
    ['sequence increment ≠ 0', sequence({ increment: '-1' }), sequence({ increment: '0' }), 'model.sequences[0].increment'],
    ['sequence start is digits, never SQL', sequence({ start: '-7' }), sequence({ start: '1; DROP TABLE x' }), 'model.sequences[0].start'],
    ['sequence increment is digits', sequence({ increment: '2' }), sequence({ increment: '1e3' }), 'model.sequences[0].increment'],
    ['sequence cache is digits', sequence({ cache: '20' }), sequence({ cache: 'x' }), 'model.sequences[0].cache'],
    ['identity options too', (d) => (column(d).identity = { kind: 'always', options: { cache: '5' } }), (d) => (column(d).identity = { kind: 'always', options: { cache: '-5' } }), `${COL}.identity.options.cache`],
    ['layout coordinates ≤ 1e9', (d) => (d.layout.nodes.t = { x: 1e9, y: -1e9 }), (d) => (d.layout.nodes.t = { x: 1e10, y: 0 }), 'layout.nodes.t.x'],
    ['viewport zoom > 0', (d) => (d.layout.viewport = { x: 0, y: 0, zoom: 0.1 }), (d) => (d.layout.viewport = { x: 0, y: 0, zoom: 0 }), 'layout.viewport.zoom'],
    ['a primary key of 32 columns', (d) => (d.model.tables[0].primaryKey = { id: 'pk', columns: Array(32).fill('c') }), (d) => (d.model.tables[0].primaryKey = { id: 'pk', columns: Array(33).fill('c') }), 'model.tables[0].primaryKey.columns'],
    ['1600 columns', (d) => addColumns(d, 1599), (d) => addColumns(d, 1600), 'model.tables[0].columns'],
    ['storage parameters: 100 entries', (d) => (d.model.tables[0].with = options(100)), (d) => (d.model.tables[0].with = options(101)), 'model.tables[0].with'],
    ['a type name ≤ 1000 characters', type('x'.repeat(63)), type('x'.repeat(1001)), `${COL}.type.name`],
    ['a default ≤ 10 MB of SQL', (d) => (column(d).default = "'x'"), (d) => (column(d).default = 'x'.repeat(10_000_001)), `${COL}.default`],
  ])('%s', (_what, within, past, path) => {
    expect(problemsAfter(within)).toEqual([]);
    const problems = problemsAfter(past);
    expect(problems.map((p) => p.path)).toContain(path);
  });
});

function addColumns(doc: ModelDocument, extra: number): void {
  for (let i = 0; i < extra; i += 1) doc.model.tables[0].columns.push({ id: `c${i}`, name: `c${i}`, type: { name: 'text' }, notNull: false });
}

const options = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`o${i}`, '1']));

describe('messages say what PostgreSQL allows', () => {
  it('a 126-byte name names its limit in bytes', () => {
    const [problem] = problemsAfter((d) => (column(d).name = 'é'.repeat(63)));
    expect(problem).toEqual({ path: 'model.tables[0].columns[0].name', message: 'PostgreSQL identifiers are at most 63 bytes (in UTF-8); a longer one would be truncated' });
  });

  it.each([
    ['numeric', [2000], ['numeric modifier 1 must be between 1 and 1000']],
    ['character varying', [1, 2], ['character varying takes at most 1 type modifier']],
    ['citext', [99], []],
  ])('typeArgProblems(%j, %j)', (name, args, messages) => {
    expect(typeArgProblems(name, args).map((p) => p.message)).toEqual(messages);
  });
});
