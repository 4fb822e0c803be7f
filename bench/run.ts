/**
 * `npm run bench`: every benchmark (issues 9 and 12) in order, each in its own process (after the build
 * the npm script does once), then docs/PERFORMANCE.md from their results (bench/results/<name>.json).
 * A benchmark that fails is reported as such in the document; the others still run.
 * Run one: npm run bench:rest | bench:fanout -- 200 | bench:charter | bench:scale | bench:web (each
 * writes only its bench/results/<name>.json).
 * Update one part of docs/PERFORMANCE.md: `bench/run.ts --part <name>` runs that benchmark alone and
 * rewrites its section, its row of the summary and the goals count in the document as it is, leaving
 * the other parts as measured before (`npm run bench:embedded` does this for part 6); with
 * `--report-only`, from its last result file instead of running it.
 */
import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { machine, RESULTS_DIR, run, serverUrl, withPg, type Figure, type Section } from './support';

const ROOT = join(__dirname, '..');
const BENCHES: { name: string; file: string; args?: string[] }[] = [
  { name: 'rest', file: 'rest.bench.ts' },
  { name: 'fanout-200', file: 'fanout.bench.ts', args: ['200'] },
  { name: 'fanout-1000', file: 'fanout.bench.ts', args: ['1000'] },
  { name: 'charter', file: 'charter.bench.ts' },
  { name: 'scale', file: 'scale.bench.ts' },
  { name: 'web', file: 'web.bench.ts' },
  { name: 'embedded', file: 'embedded.bench.ts' },
  { name: 'files', file: 'files.bench.ts' },
  { name: 'observatory', file: 'observatory.bench.ts' },
];

function runOne(file: string, args: string[]): Promise<{ code: number | null; tail: string; seconds: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...process.execArgv, join(__dirname, file), ...args], {
      cwd: ROOT,
      env: process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
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

const cell = (v: unknown): string =>
  v === undefined || v === null || v === ''
    ? ''
    : typeof v === 'number'
      ? Number.isInteger(v)
        ? v.toLocaleString('en')
        : v.toLocaleString('en', { maximumFractionDigits: 2 })
      : String(v).replace(/\|/g, '\\|');

function table(section: Section): string {
  const rows = section.figures.map((f) => {
    const unit = f.unit ? ` ${f.unit}` : '';
    const ours = typeof f.ours === 'number' ? `${cell(f.ours)}${unit}` : cell(f.ours);
    const floor = f.floor === undefined ? '' : `${cell(f.floor)}${unit}`;
    const ratio = f.ratio === undefined ? '' : `${f.ratio.toFixed(2)}×`;
    const met = f.met === undefined ? '' : f.met ? 'yes' : '**no**';
    return `| ${cell(f.figure).replace(/^ +/, '↳ ')} | ${ours} | ${floor} | ${ratio} | ${cell(f.goal)} | ${met} |`;
  });
  return [TABLE_HEADER, '|---|---|---|---|---|---|', ...rows].join('\n');
}

const TABLE_HEADER = '| figure | ours | floor | ratio ours/floor | goal | met? |';

/** A part's section of the document: heading, command and floor, table, notes, details. */
function sectionLines(s: Section): string[] {
  const lines = [
    `## ${s.title}`,
    '',
    `\`${s.command}\` — ${s.durationS} s. Floor: ${s.floor}.`,
    '',
    table(s),
    '',
    ...s.notes.map((n) => `- ${n}`),
    '',
  ];
  if (s.details) lines.push('<details><summary>Details</summary>', '', s.details, '', '</details>', '');
  return lines;
}

/** A figure with a goal, as the summary names it. */
interface Goal {
  section: string;
  figure: string;
  /** The measured value as the table shows it (with its unit). */
  ours: string;
  goal: string;
  met: boolean;
}

const oursText = (f: Figure): string => `${cell(f.ours)}${f.unit && typeof f.ours === 'number' ? ` ${f.unit}` : ''}`;

function summaryLine(goals: Goal[]): string {
  const missed = goals.filter((g) => !g.met);
  return `${goals.length - missed.length} of ${goals.length} goals met.${missed.length ? ` Missed: ${missed.map((g) => `${g.figure.trim()} (${g.section.replace(/^\d+\. /, '')}: ${g.ours}, goal ${g.goal})`).join('; ')}.` : ''}`;
}

const summaryRow = (title: string, seconds: number, section: Section | undefined, code: number | null): string =>
  `| ${title} | ${seconds} s | ${code === 0 && section ? `${section.figures.filter((f) => f.met === true).length} of ${section.figures.filter((f) => f.met !== undefined).length} goals met` : `**failed** (exit ${code})`} |`;

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

/** The commit measured, and how many tracked files differ from it (the checkout is shared with work in progress). */
function codeState(): { commit: string; dirty: number } {
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim();
  const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT })
    .toString()
    .trim()
    .split('\n')
    .filter(Boolean).length;
  return { commit, dirty };
}

