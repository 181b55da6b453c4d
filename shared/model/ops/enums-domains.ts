/**
 * Edit ops on user-defined types: enums and domains. Renaming one rewrites every column and domain
 * that uses it; removing one turns its columns into the nearest built-in type.
 */
import type { ColumnType, Domain, Enum, Model } from '../document.ts';
import { newId } from '../ids.ts';
import { formatType } from '../types.ts';
import { mapViewColumnDefaults } from './views.ts';
import { applyPatch, ensureSchema, filterShared, mapColumnTypes, mapShared, updateTables } from './structural-sharing.ts';
import { checkName } from './op-names.ts';
import { ModelOpError } from './model-op-error.ts';

const isType = (type: ColumnType, schema: string, name: string) => type.schema === schema && type.name === name;

/** Points every use of `schema.name` at `to` (keeping array dimensions), casts in defaults included. */
function retype(model: Model, from: { schema: string; name: string }, to: ColumnType): Model {
  const next = mapColumnTypes(model, (type) => {
    if (!isType(type, from.schema, from.name)) return type;
    return { ...to, ...(type.arrayDims ? { arrayDims: type.arrayDims } : {}) };
  });
  return recastDefaults(next, from, to);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** `name` as it may be written in SQL: bare (any case) or double-quoted. */
const written = (name: string) => `(?:"${escape(name.replace(/"/g, '""'))}"|${escape(name)})`;

/**
 * Defaults such as `'pending'::order_status` (of table columns, domains and view columns) name
 * their type: after a rename or removal they must cast to the new type, or the default no longer parses.
 */
function recastDefaults(model: Model, from: { schema: string; name: string }, to: ColumnType): Model {
  const cast = new RegExp(`::\\s*(${written(from.schema)}\\s*\\.\\s*)?${written(from.name)}(?![A-Za-z0-9_$"])`, 'gi');
  const target = (qualified: boolean) => `::${formatType(qualified || to.schema !== from.schema ? to : { name: to.name })}`;
  const fix = (text: string | undefined) => text?.replace(cast, (_m, schemaPart: string | undefined) => target(!!schemaPart));
  const next = updateTables(model, (t) => {
    const columns = mapShared(t.columns, (c) => (c.default && fix(c.default) !== c.default ? { ...c, default: fix(c.default) } : c));
    return columns === t.columns ? t : { ...t, columns };
  });
  const domains = mapShared(next.domains, (d) => (d.default && fix(d.default) !== d.default ? { ...d, default: fix(d.default) } : d));
  return mapViewColumnDefaults(domains === next.domains ? next : { ...next, domains }, (text) => fix(text)!);
}

export interface AddEnumParams {
  id?: string;
  schema?: string;
  name: string;
  values?: string[];
  comment?: string;
}

/** Ex: `addEnum(model, { name: 'order_status', values: ['pending', 'paid'] })`. */
export function addEnum(model: Model, params: AddEnumParams): Model {
  const schema = checkName(params.schema ?? 'public', 'schema');
  checkName(params.name, 'enum');
  checkValues(params.values ?? []);
  const item: Enum = { id: params.id ?? newId('enum'), schema, name: params.name, values: [...(params.values ?? [])], ...(params.comment ? { comment: params.comment } : {}) };
  const next = ensureSchema(model, schema);
  return { ...next, enums: [...next.enums, item] };
}

export interface EnumPatch {
  name?: string;
  schema?: string;
  /** The full new list of values (add, remove, reorder). Renames go through `renameEnumValue`. */
  values?: string[];
  comment?: string | null;
}

/** Renames and moves propagate to every column typed with the enum. */
export function updateEnum(model: Model, params: { enumId: string; patch: EnumPatch }): Model {
  const old = model.enums.find((e) => e.id === params.enumId);
  if (!old) return model;
  const patch = { ...params.patch, ...(params.patch.comment === '' ? { comment: null } : {}) };
  if (patch.name !== undefined) checkName(patch.name, 'enum');
  if (patch.schema !== undefined) checkName(patch.schema, 'schema');
  if (patch.values) checkValues(patch.values);
  const updated = applyPatch(old, patch);
  if (updated === old) return model;
  let next: Model = { ...model, enums: model.enums.map((e) => (e === old ? updated : e)) };
  if (updated.name !== old.name || updated.schema !== old.schema) {
    next = ensureSchema(retype(next, old, { name: updated.name, schema: updated.schema }), updated.schema);
  }
  return next;
}

/** Renames one value; column defaults written as `'old'` or `'old'::<type>` follow. */
export function renameEnumValue(model: Model, params: { enumId: string; from: string; to: string }): Model {
  const item = model.enums.find((e) => e.id === params.enumId);
  if (!item || !item.values.includes(params.from) || !params.to || item.values.includes(params.to)) return model;
  const values = item.values.map((v) => (v === params.from ? params.to : v));
  const literal = `'${params.from.replace(/'/g, "''")}'`;
  const next = updateTables(model, (t) => {
    const columns = mapShared(t.columns, (c) => {
      if (!isType(c.type, item.schema, item.name) || !c.default) return c;
      if (c.default !== literal && !c.default.startsWith(`${literal}::`)) return c;
      return { ...c, default: `'${params.to.replace(/'/g, "''")}'${c.default.slice(literal.length)}` };
    });
    return columns === t.columns ? t : { ...t, columns };
  });
  return { ...next, enums: next.enums.map((e) => (e === item ? { ...e, values } : e)) };
}

/** Removes an enum; its columns become `text` (their data survives as text). */
export function removeEnum(model: Model, params: { enumId: string }): Model {
  const item = model.enums.find((e) => e.id === params.enumId);
  if (!item) return model;
  const next = retype(model, item, { name: 'text' });
  return { ...next, enums: next.enums.filter((e) => e !== item) };
}

export interface AddDomainParams {
  id?: string;
  schema?: string;
  name: string;
  type: ColumnType;
  notNull?: boolean;
  default?: string;
  checks?: Array<{ expression: string; name?: string }>;
  comment?: string;
}

/** Ex: `addDomain(model, { name: 'email', type: { name: 'text' }, checks: [{ expression: "VALUE ~ '@'" }] })`. */
export function addDomain(model: Model, params: AddDomainParams): Model {
  const schema = checkName(params.schema ?? 'public', 'schema');
  checkName(params.name, 'domain');
  const domain: Domain = {
    id: params.id ?? newId('domain'),
    schema,
    name: params.name,
    type: params.type,
    notNull: params.notNull ?? false,
    ...(params.default ? { default: params.default } : {}),
    checks: (params.checks ?? []).map((c) => ({ id: newId('dck'), expression: c.expression, ...(c.name ? { name: c.name } : {}) })),
    ...(params.comment ? { comment: params.comment } : {}),
  };
  const next = ensureSchema(model, schema);
  return { ...next, domains: [...next.domains, domain] };
}

export type DomainPatch = { [K in keyof Omit<Domain, 'id'>]?: Domain[K] | null };

/** Renames and moves propagate to every column typed with the domain. */
export function updateDomain(model: Model, params: { domainId: string; patch: DomainPatch }): Model {
  const old = model.domains.find((d) => d.id === params.domainId);
  if (!old) return model;
  const patch: DomainPatch = { ...params.patch };
  for (const key of ['default', 'collation', 'comment'] as const) if (patch[key] === '') patch[key] = null;
  if (patch.checks) patch.checks = patch.checks.filter((c) => c.expression.trim());
  if (patch.name) checkName(patch.name, 'domain');
  if (patch.schema) checkName(patch.schema, 'schema');
  if (patch.name === '' || patch.schema === '' || patch.name === null || patch.schema === null || patch.type === null || patch.notNull === null) throw new ModelOpError('a domain needs a name, a schema, a type and nullability');
  const updated = applyPatch(old, patch);
  if (updated === old) return model;
  let next: Model = { ...model, domains: model.domains.map((d) => (d === old ? updated : d)) };
  if (updated.name !== old.name || updated.schema !== old.schema) {
    next = ensureSchema(retype(next, old, { name: updated.name, schema: updated.schema }), updated.schema);
  }
  return next;
}

/** Removes a domain; its columns take the domain's base type. */
export function removeDomain(model: Model, params: { domainId: string }): Model {
  const domain = model.domains.find((d) => d.id === params.domainId);
  if (!domain) return model;
  const next = retype(model, domain, domain.type);
  return { ...next, domains: filterShared(next.domains, (d) => d.id !== domain.id) };
}

/** Enum values are non-empty and distinct (PostgreSQL refuses both). */
function checkValues(values: string[]): void {
  if (values.some((v) => v === '')) throw new ModelOpError('an enum value cannot be empty');
  const repeated = values.find((v, i) => values.indexOf(v) !== i);
  if (repeated !== undefined) throw new ModelOpError(`the enum value "${repeated}" is listed twice`);
}
