// `npm run dev`: the API server with reload (tsx watch) and Vite's dev server with hot reload.
import { execFileSync, spawn } from 'node:child_process';

// The page checks documents with PostgreSQL's parser: its WebAssembly must be in public/ (as `build` does).
execFileSync('node', ['scripts/copy-wasm.mjs'], { stdio: 'inherit' });

// Vite's proxy forwards the page's own Origin (the dev server's), which the studio must accept here.
const devOrigins = 'http://localhost:5173,http://127.0.0.1:5173';
const serverEnv = { ...process.env, SCHEMATA_ALLOWED_ORIGINS: process.env.SCHEMATA_ALLOWED_ORIGINS ?? devOrigins };

const children = [
  spawn('npx', ['tsx', 'watch', '--clear-screen=false', 'server/index.ts'], { stdio: 'inherit', env: serverEnv }),
  spawn('npx', ['vite'], { stdio: 'inherit', env: { ...process.env } }),
];
const stop = () => children.forEach((child) => child.kill('SIGTERM'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
children.forEach((child) => child.on('exit', (code) => { if (code) { stop(); process.exitCode = code; } }));