const withChanges = ({ commit, dirty }: { commit: string; dirty: number }): string =>
  `commit ${commit}${dirty ? ` plus ${dirty} file${dirty === 1 ? '' : 's'} with uncommitted changes of work in progress in the shared checkout` : ''}`;

async function runAll(): Promise<RunRecord> {
  const started = new Date();
  const m = machine();
  const postgres = await withPg(serverUrl(), async (c) => (await c.query('SHOW server_version')).rows[0].server_version as string).catch(
    () => 'unreachable',
  );
  const { commit, dirty } = codeState();
  const outcomes: Outcome[] = [];
  for (const b of BENCHES) {
    rmSync(join(RESULTS_DIR, `${b.name}.json`), { force: true });
    console.log(`\n=== ${b.file} ${(b.args ?? []).join(' ')} ===`);
    outcomes.push({ ...b, args: b.args ?? [], ...(await runOne(b.file, b.args ?? [])) });
  }
  const record = {
    started: started.toISOString(),
    totalS: Math.round((Date.now() - started.getTime()) / 1000),
    machine: m,
    loadAtEnd: machine().load,
    postgres,
    commit,
    dirty,
    outcomes,
  };
  writeFileSync(join(RESULTS_DIR, 'run.json'), JSON.stringify(record, null, 2));
  return record;
}

// One part -----------------------------------------------------------------------------------------

/** The document's preamble (before its first `## ` heading), then each `## ` block, heading line first. */
function blocksOf(doc: string): string[][] {
  const blocks: string[][] = [[]];
  for (const line of doc.split('\n')) {
    if (line.startsWith('## ')) blocks.push([]);
    blocks[blocks.length - 1].push(line);
  }
  return blocks;
}

