// `npm run dev`: the API server with reload (tsx watch) and Vite's dev server with hot reload.
// The page comes from Vite, so the link to open is Vite's with the server's access token: the token
// is made here (or taken from SCHEMATA_TOKEN) and given to the server, so it survives the server's
// reloads, and Vite's proxy hands `?token=` links to the server, which sets the cookie.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';

// Vite's proxy forwards the page's own Origin (the dev server's), which the studio must accept here.
const devOrigins = 'http://localhost:5173,http://127.0.0.1:5173';
const token = process.env.SCHEMATA_TOKEN?.trim() || randomBytes(32).toString('base64url');
const serverEnv = { ...process.env, SCHEMATA_ALLOWED_ORIGINS: process.env.SCHEMATA_ALLOWED_ORIGINS ?? devOrigins, SCHEMATA_TOKEN: token };

const vite = spawn('npx', ['vite', '--clearScreen', 'false'], { stdio: ['inherit', 'pipe', 'inherit'], env: { ...process.env } });
const children = [
  spawn('npx', ['tsx', 'watch', '--clear-screen=false', 'server/index.ts'], { stdio: 'inherit', env: serverEnv }),
  vite,
];

// Vite prints its address once it listens (a busy 5173 makes it take the next port): the link follows it.
let viteOutput = '';
let linkPrinted = false;
vite.stdout.on('data', (chunk: Buffer) => {
  process.stdout.write(chunk);
  if (linkPrinted) return;
  viteOutput += chunk.toString();
  const local = /Local:\s+(http:\/\/\S+?)\/?\s/.exec(viteOutput.replace(/\x1b\[[0-9;]*m/g, ''));
  if (!local) return;
  linkPrinted = true;
  console.log(`\nSchemata (dev) is running at ${local[1]}/?token=${encodeURIComponent(token)}\n`);
});

const stop = () => children.forEach((child) => child.kill('SIGTERM'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
children.forEach((child) => child.on('exit', (code) => { if (code) { stop(); process.exitCode = code; } }));
