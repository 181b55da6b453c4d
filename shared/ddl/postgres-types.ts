/**
 * PostgreSQL CREATE statements for the objects a table may use: schemas, extensions, enums,
 * domains and sequences (and the sequence options identity columns share). Re-exported by
 * `postgres.ts`, where callers find them.
 */
import type { Domain, Enum, Extension, Schema, Sequence, SequenceOptions } from '../model/document.ts';
import { formatType } from '../model/types.ts';
import { quoteIdent, quoteLiteral, quoteName, quoteQualified } from './quote.ts';

export function createSchema(p: { schema: Pick<Schema, 'name'> }): string {
  return `CREATE SCHEMA ${quoteIdent(p.schema.name)};`;
}

/** `IF NOT EXISTS`: `plpgsql` and friends may already be installed in a fresh database. */
export function createExtension(p: { extension: Extension }): string {
  const e = p.extension;
  const schema = e.schema ? ` WITH SCHEMA ${quoteIdent(e.schema)}` : '';
  const version = e.version ? ` VERSION ${quoteLiteral(e.version)}` : '';
  return `CREATE EXTENSION IF NOT EXISTS ${quoteIdent(e.name)}${schema}${version};`;
}

export function createEnum(p: { enumType: Enum }): string {
  const values = p.enumType.values.map(quoteLiteral).join(', ');
  return `CREATE TYPE ${quoteQualified(p.enumType.schema, p.enumType.name)} AS ENUM (${values});`;
}

export function createDomain(p: { domain: Domain }): string {
  const d = p.domain;
  let sql = `CREATE DOMAIN ${quoteQualified(d.schema, d.name)} AS ${formatType(d.type)}`;
  if (d.collation) sql += ` COLLATE ${quoteName(d.collation)}`;
  if (d.default !== undefined) sql += ` DEFAULT ${d.default}`;
  if (d.notNull) sql += ' NOT NULL';
  for (const check of d.checks) {
    sql += `${check.name ? ` CONSTRAINT ${quoteIdent(check.name)}` : ''} CHECK (${check.expression})`;
  }
  return `${sql};`;
}

/** `AS bigint INCREMENT BY 1 …` for sequences and identity columns (only the options that are set). */
export function sequenceOptions(o: SequenceOptions): string {
  const parts: string[] = [];
  if (o.dataType) parts.push(`AS ${o.dataType}`);
  if (o.increment !== undefined) parts.push(`INCREMENT BY ${o.increment}`);
  if (o.minValue !== undefined) parts.push(`MINVALUE ${o.minValue}`);
  if (o.maxValue !== undefined) parts.push(`MAXVALUE ${o.maxValue}`);
  if (o.start !== undefined) parts.push(`START WITH ${o.start}`);
  if (o.cache !== undefined) parts.push(`CACHE ${o.cache}`);
  if (o.cycle !== undefined) parts.push(o.cycle ? 'CYCLE' : 'NO CYCLE');
  return parts.join(' ');
}

export function createSequence(p: { sequence: Sequence }): string {
  const options = sequenceOptions(p.sequence);
  return `CREATE SEQUENCE ${quoteQualified(p.sequence.schema, p.sequence.name)}${options ? ` ${options}` : ''};`;
}
