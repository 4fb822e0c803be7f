import { appendFileSync, mkdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';

export { percentile } from './support';

/** Prints a table and appends it, with machine and date, to bench/results/<name>.md (bench:argon2; issue 9's benchmarks write JSON through support.ts). */
export function report(name: string, rows: { figure: string; value: number }[]): void {
  const header = `### ${name} — ${new Date().toISOString()} — ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, ${process.env['TEST_DATABASE_URL'] ? 'PostgreSQL' : 'embedded PostgreSQL'}`;
  const table = [
    '| figure | value |',
    '|---|---|',
    ...rows.map((r) => `| ${r.figure} | ${Number.isInteger(r.value) ? r.value : r.value.toFixed(2)} |`),
  ].join('\n');
  console.log(`${header}\n\n${table}\n`);
  const dir = join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  appendFileSync(join(dir, `${name}.md`), `${header}\n\n${table}\n\n`);
}
