/**
 * Web (issue 9 §5):
 *  - the production bundle: what the first page loads (index.html's scripts and module preloads, and
 *    their static imports), raw and gzip, from dist/apps/web/browser and its esbuild stats
 *    (`--stats-json`); where the editor (TipTap/ProseMirror/Yjs) and the charts (ECharts) land; the
 *    floor is Angular's own share of that initial JavaScript (framework, router, RxJS, tslib);
 *  - Lighthouse 12 (performance, mobile preset with its simulated throttling) on the app served by
 *    the API, against the same pages rendered by the app, saved as static HTML with the same CSS and
 *    no JavaScript, served by a bare Node `http` server.
 * Run: npm run bench:web      (builds the web app with --stats-json first)
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { createDatabase, round, run, saveSection, startApi, type Figure } from './support';

const ROOT = join(__dirname, '..');
const BROWSER = join(ROOT, 'dist', 'apps', 'web', 'browser');
const STATS = join(ROOT, 'dist', 'apps', 'web', 'stats.json');
const CHROMIUM = process.env['CHROME_PATH'] ?? '/usr/bin/chromium';
const PAGES = [
  { name: 'home', path: '/' },
  { name: 'sign-in', path: '/sign-in' },
];
const FRAMEWORK = /^node_modules\/(@angular\/(core|common|platform-browser|router)|rxjs|tslib)\//;
const LAZY_GROUPS: Record<string, RegExp> = {
  'editor (TipTap, ProseMirror, Yjs)': /^node_modules\/(@tiptap|prosemirror-|yjs|y-prosemirror|y-protocols|lib0|ngx-tiptap)/,
  // ngx-echarts itself (its directive and `provideEchartsCore`, a few KB) may be in the routes' files; the library is what must wait.
  'charts (ECharts, ZRender)': /^node_modules\/(echarts|zrender)\//,
};

interface Metafile {
  outputs: Record<string, { bytes: number; imports: { path: string; kind: string }[]; inputs: Record<string, { bytesInOutput: number }> }>;
}

const kb = (bytes: number) => round(bytes / 1024, 1);
const gzip = (file: string) => gzipSync(readFileSync(join(BROWSER, file)), { level: 9 }).length;

function bundle(): { figures: Figure[]; notes: string[]; details: string } {
  const html = readFileSync(join(BROWSER, 'index.html'), 'utf8');
  const entry = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)].map((m) => m[1]);
  const css = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+\.css)"/g)].map((m) => m[1]);
  const meta = JSON.parse(readFileSync(STATS, 'utf8')) as Metafile;
  const outputs = new Map(
    Object.entries(meta.outputs)
      .filter(([path]) => path.endsWith('.js'))
      .map(([path, o]) => [basename(path), o]),
  );
  // The initial set: what index.html names, and everything they import statically.
  const initial = new Set<string>();
  const visit = (file: string) => {
    if (initial.has(file)) return;
    initial.add(file);
    for (const i of outputs.get(file)?.imports ?? []) if (i.kind === 'import-statement') visit(basename(i.path));
  };
  entry.forEach(visit);
  const missing = [...initial].filter((f) => !existsSync(join(BROWSER, f)));
  if (missing.length)
    throw new Error(
      `dist/apps/web/stats.json does not match dist/apps/web/browser (missing ${missing.join(', ')}): rebuild with --stats-json`,
    );
  const all = readdirSync(BROWSER).filter((f) => extname(f) === '.js');
  const lazy = all.filter((f) => !initial.has(f));
  const raw = (files: Iterable<string>) => [...files].reduce((sum, f) => sum + readFileSync(join(BROWSER, f)).length, 0);
  const gz = (files: Iterable<string>) => [...files].reduce((sum, f) => sum + gzip(f), 0);
  const initialRaw = raw(initial);
  const initialGzip = gz(initial);
  const bytesOf = (files: Iterable<string>, test: RegExp) =>
    [...files].reduce(
      (sum, f) =>
        sum +
        Object.entries(outputs.get(f)?.inputs ?? {})
          .filter(([path]) => test.test(path))
          .reduce((s, [, i]) => s + i.bytesInOutput, 0),
      0,
    );
  const frameworkRaw = bytesOf(initial, FRAMEWORK);
  const inputsOfInitial = bytesOf(initial, /./);

  // Largest contributors to the initial JavaScript, by package (or library of this repository).
  const byOwner = new Map<string, number>();
  for (const f of initial) {
    for (const [path, i] of Object.entries(outputs.get(f)?.inputs ?? {})) {
      const owner = /^node_modules\/((@[^/]+\/)?[^/]+)/.exec(path)?.[1] ?? /^(libs\/[^/]+\/[^/]+|apps\/[^/]+)/.exec(path)?.[1] ?? path;
      byOwner.set(owner, (byOwner.get(owner) ?? 0) + i.bytesInOutput);
    }
  }
  const top = [...byOwner].sort((a, b) => b[1] - a[1]).slice(0, 15);
  const groups = Object.entries(LAZY_GROUPS).map(([name, test]) => ({
    name,
    initial: bytesOf(initial, test),
    lazy: bytesOf(lazy, test),
    chunks: lazy.filter((f) => bytesOf([f], test) > 0).length,
  }));

  const figures: Figure[] = [
    { figure: 'initial JavaScript, raw', ours: kb(initialRaw), floor: kb(frameworkRaw), unit: 'KB' },
    { figure: 'initial JavaScript, gzip', ours: kb(initialGzip), unit: 'KB', goal: '≤ 300 KB', met: initialGzip <= 300 * 1024 },
    { figure: 'initial CSS, raw / gzip', ours: `${kb(raw(css))} KB / ${kb(gz(css))} KB` },
    { figure: 'lazy chunks (every other route), raw / gzip', ours: `${kb(raw(lazy))} KB / ${kb(gz(lazy))} KB in ${lazy.length} files` },
    ...groups.map((g) => ({
      figure: `${g.name} in the initial JavaScript`,
      ours: kb(g.initial),
      unit: 'KB',
      goal: `0 (lazy: ${kb(g.lazy)} KB in ${g.chunks} chunks)`,
      met: g.initial === 0 && g.lazy > 0,
    })),
  ];
  return {
    figures,
    notes: [
      `Initial files: ${[...initial].join(', ')} (${initial.size} files: index.html's script and module preloads, and their static imports), gzip level 9. The floor is the part of them that is Angular itself (@angular/core, common, platform-browser, router), RxJS and tslib, from the esbuild stats (bytes in output, raw).`,
    ],
    details: `Largest contributors to the initial JavaScript (bytes in output before gzip, of ${kb(inputsOfInitial)} KB):\n\n| package or library | KB |\n|---|---|\n${top.map(([o, b]) => `| ${o} | ${kb(b)} |`).join('\n')}\n`,
  };
}

interface LighthouseResult {
  score: number;
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  si: number;
}

/** Lighthouse asks to be run again on some trace failures (NO_NAVSTART, NO_FCP under load): up to three tries. */
async function lighthouse(url: string): Promise<LighthouseResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await lighthouseOnce(url);
    } catch (error) {
      if (attempt >= 3) throw error;
      console.warn(
        `lighthouse ${url}, attempt ${attempt}: ${(error as Error).message.split('\n').find((l) => l.includes('Runtime error')) ?? (error as Error).message.slice(0, 200)}`,
      );
    }
  }
}

