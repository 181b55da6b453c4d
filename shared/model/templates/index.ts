/**
 * The sample models a new document can start from (`schemata new --template <name>`, the page's
 * template menu). Each `build()` returns a fresh document: callers may edit it freely.
 */
import type { ModelDocument } from '../document.ts';
import { buildEcommerce } from './ecommerce.ts';

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
];
