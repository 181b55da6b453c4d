/**
 * The sample models a new document can start from (`schemata new --template <name>`, the page's
 * template menu). Each `build()` returns a fresh document: callers may edit it freely.
 */
import type { ModelDocument } from '../document.ts';
import { buildAuditTrail } from './audit-trail.ts';
import { buildEcommerce } from './ecommerce.ts';
import { buildEventStore } from './event-store.ts';
import { buildMultiTenant } from './multi-tenant.ts';

export interface Template {
  name: string;
  title: string;
  description: string;
  build: () => ModelDocument;
}

export const templates: Template[] = [
  {
    name: 'ecommerce',
    title: 'E-commerce',
    description: 'Customers, addresses, a category tree, products, orders and order items, with enums, checks and a partial unique index.',
    build: buildEcommerce,
  },
  {
    name: 'event-store',
    title: 'Event store',
    description: 'Immutable event streams with per-stream versions, snapshots, projection checkpoints and a read-side projection.',
    build: buildEventStore,
  },
  {
    name: 'multi-tenant',
    title: 'Multi-tenant SaaS',
    description: 'Tenants, users and memberships; tenant-owned tables keyed by (tenant_id, id) with composite foreign keys and row-level security.',
    build: buildMultiTenant,
  },
  {
    name: 'audit-trail',
    title: 'Audit trail',
    description: 'A generic audit log in its own schema, filled by one trigger function attached to each audited table.',
    build: buildAuditTrail,
  },
];
