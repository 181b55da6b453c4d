// Moved to shared/api/ (one module per resource); this re-export goes once every import points there.
export * from './api/targets.ts';
export * from './api/plans.ts';