const partNumber = (heading: string): number => Number(/^(?:## |\| )?(\d+)\./.exec(heading)?.[1] ?? Number.NaN);

/** The figures with a goal in a part's table, read back from the document as sectionLines wrote it. */
function goalsIn(block: string[]): Goal[] {
  const start = block.indexOf(TABLE_HEADER);
  if (start < 0) return [];
  const goals: Goal[] = [];
  for (const row of block.slice(start + 2)) {
    if (!row.startsWith('|')) break;
    const [figure, ours, , , goal, met] = row
      .slice(1, -1)
      .split(/(?<!\\)\|/)
      .map((c) => c.trim().replace(/\\\|/g, '|'));
    if (met === 'yes' || met === '**no**')
      goals.push({ section: block[0].slice(3), figure: figure.replace(/^↳ /, ''), ours, goal, met: met === 'yes' });
  }
  return goals;
}

/**
 * `--part <name>`: runs that benchmark alone (or, with `--report-only`, takes its last result file) and
 * updates docs/PERFORMANCE.md in place: the part's section (replaced, or inserted in the order of the
 * parts' numbers), its row of the summary table, the goals count and the missed goals (read from every
 * part's table in the document), a line under "Machine and run" saying when and on what it ran, and the
 * hand-written findings from bench/findings.md. The other parts stay as they were measured.
 */
async function updatePart(name: string, reportOnly: boolean): Promise<void> {
  const bench = BENCHES.find((b) => b.name === name);
  if (!bench) throw new Error(`--part: no benchmark named ${name} (${BENCHES.map((b) => b.name).join(', ')})`);
  const file = join(RESULTS_DIR, `${name}.json`);
  // The code measured, kept beside the result for --report-only (others commit in the shared checkout meanwhile).
  const codeFile = join(RESULTS_DIR, `${name}.code.json`);
  let code = codeState();
  let seconds: number | undefined;
  if (!reportOnly) {
    rmSync(file, { force: true });
    const outcome = await runOne(bench.file, bench.args ?? []);
    if (outcome.code !== 0 || !existsSync(file))
      throw new Error(`bench/${bench.file} failed (exit ${outcome.code}): docs/PERFORMANCE.md left as it was`);
    seconds = outcome.seconds;
    writeFileSync(codeFile, JSON.stringify(code));
  } else if (existsSync(codeFile)) code = JSON.parse(readFileSync(codeFile, 'utf8')) as typeof code;
  const section = JSON.parse(readFileSync(file, 'utf8')) as Section;
  const docFile = join(ROOT, 'docs', 'PERFORMANCE.md');
  const blocks = blocksOf(readFileSync(docFile, 'utf8'));
  const heading = `## ${section.title}`;

  const fresh = sectionLines(section).join('\n').split('\n');
  const at = blocks.findIndex((b) => b[0] === heading || b[0] === `## ${name}: failed`);
  if (at > 0) blocks[at] = fresh;
  else {
    const later = blocks.findIndex((b) => partNumber(b[0]) > partNumber(heading));
    blocks.splice(later < 0 ? blocks.length : later, 0, fresh);
  }

  const findingsFile = join(__dirname, 'findings.md');
  if (existsSync(findingsFile)) {
    const findings = readFileSync(findingsFile, 'utf8').trim().split('\n');
    const i = blocks.findIndex((b) => b[0] === findings[0]);
    if (i > 0) blocks[i] = [...findings, ''];
  }

  const summary = blocks.find((b) => b[0] === '## Summary');
  if (!summary) throw new Error('docs/PERFORMANCE.md has no "## Summary": run the whole `npm run bench` once');
  const goals = blocks.filter((b) => /^## \d+\./.test(b[0])).flatMap(goalsIn);
  summary[summary.findIndex((l) => /^\d+ of \d+ goals met\./.test(l))] = summaryLine(goals);
  const row = summaryRow(section.title, seconds ?? section.durationS, section, 0);
  const existing = summary.findIndex((l) => l.startsWith(`| ${section.title} |`));
  if (existing >= 0) summary[existing] = row;
  else {
    const rows = summary.map((l, i) => ({ l, i })).filter(({ l }) => /^\| \d+\./.test(l));
    const before = rows.find(({ l }) => partNumber(l) > partNumber(heading));
    summary.splice(before ? before.i : (rows[rows.length - 1]?.i ?? summary.length - 2) + 1, 0, row);
  }

  const machineBlock = blocks.find((b) => b[0] === '## Machine and run');
  if (machineBlock) {
    const line = `- Part “${section.title}” run alone at ${section.startedAt} on ${withChanges(code)}: \`${section.command}\`, which redraws only its section, its summary row and the goals count (\`bench/run.ts --part ${name}\`); the machine's load during it is in its notes`;
    const mine = machineBlock.findIndex((l) => l.startsWith(`- Part “${section.title}”`));
    const command = machineBlock.findIndex((l) => l.startsWith('- Command:'));
    if (mine >= 0) machineBlock[mine] = line;
    else machineBlock.splice(command >= 0 ? command : machineBlock.length - 1, 0, line);
    const c = machineBlock.findIndex((l) => l.startsWith('- Command:'));
    if (c >= 0 && !machineBlock[c].includes(`\`${section.command}\``)) machineBlock[c] += `, \`${section.command}\``;
  }

  writeFileSync(docFile, blocks.flat().join('\n'));
  console.log(`\ndocs/PERFORMANCE.md: ${section.title} updated`);
}

// The whole run ---------------------------------------------------------------------------------

/** `--report-only`: writes docs/PERFORMANCE.md again from the last run's results (after editing bench/findings.md, say). */
async function main(): Promise<void> {
  const part = process.argv.indexOf('--part');
  if (part > 0) return updatePart(process.argv[part + 1] ?? '', process.argv.includes('--report-only'));
  const record: RunRecord = process.argv.includes('--report-only')
    ? JSON.parse(readFileSync(join(RESULTS_DIR, 'run.json'), 'utf8'))
    : await runAll();
  const { totalS, machine: m, postgres, commit, dirty } = record;
  const outcomes = record.outcomes.map((o) => {
    const file = join(RESULTS_DIR, `${o.name}.json`);
    return { ...o, section: existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Section) : undefined };
  });
  const goals = outcomes.flatMap(({ section: s }) =>
    s
      ? s.figures
          .filter((f) => f.met !== undefined)
          .map((f): Goal => ({ section: s.title, figure: f.figure, ours: oursText(f), goal: f.goal ?? '', met: f.met === true }))
      : [],
  );
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
    `- Code: ${withChanges({ commit, dirty })}; production builds of the API and the web app`,
    `- Command: \`npm run bench\` (= \`nx run api:build\` and \`nx run web:build --stats-json\`, then \`bench/run.ts\`); each part alone: ${outcomes.map((o) => `\`${o.section?.command ?? `npm run bench:${o.name}`}\``).join(', ')}`,
    '',
    '## Summary',
    '',
    summaryLine(goals),
    '',
    '| part | duration | result |',
    '|---|---|---|',
    ...outcomes.map((o) => summaryRow(o.section?.title ?? o.name, o.seconds, o.section, o.code)),
    '',
  ];
  // Hand-written: what was found and changed because of these measurements (kept across runs).
  const findings = join(__dirname, 'findings.md');
  if (existsSync(findings)) lines.push(readFileSync(findings, 'utf8').trim(), '');
  for (const o of outcomes) {
    if (!o.section) {
      lines.push(
        `## ${o.name}: failed`,
        '',
        `\`node bench/${o.file} ${o.args.join(' ')}\` exited with ${o.code}; the end of its output:`,
        '',
        '```',
        o.tail.trim(),
        '```',
        '',
      );
      continue;
    }
    lines.push(...sectionLines(o.section));
  }
  writeFileSync(join(ROOT, 'docs', 'PERFORMANCE.md'), lines.join('\n'));
  console.log(`\ndocs/PERFORMANCE.md written (${totalS} s)`);
}

run(main);
