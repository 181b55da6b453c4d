// `npm run bench -- canvas`: how the canvas copes with large models, in Debian's Chromium against the
// real server (a free port, data in a throwaway directory). Two models: the largest corpus schema
// (musicbrainz, imported with importSql, placed by the client's starting layout) and a generated
// 2,000-table model. For each: time to first render, frames per second while panning (at the view
// the page opens on, fitted down to the minimum zoom of 0.05 for these tall starting grids, then at
// working zoom after a palette jump), and time for a rename (inspector, Enter) to repaint.
// Builds the client first if dist/client is missing. Prints figures; asserts nothing about time.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import type { Model } from '../shared/model/document.ts';
import { makeDocument } from '../shared/model/empty.ts';
import { importSql } from '../shared/io/sql-import/import-sql.ts';
import { withMissingPositions } from '../shared/model/initial-layout.ts';
import { generateModel } from './_generate-model.ts';
import { startStudio, type BenchStudio } from './_studio.ts';
import { installFrameRecorder, jumpTo, measureFirstRender, measureLive, measurePan, measureRename, type PanResult } from './_canvas-measure.ts';

const ROOT = join(import.meta.dirname, '..');
const MUSICBRAINZ = join(ROOT, '..', 'shared', 'schemas', 'musicbrainz', 'schema.sql');
const VIEWPORT = { width: 1440, height: 900 };
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];
/** Renames per model: the first pays for code the page has not run yet, so it is printed apart from the median. */
const RENAMES = 7;

function ensureBuilt(): void {
  const clientDir = process.env.SCHEMATA_BENCH_CLIENT;
  if (clientDir && !existsSync(join(clientDir, 'index.html'))) throw new Error(`SCHEMATA_BENCH_CLIENT: no index.html in ${clientDir}`);
  if (clientDir || existsSync(join(ROOT, 'dist', 'client', 'index.html'))) return;
  console.log('dist/client is missing: building the client (npm run build)…');
  const built = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('npm run build failed');
}

