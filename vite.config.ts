/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The client lives in client/; the server serves the built files from dist/client.
export default defineConfig({
  root: 'client',
  publicDir: '../public',
  plugins: [react()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
  },
  server: {
    port: 5173,
    proxy: {
      // ws: co-editing rooms are WebSockets under /api/projects/:id/live.
      '/api/': { target: 'http://127.0.0.1:4780', ws: true },
      // The access link (`/?token=…`, any page): the server sets its cookie and redirects to the page without it.
      '^/[^?#]*\\?(?:[^#]*&)?token=': 'http://127.0.0.1:4780',
    },
  },
  test: {
    root: '.',
    include: ['shared/**/*.test.ts', 'server/**/*.test.ts', 'client/**/*.test.ts'],
    // Builds dist/server/ when stale: the tests that start the CLI as a process run it compiled.
    globalSetup: ['server/testing/compiled-cli-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: true,
    maxWorkers: 2,
  },
});
