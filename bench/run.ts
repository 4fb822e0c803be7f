/**
 * `npm run bench`: every benchmark of issue 9 in order, each in its own process (after the build the
 * npm script does once), then docs/PERFORMANCE.md from their results (bench/results/<name>.json).
 * A benchmark that fails is reported as such in the document; the others still run.
 * Run one: npm run bench:rest | bench:fanout -- 200 | bench:charter | bench:scale | bench:web
 */
import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { machine, RESULTS_DIR, run, serverUrl, withPg, type Section } from './support';

const ROOT = join(__dirname, '..');
const BENCHES: { name: string; file: string; args?: string[] }[] = [
  { name: 'rest', file: 'rest.bench.ts' },
  { name: 'fanout-200', file: 'fanout.bench.ts', args: ['200'] },
  { name: 'fanout-1000', file: 'fanout.bench.ts', args: ['1000'] },
  { name: 'charter', file: 'charter.bench.ts' },
  { name: 'scale', file: 'scale.bench.ts' },
  { name: 'web', file: 'web.bench.ts' },
];

function runOne(file: string, args: string[]): Promise<{ code: number | null; tail: string; seconds: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...process.execArgv, join(__dirname, file), ...args], { cwd: ROOT, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let tail = '';
    const keep = (chunk: Buffer) => {
      process.stdout.write(chunk);
      tail = (tail + chunk.toString()).slice(-4000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('exit', (code) => resolve({ code, tail, seconds: Math.round((Date.now() - started) / 1000) }));
  });
}

const cell = (v: unknown): string => (v === undefined || v === null || v === '' ? '' : typeof v === 'number' ? (Number.isInteger(v) ? v.toLocaleString('en') : v.toLocaleString('en', { maximumFractionDigits: 2 })) : String(v).replace(/\|/g, '\\|'));

function table(section: Section): string {
  const rows = section.figures.map((f) => {
    const unit = f.unit ? ` ${f.unit}` : '';
    const ours = typeof f.ours === 'number' ? `${cell(f.ours)}${unit}` : cell(f.ours);
    const floor = f.floor === undefined ? '' : `${cell(f.floor)}${unit}`;
    const ratio = f.ratio === undefined ? '' : `${f.ratio.toFixed(2)}×`;
    const met = f.met === undefined ? '' : f.met ? 'yes' : '**no**';
    return `| ${cell(f.figure).replace(/^ +/, '↳ ')} | ${ours} | ${floor} | ${ratio} | ${cell(f.goal)} | ${met} |`;
  });
  return ['| figure | ours | floor | ratio ours/floor | goal | met? |', '|---|---|---|---|---|---|', ...rows].join('\n');
}

interface Outcome {
  name: string;
  file: string;
  args: string[];
  code: number | null;
  tail: string;
  seconds: number;
}

interface RunRecord {
  started: string;
  totalS: number;
  machine: ReturnType<typeof machine>;
  loadAtEnd?: string;
  postgres: string;
  commit: string;
  dirty: number;
  outcomes: Outcome[];
}

async function runAll(): Promise<RunRecord> {
  const started = new Date();
  const m = machine();
  const postgres = await withPg(serverUrl(), async (c) => (await c.query('SHOW server_version')).rows[0].server_version as string).catch(() => 'unreachable');
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim();
  const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT }).toString().trim().split('\n').filter(Boolean).length;
  const outcomes: Outcome[] = [];
  for (const b of BENCHES) {
    rmSync(join(RESULTS_DIR, `${b.name}.json`), { force: true });
    console.log(`\n=== ${b.file} ${(b.args ?? []).join(' ')} ===`);
    outcomes.push({ ...b, args: b.args ?? [], ...(await runOne(b.file, b.args ?? [])) });
  }
  const record = { started: started.toISOString(), totalS: Math.round((Date.now() - started.getTime()) / 1000), machine: m, loadAtEnd: machine().load, postgres, commit, dirty, outcomes };
  writeFileSync(join(RESULTS_DIR, 'run.json'), JSON.stringify(record, null, 2));
  return record;
}

