/**
 * Writes `schema/schemata-document.schema.json`, the JSON Schema of a Schemata document, from the
 * zod validators (`npm run schema:json`). A test (`server/json-schema.test.ts`) fails when the
 * committed file is out of date.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import * as z from 'zod';
import { DOCUMENT_VERSION, documentZod } from '../shared/model/document.ts';

export const JSON_SCHEMA_PATH = fileURLToPath(new URL('../schema/schemata-document.schema.json', import.meta.url));

/** The file's exact text: stable key order, two-space indent, trailing newline. */
export function documentJsonSchemaText(): string {
  const generated = z.toJSONSchema(documentZod) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  const schema = {
    $schema,
    title: `Schemata document (format version ${DOCUMENT_VERSION})`,
    description: 'A data model (schemas, tables, types, views, …) and its diagram layout, as saved by Schemata. Generated from shared/model/document.ts: do not edit by hand.',
    ...rest,
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  await writeFile(JSON_SCHEMA_PATH, documentJsonSchemaText());
  console.log(`wrote ${JSON_SCHEMA_PATH}`);
}
