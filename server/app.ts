/**
 * `createApp(deps)` builds the studio's Express app without listening (tests import it; `index.ts`
 * listens). Order matters: the origin guard first (a refused request is not even parsed), then the
 * access token (an unauthenticated body is not parsed either), then the JSON body, the API routes, a
 * JSON 404 for unknown `/api/*`, the built client with its SPA fallback, and last the one error
 * middleware.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import express, { Router, type Express } from 'express';
import { BUILT_IN_TIMEOUTS } from './db/timeouts.ts';
import type { AppDeps } from './http/deps.ts';
import { errorMiddleware, notFound } from './http/errors.ts';
import { originGuard } from './http/origin-guard.ts';
import { securityHeaders } from './http/security-headers.ts';
import { accessRoutes, tokenGuard } from './http/token.ts';
import { shareGuard } from './http/share-access.ts';
import { shareLinkRoutes } from './routes/share-links.ts';
import { ddlRoutes } from './routes/ddl.ts';
import { healthRoutes } from './routes/health.ts';
import { importRoutes } from './routes/import.ts';
import { liveMigrations } from './live/migration.ts';
import { introspectRoutes } from './routes/introspect.ts';
import { migrateRoutes } from './routes/migrate.ts';
import { migrationFilesRoutes } from './routes/migration-files.ts';
import { projectRoutes } from './routes/projects.ts';
import { commentRoutes } from './routes/comments.ts';
import { revertRoutes } from './routes/revert.ts';
import { targetRoutes } from './routes/targets.ts';
import { templateRoutes } from './routes/templates.ts';

export type { AppDeps } from './http/deps.ts';

/**
 * The largest JSON body the API reads; a larger one is a 413 `payload-too-large` (README, Limits).
 * Large models are tens of megabytes of JSON; an import's text is capped at 20 M characters.
 */
const BODY_LIMIT = '50mb';
/** The repository (where package.json is): server/ from source, dist/server/ when compiled. */
const ROOT = packageRoot(import.meta.dirname);

function packageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? 'unknown';
}

function apiRouter(deps: AppDeps): Router {
  const api = Router();
  // The live-migration use case, one per app: a plan's canonical model is reused by its apply.
  const live = { live: liveMigrations({ targets: deps.targets, timeouts: deps.timeouts ?? BUILT_IN_TIMEOUTS }), log: deps.log };
  // The route list: one line per feature.
  api.use(healthRoutes(deps));
  api.use(accessRoutes());
  api.use(ddlRoutes(deps));
  api.use(migrationFilesRoutes(deps));
  api.use(templateRoutes(deps));
  api.use(projectRoutes(deps));
  api.use(shareLinkRoutes(deps));
  api.use(commentRoutes(deps));
  api.use(targetRoutes(deps));
  api.use(introspectRoutes(deps));
  api.use(migrateRoutes(live));
  api.use(revertRoutes(live));
  api.use(importRoutes(deps));
  api.use((req) => {
    throw notFound(`no API endpoint ${req.method} ${req.originalUrl}`);
  });
  return api;
}

/**
 * PostgreSQL's parser (libpg-query's WebAssembly) is fetched beside whatever loads it: the page's
 * directory (`/p/` for a project) or a worker's (`/assets/`). It is answered there too, rather than
 * with the page, which cost a failed compile and a second download before a project could open.
 */
const PARSER_WASM = /\/libpg-query\.wasm$/;

/**
 * Vite names each file it writes under `assets/` after its content's hash, so a browser may keep
 * it for good and open the studio again without asking for each script once more (19 requests on
 * the page's start). The page itself and the parser's WebAssembly keep their names from build to
 * build: those are asked again each time (ETag).
 */
const FOREVER = 'public, max-age=31536000, immutable';

/** The built client, and `index.html` for every other path so `/p/:id` opens the app. */
function clientRouter(clientDir: string): Router {
  const router = Router();
  const hashed = join(clientDir, 'assets') + sep;
  router.use(express.static(clientDir, {
    index: false,
    setHeaders: (res, path) => {
      if (path.startsWith(hashed)) res.setHeader('Cache-Control', FOREVER);
    },
  }));
  router.get(PARSER_WASM, (_req, res) => res.sendFile(join(clientDir, 'libpg-query.wasm')));
  router.get('/{*splat}', (_req, res) => {
    const index = join(clientDir, 'index.html');
    if (!existsSync(index)) {
      res.status(404).type('text').send('The Schemata client is not built yet: run `npm run build` (or `npm start`).');
      return;
    }
    res.sendFile(index);
  });
  return router;
}

export function createApp(input: AppDeps): Express {
  const deps: AppDeps = { ...input, version: input.version ?? packageVersion() };
  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders());
  app.use(originGuard(deps));
  // A read-only share link first: it may pass the token guard for its own project's reads only.
  app.use(shareGuard(deps));
  app.use(tokenGuard(deps));
  app.use(express.json({ limit: BODY_LIMIT }));
  app.use('/api', apiRouter(deps));
  app.use(clientRouter(deps.clientDir ?? join(ROOT, 'dist', 'client')));
  app.use(errorMiddleware(deps.log));
  return app;
}