/** `--report-only`: writes docs/PERFORMANCE.md again from the last run's results (after editing bench/findings.md, say). */
async function main(): Promise<void> {
  const record: RunRecord = process.argv.includes('--report-only') ? JSON.parse(readFileSync(join(RESULTS_DIR, 'run.json'), 'utf8')) : await runAll();
  const { totalS, machine: m, postgres, commit, dirty } = record;
  const outcomes = record.outcomes.map((o) => {
    const file = join(RESULTS_DIR, `${o.name}.json`);
    return { ...o, section: existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Section) : undefined };
  });
  const summary = outcomes.flatMap((o) => (o.section ? o.section.figures.filter((f) => f.met !== undefined).map((f) => ({ section: o.section!.title, ...f })) : []));
  const missed = summary.filter((f) => f.met === false);
  const lines = [
    '# Performance',
    '',
    'Generated by `npm run bench` (bench/run.ts): every figure is measured against a floor in the same run and',
    'reported as a ratio to it. The machine is shared with other work while it runs, so absolute numbers move',
    'from run to run; the ratios within one run are what to compare. Benchmarks and their floors are in `bench/`.',
    '',
    '## Machine and run',
    '',
    `- Date: ${record.started} (${Math.round(totalS / 60)} min for the whole run, build excluded)`,
    `- CPU: ${m.cpu}, ${m.cores} cores (\`nproc\`); RAM: ${m.ramGiB} GiB; load average (1, 5, 15 min) at start: ${m.load}${record.loadAtEnd ? `, at the end: ${record.loadAtEnd}` : ''}`,
    `- Node ${m.node}; PostgreSQL ${postgres} on the same machine (127.0.0.1); Chromium /usr/bin/chromium for Lighthouse`,
    `- Code: commit ${commit}${dirty ? ` plus ${dirty} file${dirty === 1 ? '' : 's'} with uncommitted changes of work in progress in the shared checkout` : ''}; production builds of the API and the web app`,
    `- Command: \`npm run bench\` (= \`nx run api:build\` and \`nx run web:build --stats-json\`, then \`bench/run.ts\`); each part alone: ${outcomes.map((o) => `\`${o.section?.command ?? `npm run bench:${o.name}`}\``).join(', ')}`,
    '',
    '## Summary',
    '',
    `${summary.length - missed.length} of ${summary.length} goals met.${missed.length ? ` Missed: ${missed.map((f) => `${f.figure.trim()} (${f.section.replace(/^\d+\. /, '')}: ${cell(f.ours)}${f.unit && typeof f.ours === 'number' ? ` ${f.unit}` : ''}, goal ${f.goal})`).join('; ')}.` : ''}`,
    '',
    '| part | duration | result |',
    '|---|---|---|',
    ...outcomes.map((o) => `| ${o.section?.title ?? o.name} | ${o.seconds} s | ${o.code === 0 && o.section ? `${o.section.figures.filter((f) => f.met === true).length} of ${o.section.figures.filter((f) => f.met !== undefined).length} goals met` : `**failed** (exit ${o.code})`} |`),
    '',
  ];
  // Hand-written: what was found and changed because of these measurements (kept across runs).
  const findings = join(__dirname, 'findings.md');
  if (existsSync(findings)) lines.push(readFileSync(findings, 'utf8').trim(), '');
  for (const o of outcomes) {
    if (!o.section) {
      lines.push(`## ${o.name}: failed`, '', `\`node bench/${o.file} ${o.args.join(' ')}\` exited with ${o.code}; the end of its output:`, '', '```', o.tail.trim(), '```', '');
      continue;
    }
    const s = o.section;
    lines.push(`## ${s.title}`, '', `\`${s.command}\` — ${s.durationS} s. Floor: ${s.floor}.`, '', table(s), '', ...s.notes.map((n) => `- ${n}`), '');
    if (s.details) lines.push('<details><summary>Details</summary>', '', s.details, '', '</details>', '');
  }
  writeFileSync(join(ROOT, 'docs', 'PERFORMANCE.md'), lines.join('\n'));
  console.log(`\ndocs/PERFORMANCE.md written (${totalS} s)`);
}

run(main);
