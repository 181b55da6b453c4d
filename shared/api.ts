// Moved to shared/api/ (one module per resource); this re-export goes once every import points there.
export * from './api/errors.ts';
export * from './api/document.ts';
export { documentZod as documentInputZod } from './api/document.ts';
export * from './api/health.ts';
export * from './api/ddl.ts';
export * from './api/templates.ts';
export * from './api/projects.ts';
