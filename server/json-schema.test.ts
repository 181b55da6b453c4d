import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { documentZod } from '../shared/model/document.ts';
import { emptyModel, makeDocument } from '../shared/model/empty.ts';
import { documentJsonSchemaText, JSON_SCHEMA_PATH } from '../scripts/write-json-schema.ts';

describe('schema/schemata-document.schema.json', () => {
  it('is what the zod validators generate today (run `npm run schema:json` when this fails)', async () => {
    const committed = await readFile(JSON_SCHEMA_PATH, 'utf8');
    expect(committed).toBe(documentJsonSchemaText());
  });

  it('describes the document envelope and the model parts', async () => {
    const schema = JSON.parse(await readFile(JSON_SCHEMA_PATH, 'utf8'));
    expect(schema.required).toEqual(expect.arrayContaining(['format', 'version', 'model', 'layout']));
    const modelKeys = Object.keys(schema.properties.model.properties).sort();
    expect(modelKeys).toEqual(Object.keys(documentZod.shape.model.shape).sort());
    expect(Object.keys(makeDocument(emptyModel())).every((key) => key in schema.properties)).toBe(true);
  });
});
