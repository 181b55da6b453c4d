/**
 * The sample models a new document can start from (`schemata new --template <name>`, the page's
 * template menu). Each `build()` returns a fresh document: callers may edit it freely. Names, titles
 * and descriptions live in `catalog.ts`.
 */
import type { ModelDocument } from '../document.ts';
import { buildAuditTrail } from './audit-trail.ts';
import { templateCatalog, type TemplateInfo } from './catalog.ts';
import { buildEcommerce } from './ecommerce.ts';
import { buildEventStore } from './event-store.ts';
import { buildMultiTenant } from './multi-tenant.ts';

export interface Template extends TemplateInfo {
  build: () => ModelDocument;
}

const builders: Record<string, () => ModelDocument> = {
  ecommerce: buildEcommerce,
  'event-store': buildEventStore,
  'multi-tenant': buildMultiTenant,
  'audit-trail': buildAuditTrail,
};

export const templates: Template[] = templateCatalog.map((info) => ({ ...info, build: builders[info.name] }));