async function saveProject({ url, token }: BenchStudio, name: string, model: Model): Promise<string> {
  const document = makeDocument(model, withMissingPositions(model, makeDocument(model).layout), name);
  const response = await fetch(`${url}/api/projects`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ name, document }),
  });
  if (!response.ok) throw new Error(`POST /api/projects: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

interface Figures {
  model: string;
  tables: number;
  firstRenderMs: number;
  /** From navigation to the page being live in the project's room (co-editing). */
  liveMs: number;
  nodesInDom: number;
  panOverview?: PanResult;
  panWorking?: PanResult;
  renameMs: number[];
  renameFrameMs: number[];
}

async function measureModel(browser: Browser, studio: BenchStudio, label: string, model: Model): Promise<Figures> {
  const id = await saveProject(studio, label, model);
  // A bearer rather than the `?token=` link: its redirect would count in the time to first render.
  const page = await browser.newPage({ viewport: VIEWPORT, extraHTTPHeaders: { authorization: `Bearer ${studio.token}` } });
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  await installFrameRecorder(page);
  await page.goto(`${studio.url}/p/${encodeURIComponent(id)}`);
  const first = await measureFirstRender(page);
  // The page joins the project's room once the diagram is drawn; panning is measured after that.
  const liveMs = await measureLive(page);
  const panOverview = await measurePan(page);
  // A table in the middle of the model: the palette selects it, zooms to it and opens the inspector.
  const target = model.tables[Math.floor(model.tables.length / 2)];
  await jumpTo(page, target.schema, target.name).catch(async (error: unknown) => {
    await page.screenshot({ path: join(studio.dataDir, `${label}-jump-failed.png`) });
    throw new Error(`jumping to ${target.name} failed (screenshot in ${studio.dataDir}): ${String(error)}`);
  });
  const panWorking = await measurePan(page);
  const renames = [];
  const profiler = await profileIfAsked(page);
  for (let i = 1; i <= RENAMES; i++) {
    renames.push(await measureRename(page, target.schema, `${target.name.slice(0, 50)}_r${i}`));
    await page.waitForTimeout(300);
  }
  await profiler?.save(`${label}-renames`);
  await page.screenshot({ path: join(studio.dataDir, `${label}.png`) });
  await page.close();
  return {
    model: label, tables: model.tables.length, firstRenderMs: first.ms, liveMs, nodesInDom: first.nodes, panOverview, panWorking,
    renameMs: renames.map((r) => r.domMs), renameFrameMs: renames.map((r) => r.frameMs),
  };
}

/**
 * With SCHEMATA_BENCH_PROFILE=<dir>, a CPU profile of the page during the renames is written there
 * (open it in Chromium's DevTools, Performance tab). Build the client unminified for readable names:
 * `npx vite build --minify false --outDir ../dist/bench-client` (Vite's root is client/) and SCHEMATA_BENCH_CLIENT=dist/bench-client.
 */
async function profileIfAsked(page: Page): Promise<{ save: (name: string) => Promise<void> } | undefined> {
  const dir = process.env.SCHEMATA_BENCH_PROFILE;
  if (!dir) return undefined;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  return {
    async save(name) {
      const { profile } = await cdp.send('Profiler.stop');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
      console.log(`profile: ${join(dir, `${name}.cpuprofile`)}`);
    },
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Issue 11's targets on this machine (Chromium, 1440×900), printed beside each figure. */
interface Target { firstRenderS: number; fps: number; renameMs: number }
const TARGETS: Record<string, Target> = {
  musicbrainz: { firstRenderS: 1.5, fps: 55, renameMs: 30 },
  'generated-2000': { firstRenderS: 2.5, fps: 45, renameMs: 30 },
};
const verdict = (met: boolean) => (met ? 'ok' : 'MISSED');
const fps = (pan: PanResult | undefined, target: Target) => (pan
  ? `${pan.fps.toFixed(0)} fps, worst frame ${pan.worstFrameMs.toFixed(0)} ms (≥ ${target.fps}: ${verdict(pan.fps >= target.fps)})`
  : 'n/a (no empty pane)');

function printTable(rows: Figures[]): void {
  const header = ['model', 'tables', 'first render', 'live', 'nodes in DOM', 'pan, fit view', 'pan, working zoom', 'rename → repaint'];
  const cells = rows.map((r) => {
    const target = TARGETS[r.model];
    const first = r.firstRenderMs / 1000;
    const rename = median(r.renameFrameMs);
    return [
      r.model, String(r.tables), `${first.toFixed(2)} s (≤ ${target.firstRenderS} s: ${verdict(first <= target.firstRenderS)})`,
      `${(r.liveMs / 1000).toFixed(2)} s`, String(r.nodesInDom), fps(r.panOverview, target), fps(r.panWorking, target),
      `${rename.toFixed(0)} ms to the painted frame, ${median(r.renameMs).toFixed(0)} ms to the DOM (≤ ${target.renameMs} ms: ${verdict(rename <= target.renameMs)}); the first: ${r.renameFrameMs[0].toFixed(0)} ms`,
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(widths[i])).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const c of cells) console.log(line(c));
}

async function main(): Promise<void> {
  ensureBuilt();
  const musicbrainz = (await importSql(readFileSync(MUSICBRAINZ, 'utf8'))).model;
  const generated = generateModel({ tables: 2000 });
  const studio = await startStudio();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const rows = [];
    for (const [label, model] of [['musicbrainz', musicbrainz], ['generated-2000', generated]] as const) {
      rows.push(await measureModel(browser, studio, label, model));
    }
    console.log(`Chromium ${browser.version()}, viewport ${VIEWPORT.width}×${VIEWPORT.height}, software rendering; medians of ${RENAMES} renames`);
    printTable(rows);
    if (process.env.SCHEMATA_BENCH_KEEP) console.log(`screenshots: ${studio.dataDir}/*.png`);
  } finally {
    await browser.close();
    await studio.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
