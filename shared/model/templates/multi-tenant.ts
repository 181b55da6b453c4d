/**
 * A multi-tenant SaaS: tenants, global users, memberships with roles, and tenant-owned data whose
 * keys start with tenant_id, so every foreign key stays inside one tenant and row-level security
 * can isolate tenants by one setting.
 */
import type { ModelDocument, RawObject } from '../document.ts';
import { emptyModel, makeDocument } from '../empty.ts';
import { derivedId } from '../ids.ts';
import { table } from './build.ts';
import { layeredLayout } from './layout.ts';

const now = { type: 'timestamp with time zone', notNull: true, default: 'now()' } as const;
const newUuid = { type: 'uuid', notNull: true, default: 'gen_random_uuid()' } as const;
const tenantId = { type: 'uuid', notNull: true } as const;

function tables() {
  const tenants = table({
    name: 'tenants', comment: 'A customer organisation',
    columns: {
      id: newUuid, slug: { type: 'text', notNull: true, comment: 'Used in URLs' }, name: { type: 'text', notNull: true },
      plan: { type: 'public.plan_tier', notNull: true, default: "'free'::plan_tier" }, created_at: now,
    },
    primaryKey: ['id'],
    uniques: [{ columns: ['slug'] }],
    checks: [{ expression: "slug ~ '^[a-z0-9][a-z0-9-]*$'" }],
  });
  const users = table({
    name: 'users', comment: 'A person; one login across tenants',
    columns: { id: newUuid, email: { type: 'text', notNull: true }, display_name: { type: 'text' }, created_at: now },
    primaryKey: ['id'],
    indexes: [{ name: 'users_email_lower_key', unique: true, items: [{ expression: 'lower(email)' }] }],
  });
  const memberships = table({
    name: 'memberships', comment: 'Who belongs to which tenant, with which role',
    columns: {
      tenant_id: tenantId, user_id: { type: 'uuid', notNull: true },
      role: { type: 'public.member_role', notNull: true, default: "'member'::member_role" }, created_at: now,
    },
    primaryKey: ['tenant_id', 'user_id'],
    foreignKeys: [
      { columns: ['tenant_id'], references: 'tenants', onDelete: 'cascade' },
      { columns: ['user_id'], references: 'users', onDelete: 'cascade' },
    ],
    indexes: [{ items: ['user_id'] }],
  });
  const projects = table({
    name: 'projects', comment: 'Tenant-owned: the key starts with tenant_id',
    columns: { tenant_id: tenantId, id: newUuid, name: { type: 'text', notNull: true }, archived: { type: 'boolean', notNull: true, default: 'false' }, created_at: now },
    primaryKey: ['tenant_id', 'id'],
    uniques: [{ columns: ['tenant_id', 'name'] }],
    foreignKeys: [{ columns: ['tenant_id'], references: 'tenants', onDelete: 'cascade' }],
  });
  const tasks = table({
    name: 'tasks', comment: 'Tenant-owned; composite foreign keys keep a task, its project and its assignee in one tenant',
    columns: {
      tenant_id: tenantId, id: newUuid, project_id: { type: 'uuid', notNull: true }, assignee_id: { type: 'uuid' },
      title: { type: 'text', notNull: true }, status: { type: 'text', notNull: true, default: "'todo'::text" },
      due_on: { type: 'date' }, created_at: now,
    },
    primaryKey: ['tenant_id', 'id'],
    checks: [{ expression: "status = ANY (ARRAY['todo'::text, 'doing'::text, 'done'::text])" }],
    foreignKeys: [
      { columns: ['tenant_id', 'project_id'], references: 'projects', refColumns: ['tenant_id', 'id'], onDelete: 'cascade' },
      { columns: ['tenant_id', 'assignee_id'], references: 'memberships', refColumns: ['tenant_id', 'user_id'] },
    ],
    indexes: [{ name: 'tasks_open_by_project', items: ['tenant_id', 'project_id', { column: 'due_on', nulls: 'last' }], where: "status <> 'done'::text" }],
  });
  return [tenants, users, memberships, projects, tasks];
}

/** Row-level security: each tenant-owned table shows only the rows of `app.tenant_id`. */
function isolation(tableName: string, tableIdValue: string): RawObject[] {
  return [
    {
      id: derivedId.raw('other', 'public', `${tableName}_rls`), kind: 'other', schema: 'public', name: `${tableName}_rls`, tableId: tableIdValue,
      definition: `ALTER TABLE public.${tableName} ENABLE ROW LEVEL SECURITY;`,
    },
    {
      id: derivedId.raw('policy', 'public', `${tableName}_tenant_isolation`), kind: 'policy', schema: 'public', name: `${tableName}_tenant_isolation`, tableId: tableIdValue,
      definition: `CREATE POLICY ${tableName}_tenant_isolation ON public.${tableName} USING (tenant_id = (current_setting('app.tenant_id'::text))::uuid);`,
    },
  ];
}

/** Ex: `buildMultiTenant().model.enums.map((e) => e.name)` → `['plan_tier', 'member_role']`. */
export function buildMultiTenant(): ModelDocument {
  const model = emptyModel();
  model.enums.push(
    { id: derivedId.enum('public', 'plan_tier'), schema: 'public', name: 'plan_tier', values: ['free', 'pro', 'enterprise'] },
    { id: derivedId.enum('public', 'member_role'), schema: 'public', name: 'member_role', values: ['owner', 'admin', 'member', 'viewer'] },
  );
  model.tables.push(...tables());
  for (const t of model.tables.filter((x) => x.name === 'projects' || x.name === 'tasks')) model.rawObjects.push(...isolation(t.name, t.id));
  return makeDocument(model, layeredLayout(model), 'Multi-tenant SaaS');
}