async function lighthouseOnce(url: string): Promise<LighthouseResult> {
  const dir = mkdtempSync(join(tmpdir(), 'lighthouse-'));
  const out = join(dir, 'report.json');
  try {
    await promisify(execFile)(
      process.execPath,
      [
        join(ROOT, 'node_modules', 'lighthouse', 'cli', 'index.js'),
        url,
        '--only-categories=performance',
        '--output=json',
        `--output-path=${out}`,
        '--quiet',
        `--chrome-flags=--headless=new --no-sandbox --disable-gpu --user-data-dir=${join(dir, 'profile')}`,
      ],
      { env: { ...process.env, CHROME_PATH: CHROMIUM }, timeout: 180_000, maxBuffer: 64 * 1024 * 1024 },
    );
    const report = JSON.parse(readFileSync(out, 'utf8')) as {
      categories: { performance: { score: number | null } };
      audits: Record<string, { numericValue?: number }>;
      runtimeError?: { message: string };
    };
    if (report.runtimeError || report.categories.performance.score === null)
      throw new Error(`lighthouse ${url}: ${report.runtimeError?.message ?? 'no score'}`);
    const a = (id: string) => report.audits[id]?.numericValue ?? Number.NaN;
    return {
      score: Math.round(report.categories.performance.score * 100),
      fcp: a('first-contentful-paint'),
      lcp: a('largest-contentful-paint'),
      tbt: a('total-blocking-time'),
      cls: a('cumulative-layout-shift'),
      si: a('speed-index'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The pages as the app renders them (translations loaded), saved without any script: the floor's pages. */
async function snapshots(base: string): Promise<Map<string, string>> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  const pages = new Map<string, string>();
  try {
    const page = await browser.newPage();
    for (const p of PAGES) {
      await page.goto(`${base}${p.path}`, { waitUntil: 'networkidle' });
      await page.locator('h1').first().waitFor();
      const html = await page.evaluate(() => {
        document.querySelectorAll('script, link[rel="modulepreload"]').forEach((e) => e.remove());
        return `<!doctype html>\n${document.documentElement.outerHTML}`;
      });
      pages.set(p.path, html);
    }
  } finally {
    await browser.close();
  }
  return pages;
}

async function main(): Promise<void> {
  const started = Date.now();
  const b = bundle();
  const db = await createDatabase();
  const api = await startApi({ databaseUrl: db.url });
  const pages = await snapshots(api.url);
  const floor = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const html = pages.get(path);
    if (html) return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    const file = join(BROWSER, basename(path));
    if (existsSync(file) && extname(file))
      return void res
        .writeHead(200, { 'content-type': extname(file) === '.css' ? 'text/css' : 'application/octet-stream' })
        .end(readFileSync(file));
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => floor.listen(0, '127.0.0.1', () => r()));
  const floorUrl = `http://127.0.0.1:${(floor.address() as { port: number }).port}`;
  try {
    const figures: Figure[] = [...b.figures];
    for (const p of PAGES) {
      const ours = await lighthouse(`${api.url}${p.path}`);
      const bare = await lighthouse(`${floorUrl}${p.path}`);
      figures.push(
        {
          figure: `Lighthouse performance score, ${p.name} (${p.path})`,
          ours: ours.score,
          floor: bare.score,
          goal: 'reported (90+ is "good")',
        },
        { figure: `  first contentful paint, ${p.name}`, ours: round(ours.fcp, 0), floor: round(bare.fcp, 0), unit: 'ms' },
        { figure: `  largest contentful paint, ${p.name}`, ours: round(ours.lcp, 0), floor: round(bare.lcp, 0), unit: 'ms' },
        { figure: `  total blocking time, ${p.name}`, ours: round(ours.tbt, 0), floor: round(bare.tbt, 0), unit: 'ms' },
        { figure: `  cumulative layout shift, ${p.name}`, ours: round(ours.cls, 3), floor: round(bare.cls, 3) },
      );
    }
    saveSection(
      {
        name: 'web',
        title: '5. Web app',
        command: 'npm run bench:web',
        floor:
          'bundle: the Angular framework, router, RxJS and tslib part of the same initial JavaScript; Lighthouse: the same pages as the app rendered them, saved as static HTML (scripts removed, same stylesheet) and served by a bare Node `http` server',
        figures,
        notes: [
          ...b.notes,
          'Lighthouse 12.2.3 with its default mobile configuration (simulated Slow 4G and 4× CPU slowdown), performance category only, headless /usr/bin/chromium, anonymous visitor, the API serving the production build (brotli when the browser accepts it).',
        ],
        details: b.details,
      },
      started,
    );
  } finally {
    floor.close();
    await api.stop();
    await db.drop();
  }
}

run(main);
