import { Logger } from '@nestjs/common';
import { spawn } from 'node:child_process';
import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';

/** Where the embedded database lived before decision 0009 (PGlite). */
export const pgliteFolder = (dataDir: string): string => join(dataDir, 'pg');

/**
 * On the first start after the upgrade, moves a PGlite folder's data into the embedded server (see
 * `assets/migrate-pglite.mjs`), checks the row count of every table, and keeps the old folder beside
 * the new one as `pg.pglite-migrated-<date>`. Nothing to do when there is no PGlite folder. A failure
 * leaves the new database empty and the old folder untouched, and stops the start-up.
 */
export async function migratePgliteFolder(options: {
  dataDir: string;
  url: string;
  script: string;
  logger?: Logger;
}): Promise<Record<string, number> | undefined> {
  const logger = options.logger ?? new Logger('Database');
  const folder = pgliteFolder(options.dataDir);
  const pgdata = join(folder, 'pgdata');
  if (!existsSync(join(pgdata, 'PG_VERSION'))) return undefined;
  logger.log(`Moving the data of the previous embedded database (PGlite, ${folder}) into the PostgreSQL server…`);
  const started = Date.now();
  const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [options.script, pgdata, options.url], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (exitCode) => resolve({ code: exitCode, stdout, stderr }));
  });
  if (code !== 0) {
    throw new Error(
      `The previous embedded database (${folder}) could not be moved to PostgreSQL: ${stderr.trim() || `exit ${code}`}. Its folder is untouched; nothing was lost.`,
    );
  }
  const { tables } = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as { tables: Record<string, number> };
  const kept = `${folder}.pglite-migrated-${new Date().toISOString().slice(0, 10)}`;
  renameSync(folder, existsSync(kept) ? `${kept}-${Date.now()}` : kept);
  const rows = Object.values(tables).reduce((sum, n) => sum + n, 0);
  logger.log(
    `Moved ${rows} rows in ${Object.keys(tables).length} tables from PGlite in ${((Date.now() - started) / 1000).toFixed(1)} s; row counts checked table by table. The old folder is kept as ${kept} (delete it once you are satisfied).`,
  );
  return tables;
}
