import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

// The dependency rule of ARCHITECTURE.md §1: client → shared ← server.
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'url', 'http', 'net'];
const drivers = ['pg', 'pg-*', '@electric-sql/*', 'mysql2', 'mysql2/*', 'sql.js', 'express'];

// shared/ runs unchanged in the browser, the server and the CLI, and does no I/O (shared/README.md).
// `globalThis` stays allowed: model/ids.ts reaches `crypto.randomUUID` through it, which both sides have.
const domGlobals = ['window', 'document', 'navigator', 'location', 'history', 'self', 'localStorage', 'sessionStorage',
  'indexedDB', 'DOMParser', 'XMLHttpRequest', 'WebSocket', 'fetch'];
const nodeGlobals = ['process', 'Buffer', 'require', 'module', 'exports', '__dirname', '__filename', 'global', 'setImmediate', 'clearImmediate'];
const sharedForbiddenGlobals = [
  ...domGlobals.map((name) => ({ name, message: `shared/ has no DOM and no I/O: ${name} belongs in client/.` })),
  ...nodeGlobals.map((name) => ({ name, message: `shared/ runs in the browser too: ${name} is Node-only; it belongs in server/.` })),
  { name: 'performance', message: 'shared/ functions are pure: time a call from its caller, not inside it.' },
];

// client/ by feature (client/README.md); `data/` (typed HTTP clients) stays importable from the store.
const clientFeatures = ['shell', 'canvas', 'inspector', 'objects', 'sql', 'live', 'io', 'projects', 'comments'];
const clientPatterns = [
  { group: ['**/server/**'], message: 'client/ talks to the server over HTTP only.' },
  { group: nodeBuiltins, message: 'client/ runs in the browser.' },
  { group: drivers, message: 'client/ never touches a database driver.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'public/**', 'data/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'warn',
      // `import { z } from 'zod'` is zod's whole namespace object as one value: a bundler keeps all of
      // it (locales, JSON Schema conversion: 755 KB in the server build). `import * as z` lets esbuild
      // and Rollup keep only what is used (170 KB), which the CLI's start-up pays for on every run.
      'no-restricted-syntax': ['error', {
        selector: "ImportDeclaration[source.value='zod'] > ImportSpecifier[imported.name='z']",
        message: "Write `import * as z from 'zod'`: the named `z` makes bundles keep all of zod.",
      }],
    },
  },
  {
    // No import cycles (issue 10): a module and everything it imports form a tree, so each can be read,
    // tested and moved on its own. Type-only imports do not count (they vanish at run time). Every
    // specifier in the repo is relative and names its file (`./x.ts`), so the plain node resolver finds
    // them all without a TypeScript resolver.
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs'] })],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: nodeBuiltins, message: 'shared/ is pure TypeScript: no node:* modules.' },
          { group: drivers, message: 'shared/ never touches a database driver or the HTTP server.' },
          { group: ['**/client/**', '**/server/**', 'react', 'react-dom', '@xyflow/*'], message: 'shared/ imports nothing from client/ or server/.' },
        ],
      }],
      'no-restricted-globals': ['error', ...sharedForbiddenGlobals],
    },
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: clientPatterns }],
    },
  },
  {
    // The store is the bottom of the client (client/README.md): features read and change it, it
    // imports no feature folder and no component (a later block replaces the options, so the
    // client patterns are repeated).
    files: ['client/store/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          ...clientPatterns,
          { group: ['**/canvas/**', ...clientFeatures.map((f) => `../${f}/**`), '**/*.tsx'], message: 'client/store/ imports no feature folder and no component: move the pure part to shared/ or into store/.' },
        ],
      }],
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/client/**'], message: 'server/ imports nothing from client/.' }],
      }],
    },
  },
);
