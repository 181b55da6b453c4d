/**
 * The templates by name, title and description, without their builders: what a list of them shows
 * (`schemata templates`) without loading the document schema the builders need. `index.ts` pairs
 * each entry with its `build()`.
 */
export interface TemplateInfo {
  name: string;
  title: string;
  description: string;
}

export const templateCatalog: TemplateInfo[] = [
  {
    name: 'ecommerce',
    title: 'E-commerce',
    description: 'Customers, addresses, a category tree, products, orders and order items, with enums, checks and a partial unique index.',
  },
  {
    name: 'event-store',
    title: 'Event store',
    description: 'Immutable event streams with per-stream versions, snapshots, projection checkpoints and a read-side projection.',
  },
  {
    name: 'multi-tenant',
    title: 'Multi-tenant SaaS',
    description: 'Tenants, users and memberships; tenant-owned tables keyed by (tenant_id, id) with composite foreign keys and row-level security.',
  },
  {
    name: 'audit-trail',
    title: 'Audit trail',
    description: 'A generic audit log in its own schema, filled by one trigger function attached to each audited table.',
  },
];
