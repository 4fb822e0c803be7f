import { dataSourceOptions, loadConfig, migratePgliteFolder, runMigrationsLocked, startEmbeddedPostgres } from '@alliances/api/core';
import { PasswordService, UserEntity, normaliseEmail } from '@alliances/api/identity';
import { join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { DataSource } from 'typeorm';
import { entities } from './database/entities';
import { migrations } from './database/migrations';

const USAGE = `Usage: npm run admin -- create <email> [display name]
  Creates a platform administrator, or makes an existing account one and resets its password.
  The password is read from ADMIN_PASSWORD, or asked for on the terminal.`;

/** `node main.js admin create <email>`: the platform-administrator CLI (docs/api.md "Identity and account"). */
export async function runAdminCli(args: string[]): Promise<number> {
  const [command, email, ...name] = args;
  if (command !== 'create' || !email || !/^[^@\s]+@[^@\s]+$/.test(email)) {
    console.error(USAGE);
    return 2;
  }
  const password = process.env['ADMIN_PASSWORD'] || (await ask(`Password for ${email} (12 characters or more): `));
  const passwords = new PasswordService();
  try {
    passwords.assertAcceptable(password);
  } catch {
    console.error('The password must have at least 12 characters and not be a common one.');
    return 2;
  }
  const config = loadConfig({ ...process.env, ADMIN_EMAIL: undefined, ADMIN_PASSWORD: undefined });
  const embedded = config.databaseUrl
    ? undefined
    : await startEmbeddedPostgres({ dataDir: config.dataDir, script: join(__dirname, 'assets', 'embedded-postgres.mjs') });
  const dataSource = new DataSource(
    dataSourceOptions({ databaseUrl: embedded?.url ?? (config.databaseUrl as string), entities, migrations, poolSize: 2 }),
  );
  try {
    await dataSource.initialize();
    await runMigrationsLocked(dataSource);
    if (embedded)
      await migratePgliteFolder({ dataDir: config.dataDir, url: embedded.url, script: join(__dirname, 'assets', 'migrate-pglite.mjs') });
    const users = dataSource.getRepository(UserEntity);
    const passwordHash = await passwords.hash(password);
    const existing = await users.findOne({ where: { email: normaliseEmail(email) } });
    if (existing) {
      await users.update(existing.id, { isPlatformAdmin: true, passwordHash, disabledAt: null });
      console.log(`${existing.email} is now a platform administrator (password reset).`);
    } else {
      await users.insert({
        email: normaliseEmail(email),
        displayName: name.join(' ') || 'Administrateur·rice',
        passwordHash,
        isPlatformAdmin: true,
        locale: 'fr',
      });
      console.log(`Platform administrator ${normaliseEmail(email)} created.`);
    }
    return 0;
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await embedded?.stop();
  }
}

async function ask(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  try {
    return (await rl.question(question)).trim();
  } finally {
    rl.close();
  }
}
